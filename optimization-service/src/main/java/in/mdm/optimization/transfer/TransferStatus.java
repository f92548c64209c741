package in.mdm.optimization.transfer;

public enum TransferStatus {

    PROPOSED, APPROVED, REJECTED

}
