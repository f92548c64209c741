package in.mdm.auth.user;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.security.crypto.FieldCipher;

/**
 * The {@link FieldCipher} of the users table, from {@code mdm.crypto.*}; with no key ring
 * configured, from a generated ring kept in {@code mdm.crypto.dev-key-file} (development
 * only).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class FieldCipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldCipherConfiguration.class);

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties) {
        if (!properties.keys().isEmpty()) {
            FieldCipher cipher = FieldCipher.ofBase64(properties.keys(), properties.activeKey(), properties.indexKey());
            log.info("Personal data is encrypted with key {} (key ring {})", cipher.activeKeyId(), cipher.keyIds());
            return cipher;
        }
        if (properties.devKeyFile() == null) {
            throw new IllegalStateException("No key encrypts personal data: set MDM_CRYPTO_KEYS_<ID> (base64 of 32 "
                    + "random bytes, e.g. `openssl rand -base64 32`), MDM_CRYPTO_ACTIVE_KEY=<id> and "
                    + "MDM_CRYPTO_INDEX_KEY, or mdm.crypto.dev-key-file for a generated development key");
        }
        Properties ring = devKeys(properties.devKeyFile());
        log.warn("Personal data is encrypted with the development key ring in {}: not for production; "
                + "lose the file and the encrypted data cannot be read", properties.devKeyFile());
        return FieldCipher.ofBase64(Map.of(ring.getProperty("active-key"), ring.getProperty("key")),
                ring.getProperty("active-key"), ring.getProperty("index-key"));
    }

    /** The ring kept in the file, made on first use (readable by the owner only). */
    static Properties devKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Properties ring = new Properties();
                ring.setProperty("active-key", "dev1");
                ring.setProperty("key", random());
                ring.setProperty("index-key", random());
                try (Writer out = Files.newBufferedWriter(file, StandardOpenOption.CREATE_NEW)) {
                    ring.store(out,
                            "Development keys of auth-service's personal data (mdm.crypto); never in production");
                }
                catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                    return read(file);
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                catch (UnsupportedOperationException notPosix) {
                    // kept with the file system's default permissions
                }
                log.info("Generated a development key ring for personal data in {}", file);
            }
            return read(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot keep the development key ring in " + file, ex);
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties ring = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            ring.load(in);
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (String name : new String[] { "active-key", "key", "index-key" }) {
            if (ring.getProperty(name) == null) {
                missing.put(name, file.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The development key ring " + file + " lacks " + missing.keySet());
        }
        return ring;
    }

    private static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
