package in.mdm.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import in.mdm.platform.security.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field cipher a service opts into with {@code mdm.crypto.enabled}: none without it
 * (and no keys needed), the configured ring with it, a generated development ring kept in
 * a file that several services may share, and a refusal to start without any key.
 */
class CryptoPlatformAutoConfigurationTests {

    static final String KEY_2025 = "dGVzdC1maWVsZC1rZXktMjAyNS1ub3QtZm9yLXByb2Q=";

    static final String KEY_2026 = "dGVzdC1maWVsZC1rZXktMjAyNi1ub3QtZm9yLXByb2Q=";

    static final String INDEX_KEY = "dGVzdC1pbmRleC1rZXktbm90LWZvci1wcm9kdWN0aW8=";

    final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CryptoPlatformAutoConfiguration.class));

    @TempDir
    Path folder;

    @Test
    void aServiceThatDoesNotOptInGetsNoCipherAndNeedsNoKeys() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FieldCipher.class);
            assertThat(context).doesNotHaveBean(CryptoProperties.class);
        });
        contexts.withPropertyValues("mdm.crypto.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(FieldCipher.class));
    }

    @Test
    void theConfiguredRingEncryptsWithTheActiveKeyAndReadsTheOthers() {
        FieldCipher old = FieldCipher.ofBase64(java.util.Map.of("k2025", KEY_2025), "k2025", INDEX_KEY);
        String written = old.encrypt("schools.headmaster_name", "R. Meena");
        contexts.withPropertyValues("mdm.crypto.enabled=true", "mdm.crypto.keys.k2025=" + KEY_2025,
                "mdm.crypto.keys.k2026=" + KEY_2026, "mdm.crypto.active-key=k2026", "mdm.crypto.index-key=" + INDEX_KEY)
            .run(context -> {
                FieldCipher cipher = context.getBean(FieldCipher.class);
                assertThat(cipher.activeKeyId()).isEqualTo("k2026");
                assertThat(cipher.keyIds()).containsExactlyInAnyOrder("k2025", "k2026");
                assertThat(cipher.encrypt("schools.headmaster_name", "R. Meena")).startsWith("v1:k2026:");
                assertThat(cipher.decrypt("schools.headmaster_name", written)).isEqualTo("R. Meena");
                assertThat(cipher.blindIndex("schools.headmaster_phone", "+919840000003"))
                    .isEqualTo(old.blindIndex("schools.headmaster_phone", "+919840000003"));
                assertThat(context.getBean(CryptoProperties.class).batchSize()).isEqualTo(500);
            });
    }

    @Test
    void withoutKeysOrADevelopmentFileTheServiceDoesNotStartAndSaysWhatToSet() {
        contexts.withPropertyValues("mdm.crypto.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("MDM_CRYPTO_KEYS_<ID>")
                .hasMessageContaining("mdm.crypto.dev-key-file");
        });
        contexts
            .withPropertyValues("mdm.crypto.enabled=true", "mdm.crypto.keys.k1=" + KEY_2026, "mdm.crypto.active-key=k9",
                    "mdm.crypto.index-key=" + INDEX_KEY)
            .run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("The active key k9 is not in the key ring"));
    }

    @Test
    void aDevelopmentRingIsGeneratedOnceOwnerOnlyAndReadAgainByTheNextService() throws Exception {
        Path file = folder.resolve("data/field-keys.properties");
        List<String> encrypted = new ArrayList<>();
        contexts.withPropertyValues("mdm.crypto.enabled=true", "mdm.crypto.dev-key-file=" + file).run(context -> {
            FieldCipher cipher = context.getBean(FieldCipher.class);
            assertThat(cipher.activeKeyId()).isEqualTo("dev1");
            encrypted.add(cipher.encrypt("users.email", "meena@tn.gov.in"));
        });
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(file.getParent())).as("no draft left behind").containsExactly(file);
        String ring = Files.readString(file);

        contexts.withPropertyValues("mdm.crypto.enabled=true", "mdm.crypto.dev-key-file=" + file)
            .run(context -> assertThat(context.getBean(FieldCipher.class).decrypt("users.email", encrypted.get(0)))
                .isEqualTo("meena@tn.gov.in"));
        assertThat(Files.readString(file)).as("the ring is kept, not made again").isEqualTo(ring);
    }

    @Test
    void servicesStartingTogetherOnOneNewFileAllGetTheSameCompleteRing() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path file = folder.resolve("race-" + round + "/field-keys.properties");
            List<Callable<Properties>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> DevKeyRing.load(file));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Properties> rings = new ArrayList<>();
                for (Future<Properties> ring : pool.invokeAll(starts)) {
                    rings.add(ring.get());
                }
                assertThat(rings).allSatisfy(ring -> assertThat(ring).isEqualTo(rings.get(0)));
                assertThat(rings.get(0).getProperty("key")).isNotBlank();
                assertThat(Files.list(file.getParent())).containsExactly(file);
            }
            finally {
                pool.shutdownNow();
            }
        }
    }

}
