package in.mdm.alert.alert;

import java.time.Instant;

import in.mdm.events.Jurisdiction.Level;

/**
 * What an alert list is narrowed to; a null component matches everything. {@code from}
 * (inclusive) and {@code to} (exclusive) bound the time it was raised.
 */
record AlertFilter(AlertStatus status, Severity severity, String alertType, Level scopeLevel, String scopeCode,
        String udiseCode, String districtCode, String blockCode, Instant from, Instant to) {
}
