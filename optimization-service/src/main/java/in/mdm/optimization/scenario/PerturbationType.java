package in.mdm.optimization.scenario;

/**
 * What a what-if run changes in the twin (optimization-service/README.md, "What-if
 * runs").
 */
public enum PerturbationType {

    /**
     * {@code supplierCode, days}: every delivery of the supplier's sites comes days
     * later.
     */
    SUPPLIER_DELAY,

    /**
     * {@code kitchenId, fromDay, days}: the kitchen cooks nothing; its schools get no
     * meal.
     */
    KITCHEN_CLOSED,

    /**
     * {@code districtCode} or {@code blockCode}, {@code percent}: more (or fewer) meals
     * asked.
     */
    ATTENDANCE_SURGE,

    /**
     * {@code districtCode, percent}: releases cut by percent; that share of days goes
     * without a meal for want of funds.
     */
    RELEASE_CUT,

    /**
     * {@code districtCode, fromDay, days}: schools closed (no demand), deliveries held
     * until the water goes down.
     */
    FLOOD

}
