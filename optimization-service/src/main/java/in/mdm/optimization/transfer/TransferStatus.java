package in.mdm.optimization.transfer;

/**
 * PROPOSED, then APPROVED or REJECTED by an officer; an approved plan is then EXECUTED or
 * REFUSED by school-service.
 */
public enum TransferStatus {

    PROPOSED, APPROVED, REJECTED, EXECUTED, REFUSED

}
