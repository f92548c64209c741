package in.mdm.finance;

/**
 * Every problem code finance-service answers with (the {@code code} of its RFC 9457
 * problems). API clients rely on them: a code, once published, keeps its meaning. Each is
 * listed in the service's README with its HTTP status and when it is answered;
 * {@code ProblemCodesTests} holds both.
 */
public final class FinanceProblems {

    // schools (finance's copy of the register)
    /** 404: no funded school with the UDISE code in the caller's jurisdiction. */
    public static final String SCHOOL_NOT_FOUND = "finance.school.not-found";

    // allocations
    /**
     * 404: no allocation (of the id, of the school and year, or in the area) in the
     * caller's jurisdiction.
     */
    public static final String ALLOCATION_NOT_FOUND = "finance.allocation.not-found";

    /** 400: a calculation names both a district and a block. */
    public static final String ALLOCATION_ONE_SCOPE = "finance.allocation.one-scope";

    /** 409: an adjustment below what has been released. */
    public static final String ALLOCATION_BELOW_RELEASED = "finance.allocation.below-released";

    // cost norms
    /** 400: a revision from a day that has passed. */
    public static final String NORM_RETROACTIVE = "finance.norm.retroactive";

    /** 400: a centre share that is not one of the sharing patterns. */
    public static final String NORM_SHARING_PATTERN = "finance.norm.sharing-pattern";

    /** 409: norms from that date exist already. */
    public static final String NORM_EXISTS = "finance.norm.exists";

    /** 409: no norms in force on the academic year's first day. */
    public static final String NORM_MISSING = "finance.norm.missing";

    /** 409: the two categories' norms in force disagree on the centre's share. */
    public static final String NORM_INCONSISTENT = "finance.norm.inconsistent";

    // fund releases: the request
    /** 400: a quarterly release without its quarter. */
    public static final String RELEASE_QUARTER_REQUIRED = "finance.release.quarter-required";

    /** 400: a quarterly release naming an amount. */
    public static final String RELEASE_AMOUNT_NOT_ALLOWED = "finance.release.amount-not-allowed";

    /** 400: an emergency release without its amount or its reason. */
    public static final String RELEASE_EMERGENCY_NEEDS_AMOUNT_AND_REASON = "finance.release.emergency-needs-amount-and-reason";

    /** 400: an emergency release naming a quarter or a release percent. */
    public static final String RELEASE_QUARTER_NOT_ALLOWED = "finance.release.quarter-not-allowed";

    /** 400: a release percent outside the hold-back band. */
    public static final String RELEASE_PERCENT_OUT_OF_BAND = "finance.release.percent-out-of-band";

    /** 409: the quarter has a live release already. */
    public static final String RELEASE_TRANCHE_EXISTS = "finance.release.tranche-exists";

    /** 409: the tranche comes to nothing (the allocation is zero). */
    public static final String RELEASE_NOTHING_TO_RELEASE = "finance.release.nothing-to-release";

    /**
     * 409: the release would take what is requested or released beyond the allocation.
     */
    public static final String RELEASE_EXCEEDS_ALLOCATION = "finance.release.exceeds-allocation";

    // fund releases: the decisions
    /** 404: no release with the id in the caller's jurisdiction. */
    public static final String RELEASE_NOT_FOUND = "finance.release.not-found";

    /** 409: a decision on a release that is released or rejected. */
    public static final String RELEASE_NOT_PENDING = "finance.release.not-pending";

    /** 409: a level deciding before or after its turn. */
    public static final String RELEASE_OUT_OF_ORDER = "finance.release.out-of-order";

    /** 409: the requester approving their own request. */
    public static final String RELEASE_OWN_REQUEST = "finance.release.own-request";

    /**
     * 409: a caller who acts at no approval level (the state, or a caller without a
     * jurisdiction).
     */
    public static final String RELEASE_NO_APPROVAL_LEVEL = "finance.release.no-approval-level";

    // treasury callbacks
    /** 401: the callback's signature does not match its body. */
    public static final String TREASURY_BAD_SIGNATURE = "finance.treasury.bad-signature";

    /** 401: a callback with neither a signature nor a token. */
    public static final String TREASURY_UNAUTHENTICATED = "finance.treasury.unauthenticated";

    /** 403: a token without the callback scope. */
    public static final String TREASURY_FORBIDDEN = "finance.treasury.forbidden";

    /** 400: a callback body that is not JSON of a confirmation. */
    public static final String TREASURY_UNREADABLE_CALLBACK = "finance.treasury.unreadable-callback";

    /** 400: a confirmation with a missing or wrong field. */
    public static final String TREASURY_INVALID_CALLBACK = "finance.treasury.invalid-callback";

    /** 404: no instruction with the idempotency key. */
    public static final String TREASURY_UNKNOWN_INSTRUCTION = "finance.treasury.unknown-instruction";

    /** 409: another reference for an instruction confirmed already. */
    public static final String TREASURY_CONFLICTING_CALLBACK = "finance.treasury.conflicting-callback";

    // utilization
    /** 400: spending of a month that has not begun. */
    public static final String UTILIZATION_FUTURE_MONTH = "finance.utilization.future-month";

    /** 409: the school's spending of that month and category is recorded already. */
    public static final String UTILIZATION_EXISTS = "finance.utilization.exists";

    private FinanceProblems() {
    }

}
