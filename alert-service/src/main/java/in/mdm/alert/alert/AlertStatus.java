package in.mdm.alert.alert;

public enum AlertStatus {

    OPEN, ACKNOWLEDGED, RESOLVED

}
