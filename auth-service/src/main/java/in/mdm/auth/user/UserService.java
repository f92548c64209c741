package in.mdm.auth.user;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.role.Role;
import in.mdm.auth.token.Sessions;
import in.mdm.events.auth.UserUpdated;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;

/**
 * The user directory, seen through the caller's jurisdiction: an ADMIN sees every user,
 * an OFFICER the users located in its district or block. A user outside it is a 404, as
 * if it did not exist.
 */
@Service
public class UserService {

    private final UserRepository users;

    private final UserEvents userEvents;

    private final Sessions sessions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final UserAudit audit;

    UserService(UserRepository users, Sessions sessions, ApplicationEventPublisher events, Clock clock, UserAudit audit,
            UserEvents userEvents) {
        this.users = users;
        this.userEvents = userEvents;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    User get(Caller caller, UUID id) {
        return users.find(id, caller).orElseThrow(() -> notFound(id));
    }

    /** The signed-in person's own account. */
    @Transactional(readOnly = true)
    User me(Caller caller) {
        return users.findByUsername(caller.username())
            .orElseThrow(() -> ApiException.notFound(AuthProblems.USER_NOT_FOUND,
                    "The token names no user of this service"));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<User> page(Caller caller, UserFilter filter, int page, int size) {
        return users.page(filter, caller, page, size);
    }

    /**
     * Disables an account and ends its sessions. An OFFICER may disable school users of
     * its jurisdiction only.
     */
    @Transactional
    User disable(Caller caller, UUID id) {
        User user = manageable(caller, id);
        users.setStatus(id, UserStatus.DISABLED);
        sessions.endAll(id);
        User after = published(id);
        audit.changed("user.disable", user, after);
        return after;
    }

    /**
     * Enables a disabled or locked account: active again, or waiting for activation if it
     * never had a password.
     */
    @Transactional
    User enable(Caller caller, UUID id) {
        User user = manageable(caller, id);
        UserStatus status = user.activatedAt() == null ? UserStatus.PENDING_ACTIVATION : UserStatus.ACTIVE;
        users.setStatus(id, status);
        User after = published(id);
        audit.changed("user.enable", user, after);
        return after;
    }

    /**
     * Moves a user to another role or jurisdiction (ADMIN); its sessions end, so new
     * tokens carry the change.
     */
    @Transactional
    User changeRole(Caller caller, UUID id, AccountRequests.ChangeRoleRequest request) {
        User user = get(caller, id);
        if (user.username().equals(caller.username())) {
            throw ApiException.conflict(AuthProblems.USER_SELF, "You cannot change your own role");
        }
        Placement placement = Placement.of(request.role(), request.jurisdictionLevel(), request.jurisdictionCode(),
                request.districtCode(), request.blockCode());
        users.changeRole(id, placement);
        sessions.endAll(id);
        User after = published(id);
        audit.changed("user.role-change", user, after);
        return after;
    }

    /**
     * The user as it now is, published as {@link UserUpdated} in the caller's transaction
     * (notification-service keeps its recipients by it).
     */
    private User published(UUID id) {
        User user = users.find(id).orElseThrow();
        events.publishEvent(userEvents.updated(clock.instant(), user));
        return user;
    }

    private User manageable(Caller caller, UUID id) {
        User user = get(caller, id);
        if (user.username().equals(caller.username())) {
            throw ApiException.conflict(AuthProblems.USER_SELF, "You cannot disable or enable your own account");
        }
        if (!caller.isAdmin() && user.role() != Role.SCHOOL) {
            throw new ApiException(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN,
                    "An officer manages school users only");
        }
        return user;
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound(AuthProblems.USER_NOT_FOUND, "No user with id " + id);
    }

}
