package in.mdm.school.meal;

/**
 * Why no meal was served on a school day: a report with no meals gives one, a report with
 * meals none. Stored in {@code meal_reports.no_meal_reason} and published in
 * DailyMealReported by name.
 */
public enum NoMealReason {

    NO_STOCK, NO_COOK, NO_FUNDS, HOLIDAY, OTHER;

    /**
     * A reason as an SMS gives it: its name, or its name without {@code NO_} (STOCK,
     * COOK, FUNDS); else {@code null}.
     */
    static NoMealReason fromSms(String word) {
        for (NoMealReason reason : values()) {
            if (reason.name().equals(word) || reason.name().equals("NO_" + word)) {
                return reason;
            }
        }
        return null;
    }

}
