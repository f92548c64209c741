package in.mdm.auth.login;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.auth.token.Sessions;
import in.mdm.auth.token.TokenService;
import in.mdm.auth.user.Credentials;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

/** Sign in, refresh, sign out. */
@RestController
@RequestMapping("/api/v1/auth")
class LoginController {

    private final Credentials credentials;

    private final TokenService tokens;

    private final Sessions sessions;

    private final AuditLog audit;

    LoginController(Credentials credentials, TokenService tokens, Sessions sessions, AuditLog audit) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
            @Size(max = 12) String otp) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        TokenService.Person person = credentials.signIn(body.username(), body.password(), body.otp(),
                AuditLog.address(request));
        Sessions.Started session = sessions.start(person.userId());
        return issue(person, session.sessionId(), session.refreshToken());
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        String address = AuditLog.address(request);
        Sessions.Rotation rotation = sessions.rotate(body.refreshToken());
        switch (rotation.outcome()) {
            case REUSED -> {
                audit.failure(AuditAction.REFRESH_TOKEN_REUSED, rotation.userId(), null, address,
                        "session " + rotation.sessionId() + " revoked");
                throw invalidRefresh();
            }
            case INVALID -> {
                audit.failure(AuditAction.TOKEN_REFRESHED, null, null, address, "unknown or expired refresh token");
                throw invalidRefresh();
            }
            default -> {
            }
        }
        TokenService.Person person = credentials.activePerson(rotation.userId()).orElse(null);
        if (person == null) {
            sessions.end(rotation.sessionId());
            audit.failure(AuditAction.TOKEN_REFRESHED, rotation.userId(), null, address, "account no longer active");
            throw invalidRefresh();
        }
        audit.success(AuditAction.TOKEN_REFRESHED, person.userId(), person.username(), address, null);
        return issue(person, rotation.sessionId(), rotation.refreshToken());
    }

    /**
     * Ends the session of the access token (its refresh-token family) and deny-lists the
     * access token itself.
     */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Authentication authentication, HttpServletRequest request) {
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, PlatformProblems.UNAUTHENTICATED,
                    "A bearer access token is required");
        }
        Map<String, Object> claims = jwt.getToken().getClaims();
        Object session = claims.get(TokenService.SESSION_CLAIM);
        if (session != null) {
            sessions.end(session.toString());
        }
        Instant expires = jwt.getToken().getExpiresAt();
        sessions.deny(jwt.getToken().getId(), expires);
        Object uid = claims.get("uid");
        audit.success(AuditAction.LOGOUT, uid == null ? null : java.util.UUID.fromString(uid.toString()),
                jwt.getToken().getSubject(), AuditLog.address(request), null);
    }

    private TokenResponse issue(TokenService.Person person, String sessionId, String refreshToken) {
        TokenService.IssuedToken access = tokens.forPerson(person, sessionId);
        sessions.accessTokenIssued(sessionId, access.jti(), access.expiresAt());
        return new TokenResponse(access.value(), refreshToken, "Bearer", access.expiresIn());
    }

    private static ApiException invalidRefresh() {
        return new ApiException(HttpStatus.UNAUTHORIZED, PlatformProblems.TOKEN_INVALID,
                "The refresh token is invalid, expired or revoked");
    }

}
