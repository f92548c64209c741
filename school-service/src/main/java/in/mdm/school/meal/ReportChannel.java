package in.mdm.school.meal;

/**
 * How a report reached the service (the schema's {@code meal_reports.channel} values):
 * the app or web client's REST calls answer {@code APP}, the SMS/IVRS webhook
 * {@code SMS}. Published in DailyMealReported by name.
 */
public enum ReportChannel {

    APP, WEB, SMS, IVRS

}
