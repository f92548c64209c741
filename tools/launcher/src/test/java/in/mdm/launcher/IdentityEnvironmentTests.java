package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import in.mdm.platform.security.PasswordPolicy;

class IdentityEnvironmentTests {

    private static final App AUTH = App.service("auth").orElseThrow();

    private static final App SCHOOL = App.service("school").orElseThrow();

    @TempDir
    Path dataDir;

    @Test
    void withoutAPasswordOneOfTwentyCharactersIsGeneratedKeptPrivateAndReused() throws Exception {
        Suite.AdminPassword first = Suite.AdminPassword.resolve(dataDir, Map.of());

        assertThat(first.generated()).isTrue();
        assertThat(first.username()).isEqualTo("admin");
        assertThat(first.value()).hasSize(20)
            .matches("[A-Za-z2-9]{20}")
            .containsPattern("[A-Z]")
            .containsPattern("[a-z]")
            .containsPattern("[0-9]");
        assertThat(first.file()).isEqualTo(dataDir.resolve("admin-password"));
        assertThat(Files.readString(first.file()).trim()).isEqualTo(first.value());
        assertThat(Files.getPosixFilePermissions(first.file()))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Suite.AdminPassword second = Suite.AdminPassword.resolve(dataDir, Map.of("MDM_ADMIN_USERNAME", "root-admin"));

        assertThat(second.generated()).isFalse();
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.username()).isEqualTo("root-admin");
    }

    @Test
    void generatedPasswordsDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(Suite.AdminPassword.generate(random)).isNotEqualTo(Suite.AdminPassword.generate(random));
    }

    @Test
    void aPasswordFromTheEnvironmentWinsAndIsNotWrittenDown() {
        Suite.AdminPassword admin = Suite.AdminPassword.resolve(dataDir,
                Map.of("MDM_ADMIN_USERNAME", "chief", "MDM_ADMIN_PASSWORD", "Given-Secret-123"));

        assertThat(admin.username()).isEqualTo("chief");
        assertThat(admin.value()).isEqualTo("Given-Secret-123");
        assertThat(admin.generated()).isFalse();
        assertThat(admin.file()).isNull();
        assertThat(dataDir.resolve("admin-password")).doesNotExist();
        assertThat(admin.toString()).doesNotContain("Given-Secret-123");
    }

    @Test
    void aPasswordThePolicyRefusesStopsTheStartWithTheReasonAndWithoutThePassword() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Suite.AdminPassword.resolve(dataDir, Map.of("MDM_ADMIN_PASSWORD", "Admin-Secret-2026")))
            .withMessageStartingWith("MDM_ADMIN_PASSWORD is refused by auth-service's password policy: it must not"
                    + " contain the username (admin user 'admin'). Nothing was started.")
            .withMessageNotContaining("Admin-Secret-2026");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Suite.AdminPassword.resolve(dataDir,
                    Map.of("MDM_ADMIN_USERNAME", "chief", "MDM_ADMIN_PASSWORD", "Short-1a")))
            .withMessageContaining("it must have at least 12 characters (admin user 'chief')");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Suite.AdminPassword.resolve(dataDir, Map.of("MDM_ADMIN_PASSWORD", "Password@123")))
            .withMessageContaining("it is too common");
        assertThat(dataDir.resolve("admin-password")).doesNotExist();
    }

    @Test
    void aKeptPasswordThePolicyRefusesIsRefusedNamingItsFile() throws Exception {
        Files.writeString(dataDir.resolve("admin-password"), "onlylowercaseletters\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Suite.AdminPassword.resolve(dataDir, Map.of()))
            .withMessageContaining("the password kept in " + dataDir.resolve("admin-password"))
            .withMessageContaining("must mix at least three of")
            .withMessageNotContaining("onlylowercaseletters");
    }

    @Test
    void aGeneratedPasswordPassesThePolicyForTheGivenUsername() {
        Suite.AdminPassword admin = Suite.AdminPassword.resolve(dataDir, Map.of("MDM_ADMIN_USERNAME", "abc"));

        assertThat(admin.generated()).isTrue();
        assertThat(PasswordPolicy.problem(admin.value(), "abc")).isNull();
    }

    @Test
    void authServiceGetsTheAdminUserAndEveryApplicationTheIssuerAndKeysHonouringThePortOffset() {
        Suite.AdminPassword admin = new Suite.AdminPassword("admin", "Abcdefghijk234567890", true,
                dataDir.resolve("admin-password"));
        Ports ports = Ports.offset(300);

        Map<String, String> auth = Suite.identityEnvironment(AUTH, ports, admin, Map.of());
        Map<String, String> school = Suite.identityEnvironment(SCHOOL, ports, admin, Map.of());
        Map<String, String> gateway = Suite.identityEnvironment(App.GATEWAY, ports, admin, Map.of());

        assertThat(auth).containsEntry("MDM_ADMIN_USERNAME", "admin")
            .containsEntry("MDM_ADMIN_PASSWORD", "Abcdefghijk234567890");
        for (Map<String, String> environment : java.util.List.of(auth, school, gateway)) {
            assertThat(environment).containsEntry("MDM_PUBLIC_URL", "http://localhost:8380")
                .containsEntry("MDM_AUTH_JWKS_URI", "http://localhost:8381/.well-known/jwks.json")
                .doesNotContainKey("MDM_KEYCLOAK_ISSUER_URI");
        }
        assertThat(school).doesNotContainKeys("MDM_ADMIN_USERNAME", "MDM_ADMIN_PASSWORD");
        assertThat(gateway).doesNotContainKeys("MDM_ADMIN_USERNAME", "MDM_ADMIN_PASSWORD");
    }

    @Test
    void keycloakIssuerReachesEveryApplicationWhenSet() {
        Map<String, String> launcher = Map.of("MDM_KEYCLOAK_ISSUER_URI", "http://keycloak:8180/realms/mdm");

        for (App app : java.util.List.of(App.CONFIG_SERVER, App.GATEWAY, AUTH, SCHOOL)) {
            assertThat(Suite.identityEnvironment(app, Ports.defaults(), null, launcher))
                .containsEntry("MDM_KEYCLOAK_ISSUER_URI", "http://keycloak:8180/realms/mdm")
                .containsEntry("MDM_PUBLIC_URL", "http://localhost:8080")
                .containsEntry("MDM_AUTH_JWKS_URI", "http://localhost:8081/.well-known/jwks.json");
        }
    }

    @Test
    void bannerShowsAGeneratedPasswordWithALoginLineAndLaterOnlyWhereItIs() {
        Path root = dataDir.getParent();
        Suite.AdminPassword generated = new Suite.AdminPassword("admin", "Abcdefghijk234567890", true,
                dataDir.resolve("admin-password"));

        assertThat(Main.adminLines("http://localhost:8080", generated, root)).containsExactly(
                "  Admin      admin, password Abcdefghijk234567890 (generated once, kept in "
                        + root.relativize(dataDir.resolve("admin-password")) + ")",
                "  Log in     curl -s -X POST http://localhost:8080/api/v1/auth/login -H 'Content-Type: application/json'"
                        + " -d '{\"username\":\"admin\",\"password\":\"Abcdefghijk234567890\"}'");

        Suite.AdminPassword kept = new Suite.AdminPassword("admin", "Abcdefghijk234567890", false,
                dataDir.resolve("admin-password"));
        assertThat(String.join("\n", Main.adminLines("http://localhost:8080", kept, root)))
            .doesNotContain("Abcdefghijk234567890")
            .contains("$(cat ")
            .contains("admin-password");
        assertThat(Main.adminLines("http://localhost:8080", null, root)).isEmpty();
    }

}
