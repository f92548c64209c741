package in.mdm.optimization.transfer;

/** What a transfer list is narrowed to; a null component matches everything. */
record TransferFilter(TransferStatus status, Commodity commodity, String udiseCode) {
}
