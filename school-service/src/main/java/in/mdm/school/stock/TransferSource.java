package in.mdm.school.stock;

/** Where a transfer came from (stored in {@code stock_transfers.source} by name). */
public enum TransferSource {

    /** A TransferApproved of optimization-service. */
    APPROVED,
    /** Entered by an officer, with a reason. */
    MANUAL

}
