package in.mdm.alert.alert;

/** How urgent an alert is; CRITICAL means children may go without a meal today. */
public enum Severity {

    LOW, MEDIUM, HIGH, CRITICAL

}
