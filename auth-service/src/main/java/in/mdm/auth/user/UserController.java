package in.mdm.auth.user;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/auth/users")
@PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
class UserController {

    private final UserService users;

    private final AccountService accounts;

    private final AuditLog audit;

    private final AreaFilters areas;

    UserController(UserService users, AccountService accounts, AuditLog audit, AreaFilters areas) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.areas = areas;
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id, Caller caller) {
        return UserResponse.of(users.get(caller, id));
    }

    @GetMapping
    PageResponse<UserResponse> list(@RequestParam(required = false) Role role,
            @RequestParam(required = false) UserStatus status, @RequestParam(required = false) Level jurisdictionLevel,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,11}",
                    message = "must be an LGD or UDISE code") String jurisdictionCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        checkArea(caller, jurisdictionLevel, jurisdictionCode);
        UserFilter filter = new UserFilter(role, status, jurisdictionLevel, jurisdictionCode);
        return users.page(caller, filter, page, size).map(UserResponse::of);
    }

    @PostMapping("/{id}/disable")
    UserResponse disable(@PathVariable UUID id, Caller caller, HttpServletRequest request) {
        User user = users.disable(caller, id);
        audit.success(AuditAction.USER_DISABLED, user.id(), user.username(), AuditLog.address(request),
                "by " + caller.username());
        return UserResponse.of(user);
    }

    @PostMapping("/{id}/activation")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    UserResponse resendActivation(@PathVariable UUID id, Caller caller, HttpServletRequest request) {
        User user = accounts.resendActivation(caller, id);
        audit.success(AuditAction.USER_REGISTERED, user.id(), user.username(), AuditLog.address(request),
                "activation sent again by " + caller.username());
        return UserResponse.of(user);
    }

    @PostMapping("/{id}/enable")
    UserResponse enable(@PathVariable UUID id, Caller caller, HttpServletRequest request) {
        User user = users.enable(caller, id);
        audit.success(AuditAction.USER_ENABLED, user.id(), user.username(), AuditLog.address(request),
                "by " + caller.username());
        return UserResponse.of(user);
    }

    @PutMapping("/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    UserResponse changeRole(@PathVariable UUID id, @Valid @RequestBody AccountRequests.ChangeRoleRequest body,
            Caller caller, HttpServletRequest request) {
        User user = users.changeRole(caller, id, body);
        audit.success(AuditAction.ROLE_CHANGED, user.id(), user.username(), AuditLog.address(request),
                "by " + caller.username() + " to " + user.role() + " " + user.jurisdiction().level() + " "
                        + user.jurisdiction().code());
        return UserResponse.of(user);
    }

    /**
     * A jurisdiction filter naming an area outside the caller's is a 404
     * {@code area.not-found}, not an empty page. Without a level, a UDISE code names a
     * school, and another code a district or a block: it is refused when it is neither
     * inside the caller's jurisdiction. A state code is wider than any jurisdiction: the
     * list's own scope narrows it.
     */
    private void checkArea(Caller caller, Level level, String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        if (level == null) {
            if (code.length() == 11) {
                areas.check(caller, null, null, code);
                return;
            }
            if (!areas.shares(caller, code, null, null)) {
                // not a district of the caller's: a block, or refused as one
                areas.check(caller, null, code, null);
            }
            return;
        }
        areas.check(caller, level, code);
    }

}
