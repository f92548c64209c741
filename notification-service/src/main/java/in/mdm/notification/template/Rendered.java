package in.mdm.notification.template;

/**
 * A template filled with values: the subject ({@code null} for SMS) and the body, in the
 * language it was found in.
 */
public record Rendered(String code, Channel channel, String language, String subject, String body) {
}
