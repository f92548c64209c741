package in.mdm.notification.delivery;

import java.time.Instant;

import in.mdm.notification.template.Channel;

/** One attempt of the delivery log: SENT, RETRY or FAILED, and why. */
public record AttemptView(Channel channel, int attempt, Instant attemptedAt, String outcome, String detail) {
}
