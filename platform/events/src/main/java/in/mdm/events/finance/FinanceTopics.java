package in.mdm.events.finance;

/**
 * Kafka topics of the finance context: Events published by finance-service; amounts are
 * exact rupees.
 */
public final class FinanceTopics {

    public static final String ALLOCATIONS = "mdm.finance.allocations";

    public static final String RELEASES = "mdm.finance.fund-releases";

    public static final String UTILIZATIONS = "mdm.finance.utilizations";

    public static final String THRESHOLDS = "mdm.finance.budget-thresholds";

    private FinanceTopics() {
    }

}
