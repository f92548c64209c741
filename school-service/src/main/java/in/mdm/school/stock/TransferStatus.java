package in.mdm.school.stock;

/** What became of a transfer (stored in {@code stock_transfers.status} by name). */
public enum TransferStatus {

    /** Both ledgers moved. */
    EXECUTED,
    /** Nothing moved; {@code refusal} says why. */
    REFUSED

}
