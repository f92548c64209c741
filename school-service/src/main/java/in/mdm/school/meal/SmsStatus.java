package in.mdm.school.meal;

/**
 * What became of an SMS/IVRS message (stored in {@code meal_sms_messages.status} by
 * name).
 */
public enum SmsStatus {

    /** The report was stored. */
    ACCEPTED,
    /** The school had reported for the day already: nothing stored. */
    DUPLICATE,
    /**
     * Not understood, from an unknown school or number, or refused by the report's
     * checks: nothing stored.
     */
    REJECTED

}
