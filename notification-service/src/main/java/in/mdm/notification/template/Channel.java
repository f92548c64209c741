package in.mdm.notification.template;

public enum Channel {

    EMAIL, SMS, IN_APP

}
