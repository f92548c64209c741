package in.mdm.events.school;

/**
 * Kafka topics of the school context: Events published by school-service, the twin's
 * ground truth.
 */
public final class SchoolTopics {

    public static final String SCHOOLS = "mdm.school.schools";

    public static final String ENROLLMENTS = "mdm.school.enrollments";

    public static final String MEALS = "mdm.school.daily-meal-reports";

    public static final String STOCK = "mdm.school.stock";

    /** Every site's stock level after each change ({@link StockCounted}). */
    public static final String STOCK_LEVELS = "mdm.school.stock-levels";

    public static final String DELIVERIES = "mdm.school.deliveries";

    public static final String INSPECTIONS = "mdm.school.inspections";

    public static final String TRANSFERS = "mdm.school.transfers";

    private SchoolTopics() {
    }

}
