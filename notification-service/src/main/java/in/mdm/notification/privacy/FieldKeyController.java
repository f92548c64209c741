package in.mdm.notification.privacy;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.crypto.FieldEncryption;

/**
 * Re-encrypting the recipients' and deliveries' personal data with the active key
 * (ADMIN): start it in the background, and read how far it is. The previous key stays in
 * {@code mdm.crypto.keys} until {@code remaining} is 0.
 */
@RestController
@RequestMapping("/api/v1/notifications/field-keys/rotate")
@PreAuthorize("hasRole('ADMIN')")
class FieldKeyController {

    private final PersonalDataEncryption encryption;

    FieldKeyController(PersonalDataEncryption encryption) {
        this.encryption = encryption;
    }

    /** 202 and where the job stands; a job already running is not started twice. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    FieldEncryption.Progress rotate() {
        return encryption.startRotation();
    }

    @GetMapping
    FieldEncryption.Progress progress() {
        return encryption.progress();
    }

}
