package in.mdm.notification.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;

import in.mdm.events.Jurisdiction;
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserLocked;
import in.mdm.events.auth.UserRegistered;
import in.mdm.events.auth.UserUpdated;
import in.mdm.notification.recipient.Digest;
import in.mdm.notification.recipient.Profile;
import in.mdm.notification.recipient.Recipient;
import in.mdm.notification.recipient.Recipients;
import in.mdm.notification.template.TemplateCodes;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;
import in.mdm.platform.security.crypto.EventSeal;

/**
 * auth-service's user events: the recipients' copy (the newest event wins), and the
 * account e-mails (the activation link, the reset link), recorded in the poll's
 * transaction and sent by {@link DeliverySender} after it.
 */
@Component
@EventConsumer("notification.users")
class UserEventListener {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm 'IST'")
        .withZone(ZoneId.of("Asia/Kolkata"));

    private final Recipients recipients;

    private final Notifications notifications;

    private final DeliveryProperties properties;

    private final EventSeal seal;

    UserEventListener(Recipients recipients, Notifications notifications, DeliveryProperties properties,
            EventSeal seal) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.properties = properties;
        this.seal = seal;
    }

    @EventHandler
    void registered(UserRegistered e) {
        String email = seal.open(UserRegistered.class, "email", e.email());
        String displayName = seal.open(UserRegistered.class, "displayName", e.displayName());
        recipients.record(
                new Profile(e.userId(), e.username(), email, seal.open(UserRegistered.class, "phone", e.phone()),
                        displayName, e.role(), e.jurisdiction(), e.preferredLanguage(), "PENDING_ACTIVATION"),
                e.occurredAt());
        Recipient recipient = recipients.find(e.userId()).orElseThrow();
        String link = properties.links()
            .activation()
            .replace("{token}", seal.open(UserRegistered.class, "activationToken", e.activationToken()));
        // the link of this event, the language of its user: also when a newer event
        // updated the copy first
        notifications.recordAccountMail(TemplateCodes.USER_ACTIVATION, e.eventId(),
                withAccount(recipient, email, e.preferredLanguage()),
                Map.of("activationLink", link, "expiresAt", WHEN.format(e.activationExpiresAt()), "displayName",
                        displayName == null ? e.username() : displayName, "username", e.username()));
    }

    @EventHandler
    void activated(UserActivated e) {
        recipients.recordStatus(e.userId(), "ACTIVE", e.occurredAt());
    }

    @EventHandler
    void locked(UserLocked e) {
        recipients.recordStatus(e.userId(), "LOCKED", e.occurredAt());
    }

    @EventHandler
    void updated(UserUpdated e) {
        recipients.record(new Profile(e.userId(), e.username(), seal.open(UserUpdated.class, "email", e.email()),
                seal.open(UserUpdated.class, "phone", e.phone()),
                seal.open(UserUpdated.class, "displayName", e.displayName()), e.role(), e.jurisdiction(),
                e.preferredLanguage(), e.status()), e.occurredAt());
    }

    @EventHandler
    void resetRequested(PasswordResetRequested e) {
        // a user no UserRegistered reached (the first ADMIN is created without one) is
        // reached by the event alone
        String email = seal.open(PasswordResetRequested.class, "email", e.email());
        Recipient recipient = recipients.find(e.userId())
            .orElseGet(() -> new Recipient(e.userId(), e.username(), email, null, e.username(), null,
                    Jurisdiction.state("-"), "en", "ACTIVE", true, false, false, null, null, Digest.NONE));
        String link = properties.links()
            .passwordReset()
            .replace("{token}", seal.open(PasswordResetRequested.class, "resetToken", e.resetToken()));
        notifications.recordAccountMail(TemplateCodes.PASSWORD_RESET, e.eventId(),
                withAccount(recipient, email, e.preferredLanguage()),
                Map.of("resetLink", link, "expiresAt", WHEN.format(e.expiresAt()), "username", e.username()));
    }

    /** The recipient reached at the address and in the language the event names. */
    private static Recipient withAccount(Recipient r, String email, String language) {
        return new Recipient(r.userId(), r.username(), email, r.phone(), r.displayName(), r.role(), r.jurisdiction(),
                "ta".equals(language) ? "ta" : "en", r.status(), true, false, false, null, null, Digest.NONE);
    }

}
