package in.mdm.ml.feature;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The features of a school-day, in the order of the feature vector. Each is defined in
 * the service's README; {@link #describe} says its value in a block officer's words.
 */
public enum Feature {

    ATTENDANCE_RATE_30D("attendance_rate_30d"), ATTENDANCE_TREND_7D("attendance_trend_7d"),
    ATTENDANCE_LAST_DAY("attendance_last_day"), ENROLLMENT("enrollment"), ENROLLMENT_CHANGE("enrollment_change"),
    STOCK_DAYS_LEFT("stock_days_left"), DAYS_SINCE_STOCK_LOW("days_since_stock_low"),
    NO_MEAL_DAYS_30D("no_meal_days_30d"), SHORTAGE_DAYS_30D("shortage_days_30d"), NO_MEAL_DAYS_90D("no_meal_days_90d"),
    SHORTAGE_DAYS_90D("shortage_days_90d"), NO_COOK_DAYS_90D("no_cook_days_90d"),
    NO_FUNDS_DAYS_30D("no_funds_days_30d"), NO_MEAL_LAST_5D("no_meal_last_5d"),
    DELIVERY_DELAYS_30D("delivery_delays_30d"), DELIVERY_DAYS_LATE_30D("delivery_days_late_30d"),
    DAYS_SINCE_DELIVERY_DELAY("days_since_delivery_delay"), SUPPLIER_DELAYS_10D("supplier_delays_10d"),
    DAYS_SINCE_FUND_RELEASE("days_since_fund_release"), BUDGET_UTILIZED_PERCENT("budget_utilized_percent"),
    DISTRICT_NO_FUNDS_SHARE_5D("district_no_funds_share_5d"), REPORTING_REGULARITY_30D("reporting_regularity_30d"),
    KITCHEN_SCHOOLS("kitchen_schools"), RURAL("rural"), MONTH("month"), MONSOON("monsoon"),
    MONDAYS_AHEAD("mondays_ahead"), EXAM_DAYS_AHEAD("exam_days_ahead"), FESTIVAL_DAYS_AHEAD("festival_days_ahead"),
    INSPECTION_OVERDUE_DAYS("inspection_overdue_days");

    /** How many features a vector holds. */
    public static final int COUNT = values().length;

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    /** The feature's name in the registry and the README. */
    public String key() {
        return key;
    }

    public static String[] keys() {
        String[] keys = new String[COUNT];
        for (Feature feature : values()) {
            keys[feature.ordinal()] = feature.key;
        }
        return keys;
    }

    /** The value in words, e.g. "stock lasts 1.5 days". */
    public String describe(double v) {
        long n = Math.round(v);
        return switch (this) {
            case ATTENDANCE_RATE_30D -> percent(v) + " of enrolled children present on average in the last 30 days";
            case ATTENDANCE_TREND_7D -> "attendance this week at " + percent(v) + " of the last 30 days' average";
            case ATTENDANCE_LAST_DAY -> "attendance on the last school day at " + percent(v) + " of the usual";
            case ENROLLMENT -> n + " children enrolled";
            case ENROLLMENT_CHANGE -> "enrollment changed by " + String.format(Locale.ROOT, "%+.0f%%", v * 100);
            case STOCK_DAYS_LEFT ->
                v >= Features.STOCK_DAYS_CAP ? "no low stock reported" : "stock lasts " + oneDecimal(v) + " days";
            case DAYS_SINCE_STOCK_LOW ->
                v >= Features.DAYS_CAP ? "stock has not run low lately" : "stock ran low " + days(n) + " ago";
            case NO_MEAL_DAYS_30D -> count(n, "day") + " without a meal in the last 30 days";
            case SHORTAGE_DAYS_30D ->
                count(n, "day") + " without a meal for want of stock, funds or a cook in the last 30 days";
            case NO_MEAL_DAYS_90D -> count(n, "day") + " without a meal in the last 90 days";
            case SHORTAGE_DAYS_90D ->
                count(n, "day") + " without a meal for want of stock, funds or a cook in the last 90 days";
            case NO_COOK_DAYS_90D -> count(n, "day") + " without a cook in the last 90 days";
            case NO_FUNDS_DAYS_30D -> count(n, "day") + " without a meal for want of funds in the last 30 days";
            case NO_MEAL_LAST_5D -> count(n, "day") + " without a meal in the last 5 school days";
            case DELIVERY_DELAYS_30D -> count(n, "late delivery", "late deliveries") + " this month";
            case DELIVERY_DAYS_LATE_30D ->
                n == 0 ? "no late deliveries this month" : "deliveries " + n + " days late on average this month";
            case DAYS_SINCE_DELIVERY_DELAY ->
                v >= Features.DAYS_CAP ? "no delivery late lately" : "a delivery became late " + days(n) + " ago";
            case SUPPLIER_DELAYS_10D ->
                "the supplier has " + count(n, "late delivery", "late deliveries") + " in the last 10 days";
            case DAYS_SINCE_FUND_RELEASE ->
                v >= Features.FUND_DAYS_CAP ? "no fund release on record" : "last fund release " + n + " days ago";
            case BUDGET_UTILIZED_PERCENT -> n + "% of the released funds used";
            case DISTRICT_NO_FUNDS_SHARE_5D -> oneDecimal(v * 100) + "%"
                    + " of the district's school days without a meal for want of funds in the last 5 days";
            case REPORTING_REGULARITY_30D -> "reported on " + percent(v) + " of school days in the last 30 days";
            case KITCHEN_SCHOOLS -> n == 0 ? "cooks in its own kitchen" : "its kitchen cooks for " + n + " schools";
            case RURAL -> n == 1 ? "a rural school" : "an urban school";
            case MONTH -> "the time of year ("
                    + Month.of((int) Math.max(1, Math.min(12, n))).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
            case MONSOON -> n == 1 ? "the monsoon" : "outside the monsoon";
            case MONDAYS_AHEAD -> count(n, "Monday") + " in the coming school days";
            case EXAM_DAYS_AHEAD -> count(n, "exam day") + " in the coming school days";
            case FESTIVAL_DAYS_AHEAD -> count(n, "day") + " next to a festival in the coming school days";
            case INSPECTION_OVERDUE_DAYS -> n == 0 ? "inspection not overdue" : "inspection overdue by " + n + " days";
        };
    }

    private static String percent(double v) {
        return Math.round(v * 100) + "%";
    }

    /**
     * One decimal, without the cost of a formatter (millions of factors are written at
     * once).
     */
    static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + abs / 10 + "." + abs % 10;
    }

    private static String days(long n) {
        return count(n, "school day");
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

}
