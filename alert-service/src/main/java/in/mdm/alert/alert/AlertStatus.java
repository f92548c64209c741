package in.mdm.alert.alert;

/** OPEN → ACKNOWLEDGED → RESOLVED (or OPEN → RESOLVED). */
public enum AlertStatus {

    OPEN, ACKNOWLEDGED, RESOLVED

}
