package in.mdm.auth.user;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;

/**
 * Registration, activation, password reset and change, the caller's own account and its
 * second factor.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AccountController {

    /** The one answer to a reset request, whether or not the account exists. */
    static final Map<String, String> RESET_ACCEPTED = Map.of("message",
            "If an account matches, a password-reset link has been sent to its e-mail address.");

    private final AccountService accounts;

    private final UserService users;

    private final MfaService mfa;

    private final Credentials credentials;

    private final AuditLog audit;

    private final AccountProperties properties;

    AccountController(AccountService accounts, UserService users, MfaService mfa, Credentials credentials,
            AuditLog audit, AccountProperties properties) {
        this.properties = properties;
        this.accounts = accounts;
        this.users = users;
        this.mfa = mfa;
        this.credentials = credentials;
        this.audit = audit;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    UserResponse register(@Valid @RequestBody AccountRequests.RegisterRequest body, Caller caller,
            HttpServletRequest request) {
        User user = accounts.register(caller, body);
        audit.success(AuditAction.USER_REGISTERED, user.id(), user.username(), AuditLog.address(request),
                "by " + caller.username() + " as " + user.role() + " " + user.jurisdiction().code());
        return UserResponse.of(user);
    }

    @PostMapping("/activate")
    UserResponse activate(@Valid @RequestBody AccountRequests.ActivateRequest body, HttpServletRequest request) {
        User user = accounts.activate(body.token(), body.password());
        audit.success(AuditAction.ACCOUNT_ACTIVATED, user.id(), user.username(), AuditLog.address(request), null);
        audit.success(AuditAction.PASSWORD_CHANGED, user.id(), user.username(), AuditLog.address(request),
                "first password");
        return UserResponse.of(user);
    }

    @PostMapping("/reset-password")
    ResponseEntity<Map<String, String>> resetPassword(@Valid @RequestBody AccountRequests.ResetRequest body,
            HttpServletRequest request) {
        if ((body.username() == null || body.username().isBlank())
                && (body.email() == null || body.email().isBlank())) {
            throw Placement.invalid("username", "give the username or the e-mail address");
        }
        long started = System.nanoTime();
        String asked = body.username() != null && !body.username().isBlank() ? body.username() : body.email();
        accounts.requestReset(body.username(), body.email())
            .ifPresentOrElse(
                    user -> audit.success(AuditAction.PASSWORD_RESET_REQUESTED, user.id(), user.username(),
                            AuditLog.address(request), null),
                    () -> audit.failure(AuditAction.PASSWORD_RESET_REQUESTED, null, asked, AuditLog.address(request),
                            "no eligible account"));
        // a known account costs a token and an event more than an unknown one: answer
        // both no sooner than a floor,
        // so that the time does not tell which it was
        long left = properties.resetMinResponse().toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            try {
                Thread.sleep(java.time.Duration.ofNanos(left));
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RESET_ACCEPTED);
    }

    @PostMapping("/reset-password/confirm")
    Map<String, String> confirmReset(@Valid @RequestBody AccountRequests.ResetConfirmRequest body,
            HttpServletRequest request) {
        User user = accounts.confirmReset(body.token(), body.newPassword());
        audit.success(AuditAction.PASSWORD_CHANGED, user.id(), user.username(), AuditLog.address(request),
                "by reset token");
        return Map.of("message", "The password has been changed; sign in with the new one.");
    }

    @PostMapping("/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'SCHOOL')")
    Map<String, String> changePassword(@Valid @RequestBody AccountRequests.ChangePasswordRequest body, Caller caller,
            HttpServletRequest request) {
        try {
            User user = accounts.changePassword(caller, body.currentPassword(), body.newPassword());
            audit.success(AuditAction.PASSWORD_CHANGED, user.id(), user.username(), AuditLog.address(request),
                    "by the user");
        }
        catch (ApiException refused) {
            audit.failure(AuditAction.PASSWORD_CHANGED, null, caller.username(), AuditLog.address(request),
                    refused.code());
            throw refused;
        }
        return Map.of("message", "The password has been changed; other sessions have been signed out.");
    }

    @GetMapping("/me")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'SCHOOL')")
    UserResponse me(Caller caller) {
        return UserResponse.of(users.me(caller));
    }

    record EnrolmentResponse(String secret, String otpauthUri) {
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    @PostMapping("/mfa/enroll")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'SCHOOL')")
    EnrolmentResponse enroll(Caller caller) {
        User me = users.me(caller);
        MfaService.Enrolment enrolment = mfa.enroll(me.id(), me.username());
        return new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri());
    }

    @PostMapping("/mfa/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'SCHOOL')")
    RecoveryCodesResponse confirm(@Valid @RequestBody AccountRequests.MfaConfirmRequest body, Caller caller,
            HttpServletRequest request) {
        User me = users.me(caller);
        List<String> codes = mfa.confirm(me.id(), body.code());
        audit.success(AuditAction.MFA_ENABLED, me.id(), me.username(), AuditLog.address(request), null);
        return new RecoveryCodesResponse(codes);
    }

    @PostMapping("/mfa/disable")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'SCHOOL')")
    Map<String, String> disable(@Valid @RequestBody AccountRequests.MfaDisableRequest body, Caller caller,
            HttpServletRequest request) {
        User me = users.me(caller);
        if (!mfa.isEnabled(me.id())) {
            throw ApiException.conflict(AuthProblems.MFA_NOT_ENABLED, "The second factor is not on");
        }
        if (!credentials.passwordMatches(me.id(), body.password())
                || !mfa.verify(me.id(), mfa.secret(me.id()), body.otp())) {
            audit.failure(AuditAction.MFA_DISABLED, me.id(), me.username(), AuditLog.address(request),
                    "wrong password or code");
            throw Credentials.invalidCredentials();
        }
        mfa.disable(me.id());
        audit.success(AuditAction.MFA_DISABLED, me.id(), me.username(), AuditLog.address(request), null);
        return Map.of("message", "The second factor is off.");
    }

}
