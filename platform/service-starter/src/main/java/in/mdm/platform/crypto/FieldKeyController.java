package in.mdm.platform.crypto;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;

/**
 * Re-encrypting a service's personal data with the active key (ADMIN), at
 * {@code mdm.crypto.rotate-path}: {@code POST} starts the service's
 * {@link FieldEncryption} job in the background (202; a job already running is not
 * started twice), {@code GET} reads how far it is. The previous key stays in
 * {@code mdm.crypto.keys} until {@code remaining} is 0. The start is in the audit trail
 * ({@code field-keys.rotate}).
 */
@RestController
@RequestMapping("${mdm.crypto.rotate-path}")
@PreAuthorize("hasRole('ADMIN')")
class FieldKeyController {

    private final FieldEncryption encryption;

    private final ObjectProvider<AuditTrail> audit;

    FieldKeyController(FieldEncryption encryption, ObjectProvider<AuditTrail> audit) {
        this.encryption = encryption;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    FieldEncryption.Progress rotate() {
        FieldEncryption.Progress before = encryption.progress();
        FieldEncryption.Progress started = encryption.startRotation();
        audit.ifAvailable(trail -> trail.record(AuditEntry.changed("field-keys.rotate", "field-keys",
                started.activeKey(), Map.of("rowsByKey", before.rowsByKey(), "remaining", before.remaining()),
                Map.of("activeKey", started.activeKey(), "running", started.running()))));
        return started;
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
