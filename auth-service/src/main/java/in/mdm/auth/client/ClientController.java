package in.mdm.auth.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.auth.token.TokenService;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;

/**
 * The client-credentials grant ({@code POST /api/v1/auth/token}, RFC 6749 section 4.4)
 * and the registration of machine clients (ADMIN).
 */
@RestController
@RequestMapping("/api/v1/auth")
class ClientController {

    private final MachineClients clients;

    private final TokenService tokens;

    private final AuditLog audit;

    ClientController(MachineClients clients, TokenService tokens, AuditLog audit) {
        this.clients = clients;
        this.tokens = tokens;
        this.audit = audit;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String formClientId,
            @RequestParam(name = "client_secret", required = false) String formClientSecret,
            @RequestParam(name = "scope", required = false) String asked,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        if (request.getQueryString() != null && request.getQueryString().contains("client_secret")) {
            throw oauth(HttpStatus.BAD_REQUEST, AuthProblems.SECRET_IN_URL, "invalid_request",
                    "Send the client secret in the form body or by HTTP Basic, never in the URL");
        }
        if (!"client_credentials".equals(grantType)) {
            throw oauth(HttpStatus.BAD_REQUEST, AuthProblems.UNSUPPORTED_GRANT_TYPE, "unsupported_grant_type",
                    "Only grant_type=client_credentials is supported here");
        }
        String clientId = formClientId;
        String secret = formClientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization.substring(6).trim());
            clientId = pair[0];
            secret = pair[1];
        }
        String address = AuditLog.address(request);
        String id = clientId;
        MachineClients.Client client = clients.authenticate(clientId, secret).orElseThrow(() -> {
            audit.failure(AuditAction.CLIENT_TOKEN, null, id, address, "wrong client id or secret");
            return oauth(HttpStatus.UNAUTHORIZED, AuthProblems.INVALID_CLIENT, "invalid_client",
                    "Unknown client or wrong secret");
        });
        Set<String> granted = client.scopes();
        if (asked != null && !asked.isBlank()) {
            Set<String> wanted = new LinkedHashSet<>(List.of(asked.trim().split("\\s+")));
            if (!client.scopes().containsAll(wanted)) {
                audit.failure(AuditAction.CLIENT_TOKEN, null, client.clientId(), address,
                        "scope not granted: " + asked);
                throw oauth(HttpStatus.BAD_REQUEST, AuthProblems.INVALID_SCOPE, "invalid_scope",
                        "The client may ask only for " + String.join(" ", client.scopes()));
            }
            granted = wanted;
        }
        TokenService.IssuedToken token = tokens.forClient(client.clientId(), granted);
        audit.success(AuditAction.CLIENT_TOKEN, null, client.clientId(), address, String.join(" ", granted));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresIn());
        body.put("scope", String.join(" ", granted));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    record ClientRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                    message = "3-64 lower-case letters, digits, '.', '_' or '-'") String clientId,
            @NotEmpty List<@Pattern(regexp = "[a-z]+:[a-z-]+",
                    message = "must be a scope like schools:import") String> scopes,
            @Size(max = 200) String description) {
    }

    record ClientCreatedResponse(String clientId, String clientSecret, Set<String> scopes) {
    }

    @PostMapping("/clients")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ClientCreatedResponse create(@Valid @RequestBody ClientRequest body, Caller caller, HttpServletRequest request) {
        Set<String> scopes = new LinkedHashSet<>(body.scopes());
        String secret = clients.create(body.clientId(), scopes, body.description());
        audit.success(AuditAction.CLIENT_REGISTERED, null, body.clientId(), AuditLog.address(request),
                "by " + caller.username());
        return new ClientCreatedResponse(body.clientId(), secret, scopes);
    }

    @GetMapping("/clients")
    @PreAuthorize("hasRole('ADMIN')")
    List<MachineClients.Client> list() {
        return clients.list();
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[] { null, null };
            }
            return new String[] { java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
        }
        catch (IllegalArgumentException notBase64) {
            return new String[] { null, null };
        }
    }

    private static ApiException oauth(HttpStatus status, String code, String error, String detail) {
        ApiException problem = new ApiException(status, code, detail);
        problem.getBody().setProperty("error", error);
        if (status == HttpStatus.UNAUTHORIZED) {
            problem.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mdm-twin\"");
        }
        return problem;
    }

}
