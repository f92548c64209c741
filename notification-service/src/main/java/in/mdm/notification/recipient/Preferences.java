package in.mdm.notification.recipient;

import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/**
 * A recipient's choices: the channels it wants (CRITICAL alerts and account e-mails come
 * whatever it chooses), quiet hours in India time (both or neither; INFO and WARNING wait
 * until they end) and a digest for INFO and WARNING.
 */
public record Preferences(@NotNull Boolean email, @NotNull Boolean sms, @NotNull Boolean inApp, LocalTime quietFrom,
        LocalTime quietUntil, @NotNull Digest digest) {

    static Preferences of(Recipient r) {
        return new Preferences(r.emailEnabled(), r.smsEnabled(), r.inAppEnabled(), r.quietFrom(), r.quietUntil(),
                r.digest());
    }

}
