package in.mdm.notification.recipient;

/**
 * How INFO and WARNING messages reach a recipient by e-mail and SMS: at once, or held and
 * sent as one summary e-mail an hour or a day. CRITICAL ones are always sent at once.
 */
public enum Digest {

    NONE, HOURLY, DAILY

}
