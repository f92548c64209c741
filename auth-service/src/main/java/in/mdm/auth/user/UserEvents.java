package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

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

    private final EventSeal seal;

    UserEvents(EventSeal seal) {
        this.seal = seal;
    }

    UserRegistered registered(Instant now, UUID id, String username, String email, String phone, String displayName,
            String role, Jurisdiction jurisdiction, String language, String token, Instant expires) {
        return new UserRegistered(UUID.randomUUID(), now, id, username, seal.seal(UserRegistered.class, "email", email),
                seal.seal(UserRegistered.class, "phone", phone),
                seal.seal(UserRegistered.class, "displayName", displayName), role, jurisdiction, language,
                seal.seal(UserRegistered.class, "activationToken", token), expires);
    }

    UserUpdated updated(Instant now, User user) {
        return new UserUpdated(UUID.randomUUID(), now, user.id(), user.username(),
                seal.seal(UserUpdated.class, "email", user.email()),
                seal.seal(UserUpdated.class, "phone", user.phone()),
                seal.seal(UserUpdated.class, "displayName", user.displayName()), user.role().name(),
                user.jurisdiction(), user.preferredLanguage(), user.status().name());
    }

    PasswordResetRequested resetRequested(Instant now, User user, String token, Instant expires) {
        return new PasswordResetRequested(UUID.randomUUID(), now, user.id(), user.username(),
                seal.seal(PasswordResetRequested.class, "email", user.email()), user.preferredLanguage(),
                seal.seal(PasswordResetRequested.class, "resetToken", token), expires);
    }

}
