package in.mdm.notification.template;

import java.time.Instant;

/** The text of one kind of notification on one channel in one language. */
record Template(String code, Channel channel, String language, String subject, String body, Instant updatedAt) {
}
