package in.mdm.finance.release;

/**
 * Where a release stands: waiting for a level's approval, released by the school's
 * approval, or rejected.
 */
public enum ReleaseStatus {

    PENDING, RELEASED, REJECTED

}
