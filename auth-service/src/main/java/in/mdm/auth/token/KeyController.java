package in.mdm.auth.token;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.platform.security.Caller;

/** Signing keys: list them and rotate (ADMIN). */
@RestController
@RequestMapping("/api/v1/auth/keys")
@PreAuthorize("hasRole('ADMIN')")
class KeyController {

    private final SigningKeys keys;

    private final AuditLog audit;

    KeyController(SigningKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping
    List<SigningKeys.KeyInfo> list() {
        return keys.list();
    }

    @PostMapping("/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> rotate(Caller caller, HttpServletRequest request) {
        String kid = keys.rotate();
        audit.success(AuditAction.SIGNING_KEY_ROTATED, null, caller.username(), AuditLog.address(request),
                "new kid " + kid);
        return Map.of("kid", kid);
    }

}
