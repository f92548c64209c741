package in.mdm.alert.alert;

/**
 * How urgent an alert is: CRITICAL means children may go without a meal today; WARNING
 * needs attention soon; INFO is for the record.
 */
public enum Severity {

    INFO, WARNING, CRITICAL

}
