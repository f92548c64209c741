package in.mdm.alert.alert;

import in.mdm.events.Jurisdiction.Level;

/** What an alert list is narrowed to; a null component matches everything. */
record AlertFilter(AlertStatus status, Severity severity, Level scopeLevel, String scopeCode, String udiseCode) {
}
