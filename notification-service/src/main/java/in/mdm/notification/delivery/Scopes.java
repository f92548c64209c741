package in.mdm.notification.delivery;

import in.mdm.events.Jurisdiction;

/** A jurisdiction as messages name it. */
final class Scopes {

    private Scopes() {
    }

    static String label(Jurisdiction scope) {
        if (scope == null) {
            return "";
        }
        return switch (scope.level()) {
            case STATE -> "state " + scope.code();
            case DISTRICT -> "district " + scope.code();
            case BLOCK -> "block " + scope.code();
            case SCHOOL -> "school " + scope.code();
        };
    }

}
