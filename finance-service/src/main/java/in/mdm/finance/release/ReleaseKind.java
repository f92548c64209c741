package in.mdm.finance.release;

/**
 * What a release draws on: a quarter's tranche of the allocation, or an emergency amount
 * with a reason.
 */
public enum ReleaseKind {

    QUARTERLY, EMERGENCY

}
