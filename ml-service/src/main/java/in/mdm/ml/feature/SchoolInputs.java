package in.mdm.ml.feature;

/**
 * What the feature store knows about one school, from which its features are computed as
 * of a day. Days are epoch days; {@link #NONE} where nothing is known.
 *
 * @param meals the school's meal reports
 * @param enrollment children enrolled (primary and upper primary)
 * @param previousEnrollment the enrollment before the latest change, or {@link #NONE}
 * @param rural whether the school is rural
 * @param stateCode the state (first two digits of the UDISE code), for the monsoon
 * @param stockDays the lowest days of stock last reported for the school or its kitchen,
 * or {@code NaN}
 * @param stockObservedDay when that was reported
 * @param lastStockLowDay the last day stock ran low there
 * @param delayDays the days deliveries to the school or its kitchen were reported late
 * @param delayLate how late each was, in days
 * @param supplierDelays10d late deliveries of the school's suppliers, anywhere, in the
 * last 10 days
 * @param lastFundReleaseDay the last release of funds to the school, its block or its
 * district
 * @param utilizedPercent the latest utilization reported for them, or {@code NaN}
 * @param districtNoFundsShare5d the share of the district's reports of the last 5 days
 * that had no meal for want of funds
 * @param inspectionDueDay when the overdue inspection was due, or {@link #NONE}
 * @param kitchenSchools schools its kitchen cooks for (0: its own kitchen)
 */
public record SchoolInputs(MealHistory meals, int enrollment, int previousEnrollment, boolean rural, int stateCode,
        double stockDays, int stockObservedDay, int lastStockLowDay, int[] delayDays, int[] delayLate,
        int supplierDelays10d, int lastFundReleaseDay, double utilizedPercent, double districtNoFundsShare5d,
        int inspectionDueDay, int kitchenSchools) {

    /** Nothing known. */
    public static final int NONE = Integer.MIN_VALUE;

}
