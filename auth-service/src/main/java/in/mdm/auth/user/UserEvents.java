package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import in.mdm.events.EventCatalog;
import in.mdm.events.Jurisdiction;
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.events.auth.UserRegistered;
import in.mdm.events.auth.UserUpdated;
import in.mdm.platform.security.crypto.EventSeal;

/**
 * The account events, with each person's e-mail, phone and name and each activation or
 * reset token sealed ({@link EventSeal}): the broker's log and whoever reads the topic
 * hold none of them in plain; notification-service, which shares the key ring, opens
 * them.
 */
@Component
class UserEvents {

    static final String REGISTERED = EventCatalog.events().forClass(UserRegistered.class).type();

    static final String UPDATED = EventCatalog.events().forClass(UserUpdated.class).type();

    static final String RESET = EventCatalog.events().forClass(PasswordResetRequested.class).type();

    private final EventSeal seal;

    UserEvents(EventSeal seal) {
        this.seal = seal;
    }

    UserRegistered registered(Instant now, UUID id, String username, String email, String phone, String displayName,
            String role, Jurisdiction jurisdiction, String language, String token, Instant expires) {
        return new UserRegistered(UUID.randomUUID(), now, id, username, seal.seal(REGISTERED, "email", email),
                seal.seal(REGISTERED, "phone", phone), seal.seal(REGISTERED, "displayName", displayName), role,
                jurisdiction, language, seal.seal(REGISTERED, "activationToken", token), expires);
    }

    UserUpdated updated(Instant now, User user) {
        return new UserUpdated(UUID.randomUUID(), now, user.id(), user.username(),
                seal.seal(UPDATED, "email", user.email()), seal.seal(UPDATED, "phone", user.phone()),
                seal.seal(UPDATED, "displayName", user.displayName()), user.role().name(), user.jurisdiction(),
                user.preferredLanguage(), user.status().name());
    }

    PasswordResetRequested resetRequested(Instant now, User user, String token, Instant expires) {
        return new PasswordResetRequested(UUID.randomUUID(), now, user.id(), user.username(),
                seal.seal(RESET, "email", user.email()), user.preferredLanguage(),
                seal.seal(RESET, "resetToken", token), expires);
    }

}
