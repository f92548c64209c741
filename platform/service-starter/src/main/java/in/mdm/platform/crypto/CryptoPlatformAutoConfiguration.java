package in.mdm.platform.crypto;

import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.security.crypto.EventSeal;
import in.mdm.platform.security.crypto.FieldCipher;

/**
 * With {@code mdm.crypto.enabled=true} a service gets the {@link FieldCipher} that
 * encrypts its personal data, from {@code mdm.crypto.*} ({@link CryptoProperties}); with
 * no key ring configured, from a generated ring kept in {@code mdm.crypto.dev-key-file}
 * (development only). Without either the service does not start. Services that keep no
 * personal data leave the property unset and need no keys.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "mdm.crypto.enabled")
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoPlatformAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    FieldCipher fieldCipher(CryptoProperties properties) {
        if (!properties.keys().isEmpty()) {
            FieldCipher cipher = FieldCipher.ofBase64(properties.keys(), properties.activeKey(), properties.indexKey(),
                    properties.previousIndexKey());
            log.info("Personal data is encrypted with key {} (key ring {}){}", cipher.activeKeyId(), cipher.keyIds(),
                    cipher.rotatingIndexKey() ? "; lookups also try the previous index key until the rotation ends"
                            : "");
            return cipher;
        }
        if (properties.devKeyFile() == null) {
            throw new IllegalStateException("No key encrypts personal data: set MDM_CRYPTO_KEYS_<ID> (base64 of 32 "
                    + "random bytes, e.g. `openssl rand -base64 32`), MDM_CRYPTO_ACTIVE_KEY=<id> and "
                    + "MDM_CRYPTO_INDEX_KEY, or mdm.crypto.dev-key-file for a generated development key");
        }
        Properties ring = DevKeyRing.load(properties.devKeyFile());
        log.warn("Personal data is encrypted with the development key ring in {}: not for production; "
                + "lose the file and the encrypted data cannot be read", properties.devKeyFile());
        return FieldCipher.ofBase64(Map.of(ring.getProperty(DevKeyRing.ACTIVE_KEY), ring.getProperty(DevKeyRing.KEY)),
                ring.getProperty(DevKeyRing.ACTIVE_KEY), ring.getProperty(DevKeyRing.INDEX_KEY));
    }

    /**
     * Seals personal data and secrets inside the events the service publishes, and opens
     * those it consumes, with the same key ring.
     */
    @Bean
    @ConditionalOnMissingBean
    EventSeal eventSeal(FieldCipher fieldCipher) {
        return new EventSeal(fieldCipher);
    }

    /**
     * The ADMIN's key rotation endpoint at {@code mdm.crypto.rotate-path}, for the
     * service's {@link FieldEncryption}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "mdm.crypto.rotate-path")
    @ConditionalOnBean(FieldEncryption.class)
    static class Web {

        @Bean
        FieldKeyController platformFieldKeyController(FieldEncryption encryption,
                ObjectProvider<in.mdm.platform.audit.AuditTrail> audit) {
            return new FieldKeyController(encryption, audit);
        }

    }

}
