package in.mdm.ml.cascade;

/**
 * The cascade model's parameters ({@code mdm.ml.cascade.*}; defaults and meaning in the
 * README, "Cascade risk"): how a node's own failure probability follows from what the
 * events tell, and how much each node depends on the one that supplies it.
 *
 * @param horizon school days the probabilities look ahead (as the risk score's 3)
 * @param hops how far a failure propagates (supplier → kitchen → school is 2)
 * @param stockOut a kitchen reported out of stock: its probability of a day without a
 * meal in the horizon
 * @param routineOut a kitchen out of stock when its previous report said it would be
 * about now, with none of its deliveries reported late (its delivery is probably due)
 * @param stockScale days of stock left at which a kitchen's own probability falls by e
 * @param onTime the factor on it while none of its deliveries is reported late
 * @param perLateSite a supplier's probability of failing for each site it delivers to
 * that reported a late delivery in the last {@code supplierWindow} school days (noisy-OR
 * over sites)
 * @param supplierWindow school days a supplier's late deliveries count
 * @param lateWindow school days a kitchen's late delivery counts as outstanding (no
 * receipt is published)
 * @param observationWindow school days a stock report counts
 * @param dependence a kitchen's dependence on its supplier while its stock lasts the
 * horizon or less (less beyond: × e^-(days-horizon)/2)
 * @param kitchenDependence a school's dependence on the kitchen that cooks for it
 * @param buffer the buffer weight of a neighbour within sharing distance
 * @param sharingKm the sharing distance
 * @param exposed exposure at or above which a school is exposed (HIGH)
 * @param critical exposure at or above which it is CRITICAL
 * @param blockShare share of a block's schools exposed for a block early warning
 */
public record CascadeModel(int horizon, int hops, double stockOut, double routineOut, double stockScale, double onTime,
        double perLateSite, int supplierWindow, int lateWindow, int observationWindow, double dependence,
        double kitchenDependence, double buffer, double sharingKm, double exposed, double critical, double blockShare) {

    public static final CascadeModel DEFAULT = new CascadeModel(3, 4, 0.95, 0.95, 0.3, 0, 0.07, 5, 10, 5, 0.9, 0.98,
            0.05, 3.0, 0.5, 0.8, 0.3);

    /**
     * School days past its projected end a low report still counts (thinner meals last
     * longer).
     */
    static final double LOW_GRACE = 2;

    public CascadeModel {
        if (horizon < 1 || hops < 1 || exposed <= 0 || exposed > critical || critical > 1 || blockShare <= 0
                || blockShare > 1) {
            throw new IllegalArgumentException("cascade model: bad parameters");
        }
    }

    /**
     * A kitchen's own probability of a day without a meal in the horizon.
     * @param stockOut reported out of stock (within the observation window)
     * @param sudden out of stock while its previous report gave it more than a day (stock
     * lost, written off: no delivery is due to end it)
     * @param daysLeft days of stock left as projected from its latest low-stock report
     * (NaN: none in the window, so at least a week)
     * @param late a delivery to it reported late within the late window
     */
    public double kitchen(boolean stockOut, boolean sudden, double daysLeft, boolean late) {
        if (stockOut) {
            return late || sudden ? this.stockOut : routineOut;
        }
        if (Double.isNaN(daysLeft)) {
            return 0;
        }
        // not reported out yet: at least half a day left
        double p = Math.exp(-(Math.max(0, daysLeft) + 0.5) / stockScale);
        return SupplyGraph.clamp(late ? p : p * onTime);
    }

    /**
     * Days of stock left as projected from a report {@code elapsed} school days old: a
     * stock-out counts for the observation window (no event says when stock comes back);
     * a low report for its days of stock plus the observation window, its days less the
     * school days since (at least 0); NaN when it no longer counts.
     */
    public double daysLeft(boolean out, double daysOfStock, int elapsed) {
        if (elapsed < 0) {
            return Double.NaN;
        }
        if (out) {
            return elapsed <= observationWindow ? 0 : Double.NaN;
        }
        // a low report older than its days (and a grace) with no stock-out since: the
        // kitchen was resupplied
        return elapsed <= daysOfStock + LOW_GRACE ? Math.max(0, daysOfStock - elapsed) : Double.NaN;
    }

    /** A supplier's own probability from the sites that reported it late lately. */
    public double supplier(int lateSites) {
        return 1 - Math.pow(1 - perLateSite, Math.max(0, lateSites));
    }

    /**
     * A kitchen's dependence on its supplier, from its stock left (NaN: a week or more).
     */
    public double dependenceOn(double daysLeft) {
        double days = Double.isNaN(daysLeft) ? 7 : Math.max(0, daysLeft);
        return dependence * Math.exp(-Math.max(0, days - horizon) / 2);
    }

    /** The level of an exposure: CRITICAL, HIGH, or null (not exposed). */
    public String level(double exposure) {
        return exposure >= critical ? "CRITICAL" : exposure >= exposed ? "HIGH" : null;
    }

}
