package in.mdm.school.delivery;

/** Where a delivery is (stored in {@code deliveries.status} by name). */
public enum DeliveryStatus {

    /** Promised and not yet received. */
    SCHEDULED,
    /** Past its promised date and not received (DeliveryDelayed published once). */
    DELAYED,
    /** Received: the school's receipt entered its stock ledger. */
    RECEIVED

}
