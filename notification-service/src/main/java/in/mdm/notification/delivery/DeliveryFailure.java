package in.mdm.notification.delivery;

/**
 * A channel could not deliver: {@code permanent} when trying again cannot help (a refused
 * address, a missing DLT template id, a 4xx from the gateway).
 */
class DeliveryFailure extends Exception {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }

}
