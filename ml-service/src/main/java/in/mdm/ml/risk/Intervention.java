package in.mdm.ml.risk;

import in.mdm.ml.feature.Feature;

/**
 * The kinds of intervention the programme can make for a school at risk, each as the
 * features it changes: the risk model, scored again on the changed features, tells how
 * much risk the intervention takes away (its sensitivity to them).
 */
enum Intervention {

    /**
     * A second kitchen or a larger one: the school's kitchen cooks for half as many
     * schools.
     */
    CAPACITY_EXPANSION("capacity expansion: a kitchen cooking for half as many schools"),

    /**
     * A reliable supplier: no late deliveries to the school or its kitchen, nor of its
     * supplier.
     */
    SUPPLY_CHAIN_CHANGE("supply-chain change: a supplier that delivers on time"),

    /** A second cook-cum-helper: no day without a meal for want of a cook. */
    STAFF_AUGMENTATION("staff augmentation: a second cook-cum-helper"),

    /**
     * Storage bins and a buffer stock: two weeks of stock in hand, no recent shortfall.
     */
    INFRASTRUCTURE("infrastructure: storage and a two-week buffer stock"),

    /** Cooking-cost funds released now: no day without a meal for want of funds. */
    BUDGET_REALLOCATION("budget reallocation: cooking-cost funds released now");

    final String text;

    Intervention(String text) {
        this.text = text;
    }

    /**
     * Changes one school's feature row (at {@code offset} in {@code matrix}) as the
     * intervention would.
     */
    void apply(float[] matrix, int offset) {
        switch (this) {
            case CAPACITY_EXPANSION -> {
                int schools = (int) matrix[offset + Feature.KITCHEN_SCHOOLS.ordinal()];
                matrix[offset + Feature.KITCHEN_SCHOOLS.ordinal()] = schools <= 1 ? 0
                        : (float) Math.ceil(schools / 2.0);
            }
            case SUPPLY_CHAIN_CHANGE -> {
                matrix[offset + Feature.DELIVERY_DELAYS_30D.ordinal()] = 0;
                matrix[offset + Feature.DELIVERY_DAYS_LATE_30D.ordinal()] = 0;
                matrix[offset + Feature.DAYS_SINCE_DELIVERY_DELAY.ordinal()] = 60;
                matrix[offset + Feature.SUPPLIER_DELAYS_10D.ordinal()] = 0;
            }
            case STAFF_AUGMENTATION -> matrix[offset + Feature.NO_COOK_DAYS_90D.ordinal()] = 0;
            case INFRASTRUCTURE -> {
                matrix[offset + Feature.STOCK_DAYS_LEFT.ordinal()] = 14;
                matrix[offset + Feature.DAYS_SINCE_STOCK_LOW.ordinal()] = 60;
            }
            case BUDGET_REALLOCATION -> {
                matrix[offset + Feature.DAYS_SINCE_FUND_RELEASE.ordinal()] = 0;
                matrix[offset + Feature.NO_FUNDS_DAYS_30D.ordinal()] = 0;
                matrix[offset + Feature.DISTRICT_NO_FUNDS_SHARE_5D.ordinal()] = 0;
            }
        }
    }

}
