package in.mdm.auth.user;

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
import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.security.Caller;

/**
 * Re-encrypting the users' personal data with the active key (ADMIN): start it, and read
 * how far it is. The previous key stays in {@code mdm.crypto.keys} until
 * {@code remaining} is 0.
 */
@RestController
@RequestMapping("/api/v1/auth/field-keys/rotate")
@PreAuthorize("hasRole('ADMIN')")
class FieldKeyController {

    private final UserEncryption encryption;

    private final AuditLog audit;

    FieldKeyController(UserEncryption encryption, AuditLog audit) {
        this.encryption = encryption;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    FieldEncryption.Progress rotate(Caller caller, HttpServletRequest request) {
        FieldEncryption.Progress rotation = encryption.startRotation();
        audit.success(AuditAction.FIELD_KEY_ROTATION_STARTED, null, caller.username(), AuditLog.address(request),
                "to key " + rotation.activeKey());
        return rotation;
    }

    /**
     * {@code activeKey}, {@code running}, {@code done} (rows of this instance's job),
     * {@code remaining} (rows still under another key or in plain text),
     * {@code rowsByKey}, {@code startedAt}, {@code finishedAt}, {@code error}.
     */
    @GetMapping
    FieldEncryption.Progress progress() {
        return encryption.progress();
    }

}
