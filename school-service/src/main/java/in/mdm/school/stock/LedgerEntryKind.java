package in.mdm.school.stock;

/**
 * What moved the stock of a school or kitchen (stored in the ledgers' {@code kind} by
 * name).
 */
public enum LedgerEntryKind {

    /** A delivery received. */
    RECEIPT,
    /** Meals served (a correction posts the difference). */
    CONSUMPTION,
    /** An officer's adjustment, in or out, with a reason. */
    ADJUSTMENT,
    /** Received from another school or kitchen by a transfer. */
    TRANSFER_IN,
    /** Sent to another school or kitchen by a transfer. */
    TRANSFER_OUT

}
