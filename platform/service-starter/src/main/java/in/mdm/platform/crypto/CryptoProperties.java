package in.mdm.platform.crypto;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mdm.crypto.*}: the keys that encrypt a service's personal data field by field
 * ({@code FieldCipher}), read only by services that set {@code mdm.crypto.enabled=true}
 * ({@link CryptoPlatformAutoConfiguration}).
 *
 * @param keys the key ring, key id to base64 of a 32-byte AES key; from the environment
 * as {@code MDM_CRYPTO_KEYS_<ID>} (ids of lower-case letters and digits)
 * @param activeKey the id new values are written with ({@code MDM_CRYPTO_ACTIVE_KEY})
 * @param indexKey base64 of the 32-byte HMAC key of the blind indexes
 * ({@code MDM_CRYPTO_INDEX_KEY})
 * @param previousIndexKey the index key being replaced
 * ({@code MDM_CRYPTO_PREVIOUS_INDEX_KEY}): set it with a new index key and a new active
 * key, run the rotation (which writes every row's indexes again under the new index key
 * while lookups try both), then remove it
 * @param devKeyFile with no key ring configured, a file that keeps a generated ring
 * ({@code MDM_CRYPTO_DEV_KEY_FILE}; the {@code local} profile of {@code ./run} names one
 * in the data folder); without either the service does not start
 * @param batchSize rows per transaction of the start-up encryption and of rotation
 */
@ConfigurationProperties("mdm.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey, String indexKey, Path devKeyFile,
        @DefaultValue("500") int batchSize, String previousIndexKey) {

    public CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        if (batchSize < 1) {
            throw new IllegalArgumentException("mdm.crypto.batch-size must be at least 1 (it is " + batchSize + ")");
        }
    }

}
