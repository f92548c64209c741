package in.mdm.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import in.mdm.platform.security.crypto.AesGcm;

/**
 * Seals secrets kept in the database (private signing keys, TOTP secrets) with
 * AES-256-GCM under a key derived from {@code mdm.auth.data-key}
 * ({@code MDM_AUTH_DATA_KEY}), so that a copy of the database alone does not give them
 * away. Without that setting values are stored as they are (and a sealed value cannot be
 * read). A sealed value reads {@code v1:<base64 of nonce, ciphertext and tag>}; an
 * unsealed one is read as it is. Personal data in the users table is encrypted with
 * {@link in.mdm.platform.security.crypto.FieldCipher} instead (key ring, key ids,
 * rotation); both use {@link AesGcm}.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private static final String PREFIX = "v1:";

    private final SecretKeySpec key;

    SecretBox(@Value("${mdm.auth.data-key:}") String dataKey) {
        if (dataKey == null || dataKey.isBlank()) {
            this.key = null;
            log.info(
                    "mdm.auth.data-key (MDM_AUTH_DATA_KEY) is not set: signing keys and TOTP secrets are stored unsealed");
        }
        else {
            try {
                byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("mdm-auth-data-key:" + dataKey).getBytes(StandardCharsets.UTF_8));
                this.key = new SecretKeySpec(derived, "AES");
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public String seal(String plain) {
        if (plain == null || key == null) {
            return plain;
        }
        return PREFIX
                + Base64.getEncoder().encodeToString(AesGcm.seal(key, plain.getBytes(StandardCharsets.UTF_8), null));
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    "A sealed secret needs mdm.auth.data-key (MDM_AUTH_DATA_KEY), which is not set");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(AesGcm.open(key, in, null), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "A sealed secret cannot be opened: is mdm.auth.data-key the one it was sealed with?", e);
        }
    }

}
