package in.mdm.auth.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.role.Role;
import in.mdm.auth.token.Sessions;
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserRegistered;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

/** Accounts: registration, activation, password reset and change. */
@Service
class AccountService {

    private final UserRepository users;

    private final UserEvents userEvents;

    private final AccountTokens tokens;

    private final Credentials credentials;

    private final Sessions sessions;

    private final AccountProperties properties;

    private final ApplicationEventPublisher events;

    private final AccountRepository accounts;

    private final Clock clock;

    private final UserAudit audit;

    AccountService(UserRepository users, AccountTokens tokens, Credentials credentials, Sessions sessions,
            AccountProperties properties, ApplicationEventPublisher events, AccountRepository accounts, Clock clock,
            UserAudit audit, UserEvents userEvents) {
        this.audit = audit;
        this.userEvents = userEvents;
        this.users = users;
        this.tokens = tokens;
        this.credentials = credentials;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * An ADMIN registers anyone; an OFFICER registers school users of schools inside its
     * district or block. The account waits for activation; {@link UserRegistered} carries
     * the single-use activation token (24 h).
     */
    @Transactional
    User register(Caller caller, AccountRequests.RegisterRequest request) {
        Placement placement = Placement.of(request.role(), request.jurisdictionLevel(), request.jurisdictionCode(),
                request.districtCode(), request.blockCode());
        if (!caller.isAdmin()) {
            if (placement.role() != Role.SCHOOL) {
                throw new ApiException(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN,
                        "An officer registers school users only");
            }
            if (!caller.covers(placement.districtCode(), placement.blockCode(), placement.jurisdiction().code())) {
                throw new ApiException(HttpStatus.FORBIDDEN, AuthProblems.OUTSIDE_JURISDICTION,
                        "The school lies outside your jurisdiction");
            }
        }
        UUID id = UUID.randomUUID();
        NewUser user = new NewUser(request.username(), request.email().trim(), request.phone(),
                request.displayName().trim(), placement.role(), placement.jurisdiction(), placement.districtCode(),
                placement.blockCode(), request.preferredLanguage() == null ? "en" : request.preferredLanguage());
        users.insert(id, user, UserStatus.PENDING_ACTIVATION, null);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.activationTtl());
        String token = tokens.issue(id, AccountTokens.Purpose.ACTIVATION, expires);
        events.publishEvent(userEvents.registered(now, id, user.username(), user.email(), user.phone(),
                user.displayName(), user.role().name(), user.jurisdiction(), user.preferredLanguage(), token, expires));
        User registered = users.find(id).orElseThrow();
        audit.created("user.register", registered);
        return registered;
    }

    /**
     * A fresh activation token for an account still waiting for activation (the first one
     * expired or was lost); publishes {@link UserRegistered} again, and the earlier token
     * stops working. ADMIN, or an OFFICER for the school users of its jurisdiction;
     * another jurisdiction's user is a 404.
     */
    @Transactional
    User resendActivation(Caller caller, UUID id) {
        User user = users.find(id, caller)
            .orElseThrow(() -> ApiException.notFound(AuthProblems.USER_NOT_FOUND, "No user with id " + id));
        if (!caller.isAdmin() && user.role() != Role.SCHOOL) {
            throw new ApiException(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN,
                    "An officer manages school users only");
        }
        if (user.status() != UserStatus.PENDING_ACTIVATION) {
            throw ApiException.conflict(AuthProblems.ACTIVATION_NOT_PENDING,
                    "The account is not waiting for activation");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.activationTtl());
        String token = tokens.issue(id, AccountTokens.Purpose.ACTIVATION, expires);
        events.publishEvent(userEvents.registered(now, id, user.username(), user.email(), user.phone(),
                user.displayName(), user.role().name(), user.jurisdiction(), user.preferredLanguage(), token, expires));
        audit.changed("user.activation-resend", id, Map.of("activation", "earlier link"),
                Map.of("activation", "new link", "expiresAt", expires.toString()));
        return user;
    }

