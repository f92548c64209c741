package in.mdm.optimization;

/**
 * The problem codes optimization-service answers with (the {@code code} of its RFC 9457
 * problems), each documented in the service's README. Missing or bad tokens, roles that
 * may not call and bad parameters are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class OptimizationProblems {

    // Transfer plans

    /** 400: a plan from a school to itself. */
    public static final String TRANSFER_SAME_SCHOOL = "optimization.transfer.same-school";

    /** 404: a school of the plan is unknown or outside the caller's jurisdiction. */
    public static final String SCHOOL_NOT_FOUND = "optimization.school.not-found";

    /** 404: no such plan, or one outside the caller's jurisdiction. */
    public static final String TRANSFER_NOT_FOUND = "optimization.transfer.not-found";

    /** 409: a plan for this route and commodity is already waiting for a decision. */
    public static final String TRANSFER_ALREADY_PROPOSED = "optimization.transfer.already-proposed";

    // What-if runs

    /** 404: no such what-if run, or one outside the caller's jurisdiction. */
    public static final String SCENARIO_NOT_FOUND = "optimization.scenario.not-found";

    /**
     * 404: a district or block of a what-if run is unknown here, or outside the caller's
     * jurisdiction.
     */
    public static final String SCENARIO_AREA_NOT_FOUND = "optimization.scenario.area-not-found";

    /** 404: a closed kitchen cooks for no school of the run's area. */
    public static final String SCENARIO_KITCHEN_NOT_FOUND = "optimization.scenario.kitchen-not-found";

    /** 404: a delayed supplier serves no site of the run's area. */
    public static final String SCENARIO_SUPPLIER_NOT_FOUND = "optimization.scenario.supplier-not-found";

    /** 400: the area's schools times the runs exceed what one job may hold. */
    public static final String SCENARIO_TOO_LARGE = "optimization.scenario.too-large";

    /** 409: the plan was decided already (approved, rejected, executed or refused). */
    public static final String TRANSFER_ALREADY_DECIDED = "optimization.transfer.already-decided";

    // Calculations

    /**
     * 404: the district or block to plan is unknown or outside the caller's jurisdiction.
     */
    public static final String SCOPE_NOT_FOUND = "optimization.scope.not-found";

    /** 404: no such calculation, or one outside the caller's jurisdiction. */
    public static final String RUN_NOT_FOUND = "optimization.run.not-found";

    private OptimizationProblems() {
    }

}
