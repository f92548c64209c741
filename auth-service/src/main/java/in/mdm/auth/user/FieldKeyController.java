package in.mdm.auth.user;

import java.time.Instant;
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

/**
 * Re-encrypting the users' personal data with the active key (ADMIN): start it, and read
 * how far it is. The previous key stays in {@code mdm.crypto.keys} until
 * {@code remaining} is 0.
 */
@RestController
@RequestMapping("/api/v1/auth/field-keys/rotate")
@PreAuthorize("hasRole('ADMIN')")
class FieldKeyController {

    /**
     * @param activeKey the key id values are re-encrypted with
     * @param running whether this instance's job is running
     * @param done rows (re-)encrypted by the job of this instance since it started
     * @param remaining rows in the table still under another key or in plain text
     * @param rowsByKey encrypted rows per key id
     */
    record FieldKeyRotationResponse(String activeKey, boolean running, long done, long remaining,
            Map<String, Long> rowsByKey, Instant startedAt, Instant finishedAt, String error) {

        static FieldKeyRotationResponse of(UserEncryption.Rotation r) {
            return new FieldKeyRotationResponse(r.activeKey(), r.running(), r.done(), r.remaining(), r.rowsByKey(),
                    r.startedAt(), r.finishedAt(), r.error());
        }

    }

    private final UserEncryption encryption;

    private final AuditLog audit;

    FieldKeyController(UserEncryption encryption, AuditLog audit) {
        this.encryption = encryption;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    FieldKeyRotationResponse rotate(Caller caller, HttpServletRequest request) {
        UserEncryption.Rotation rotation = encryption.startRotation();
        audit.success(AuditAction.FIELD_KEY_ROTATION_STARTED, null, caller.username(), AuditLog.address(request),
                "to key " + rotation.activeKey());
        return FieldKeyRotationResponse.of(rotation);
    }

    @GetMapping
    FieldKeyRotationResponse progress() {
        return FieldKeyRotationResponse.of(encryption.rotation());
    }

}