    /** Sets the first password with the activation token. */
    @Transactional
    User activate(String token, String password) {
        UUID id = tokens.consume(token, AccountTokens.Purpose.ACTIVATION, clock.instant())
            .orElseThrow(() -> ApiException.badRequest(AuthProblems.ACTIVATION_TOKEN_INVALID,
                    "The activation token is unknown, expired or already used"));
        User user = users.find(id).orElseThrow();
        checkPolicy(password, user.username(), "password");
        int updated = accounts.activate(id, credentials.hash(password));
        if (updated == 0) {
            throw ApiException.conflict(AuthProblems.ACTIVATION_NOT_PENDING,
                    "The account is not waiting for activation");
        }
        events.publishEvent(new UserActivated(UUID.randomUUID(), clock.instant(), id, user.username()));
        User activated = users.find(id).orElseThrow();
        audit.changed("user.activate", user, activated);
        return activated;
    }

    /**
     * Publishes {@link PasswordResetRequested} (single-use token, 30 min) for an active
     * or locked account found by username or e-mail; does nothing otherwise. The caller
     * answers the same in both cases.
     * @return the user the reset was sent to, if any (for the audit trail only)
     */
    @Transactional
    Optional<User> requestReset(String username, String email) {
        Optional<User> found = Optional.empty();
        if (username != null && !username.isBlank()) {
            found = users.findByUsername(username.trim());
        }
        else if (email != null && !email.isBlank()) {
            found = accounts.usernameByEmail(email.trim()).flatMap(users::findByUsername);
        }
        Optional<User> eligible = found.filter(u -> u.status() == UserStatus.ACTIVE || u.status() == UserStatus.LOCKED);
        eligible.ifPresent(user -> {
            Instant now = clock.instant();
            Instant expires = now.plus(properties.resetTtl());
            String token = tokens.issue(user.id(), AccountTokens.Purpose.PASSWORD_RESET, expires);
            events.publishEvent(userEvents.resetRequested(now, user, token, expires));
        });
        return eligible;
    }

    /**
     * A new password with the reset token; unlocks the account and ends every session.
     */
    @Transactional
    User confirmReset(String token, String newPassword) {
        UUID id = tokens.consume(token, AccountTokens.Purpose.PASSWORD_RESET, clock.instant())
            .orElseThrow(() -> ApiException.badRequest(AuthProblems.RESET_TOKEN_INVALID,
                    "The reset token is unknown, expired or already used"));
        User user = users.find(id).orElseThrow();
        checkPolicy(newPassword, user.username(), "newPassword");
        int updated = accounts.resetPassword(id, credentials.hash(newPassword));
        if (updated == 0) {
            throw ApiException.badRequest(AuthProblems.RESET_TOKEN_INVALID,
                    "The reset token is unknown, expired or already used");
        }
        sessions.endAll(id);
        audit.changed("user.password-reset", user, users.find(id).orElseThrow());
        return user;
    }

    /**
     * A signed-in user changes its password (the current one is required); other sessions
     * end.
     */
    @Transactional
    User changePassword(Caller caller, String currentPassword, String newPassword) {
        User user = users.findByUsername(caller.username())
            .orElseThrow(() -> ApiException.notFound(AuthProblems.USER_NOT_FOUND, "No such user"));
        if (!credentials.passwordMatches(user.id(), currentPassword)) {
            throw Credentials.invalidCredentials();
        }
        checkPolicy(newPassword, user.username(), "newPassword");
        accounts.changePassword(user.id(), credentials.hash(newPassword));
        sessions.endAll(user.id());
        audit.changed("user.password-change", user, users.find(user.id()).orElseThrow());
        return user;
    }

    /** Whether no ADMIN exists yet. */
    boolean noAdmin() {
        return !users.hasAdmin();
    }

    /** The first ADMIN, active at once with the configured password. */
    @Transactional
    void createAdmin(String username, String email, String password, String stateCode) {
        checkPolicy(password, username, "MDM_ADMIN_PASSWORD");
        NewUser admin = new NewUser(username, email, null, "State administrator", Role.ADMIN,
                in.mdm.events.Jurisdiction.state(stateCode), null, null, "en");
        UUID id = UUID.randomUUID();
        users.insert(id, admin, UserStatus.ACTIVE, credentials.hash(password));
        audit.created("user.bootstrap-admin", users.find(id).orElseThrow());
    }

    static void checkPolicy(String password, String username, String field) {
        String problem = PasswordPolicy.problem(password, username);
        if (problem != null) {
            throw Placement.invalid(field, problem);
        }
    }

}
