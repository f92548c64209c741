package in.mdm.platform.web;

import java.util.Map;
import java.util.Optional;

/**
 * Maps database unique-constraint names to problem codes and messages, so a duplicate
 * becomes a 409 that says what is duplicated. Each service declares one bean of this type
 * for its own constraints.
 */
public record ConstraintCodes(Map<String, Conflict> byConstraint) {

    public record Conflict(String code, String detail) {
    }

    public static ConstraintCodes none() {
        return new ConstraintCodes(Map.of());
    }

    Optional<Conflict> find(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return byConstraint.entrySet()
            .stream()
            .filter(e -> message.contains("\"" + e.getKey() + "\""))
            .map(Map.Entry::getValue)
            .findFirst();
    }
}
