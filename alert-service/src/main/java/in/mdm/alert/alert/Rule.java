package in.mdm.alert.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rule: an event type (optionally a band {@code [minValue, maxValue)} of one of its
 * numbers, and/or a status it must carry) raises an alert of {@code alertType} with
 * {@code severity}. Rules are rows of {@code alert_rules}, edited by ADMIN.
 */
record Rule(String code, String eventType, String alertType, Severity severity, String field, BigDecimal minValue,
        BigDecimal maxValue, String status, boolean enabled, String description, Instant updatedAt, String updatedBy) {

    /**
     * Whether an event with this number (for {@link #field}) and status matches. A number
     * the event does not know ({@code null}, such as the days of stock of a school whose
     * need is unknown) passes the band.
     */
    boolean matches(BigDecimal value, String eventStatus) {
        if (!enabled) {
            return false;
        }
        if (status != null && !status.equals(eventStatus)) {
            return false;
        }
        if (field == null || value == null) {
            return true;
        }
        return (minValue == null || value.compareTo(minValue) >= 0)
                && (maxValue == null || value.compareTo(maxValue) < 0);
    }

}
