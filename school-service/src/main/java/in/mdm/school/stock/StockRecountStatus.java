package in.mdm.school.stock;

/** Where a stock recount job is. */
public enum StockRecountStatus {

    QUEUED, RUNNING, SUCCEEDED, FAILED

}
