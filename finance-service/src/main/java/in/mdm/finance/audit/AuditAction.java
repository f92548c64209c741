package in.mdm.finance.audit;

/**
 * What an audit entry records, with the names the trail stores and answers: the action
 * ({@code release.approved}) and the kind of thing it changed ({@code release}), by which
 * the trail is filtered.
 */
public enum AuditAction {

    ALLOCATION_CALCULATED("allocation.calculated", "allocation-run"),
    ALLOCATION_ADJUSTED("allocation.adjusted", "allocation"), NORM_REVISED("norm.revised", "norm"),
    RELEASE_REQUESTED("release.requested", "release"), RELEASE_APPROVED("release.approved", "release"),
    RELEASE_REJECTED("release.rejected", "release"), TREASURY_CONFIRMED("treasury.confirmed", "treasury-instruction"),
    UTILIZATION_RECORDED("utilization.recorded", "utilization");

    private final String action;

    private final String entity;

    AuditAction(String action, String entity) {
        this.action = action;
        this.entity = entity;
    }

    /** The action as stored in {@code audit_log.action}. */
    public String action() {
        return action;
    }

    /** The kind of thing changed, as stored in {@code audit_log.entity}. */
    public String entity() {
        return entity;
    }

}
