package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void demoIsOffByDefaultAndTakesItsDays() {
        assertThat(CommandLine.parse(ROOT).demo()).isFalse();

        CommandLine demo = CommandLine.parse(ROOT, "--demo");
        assertThat(demo.demo()).isTrue();
        assertThat(demo.demoDays()).isEqualTo(15);

        CommandLine days = CommandLine.parse(ROOT, "--demo", "--demo-days=5", "--port-offset", "300");
        assertThat(days.demoDays()).isEqualTo(5);
        assertThat(days.options().build().ports().app("gateway")).isEqualTo(8380);

        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(ROOT, "--demo-days", "0"))
            .withMessageContaining("--demo-days");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(ROOT, "--demo-days", "many"))
            .withMessageContaining("--demo-days");
        assertThat(CommandLine.parse(ROOT, "--demo-days", "180").demoDays()).as("half a school year").isEqualTo(180);
        assertThat(CommandLine.HELP).contains("--demo", "--demo-days", "(default 15, up to 180");
    }

    @Test
    void theDemoGivesSchoolServiceRoomForTheImportAndTheLoadedServicesTheFullJit() {
        LaunchOptions options = CommandLine.parse(ROOT, "--demo").options().build();
        assertThat(options.jvmFlags("school-service")).contains("-Xmx768m")
            .doesNotContain("-Xmx256m")
            .contains("-XX:+UseSerialGC")
            .doesNotContain("-XX:TieredStopAtLevel=1")
            .contains("-XX:ReservedCodeCacheSize=96m");
        assertThat(options.jvmFlags("ml-service")).doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx256m");
        assertThat(options.jvmFlags("finance-service")).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(options.jvmFlags("report-service")).isEqualTo(LaunchOptions.DEFAULT_JVM_FLAGS);

        LaunchOptions given = CommandLine.parse(ROOT, "--jvm-flags", "-Xmx1g -XX:+UseG1GC", "--demo").options().build();
        assertThat(given.jvmFlags("school-service")).containsExactly("-XX:+UseG1GC", "-Xmx768m");
        assertThat(given.jvmFlags("gateway")).containsExactly("-Xmx1g", "-XX:+UseG1GC");

        assertThat(CommandLine.parse(ROOT).options().build().jvmFlags("school-service"))
            .as("without the demo, the heap of every service")
            .isEqualTo(LaunchOptions.fullJit(LaunchOptions.DEFAULT_JVM_FLAGS))
            .contains("-Xmx256m");
    }

    @Test
    void theSimulatorRunsLiveAgainstTheSuitesGatewayWithThePasswordOutOfItsArguments() {
        Suite.AdminPassword admin = new Suite.AdminPassword("admin", "Abcdefghijk234567890", true,
                ROOT.resolve(".run/data/admin-password"));

        List<String> command = Demo.command("/jdk/bin/java", Demo.jar(ROOT), "http://localhost:8380", admin.username(),
                15, ROOT.resolve(".run/simulated"));

        assertThat(command).containsSubsequence("-jar", "/repo/tools/simulator/target/mdm-simulator.jar", "--live",
                "--gateway", "http://localhost:8380", "--username", "admin", "--days", "15", "--out",
                "/repo/.run/simulated");
        assertThat(String.join(" ", command)).doesNotContain("Abcdefghijk234567890");
        assertThat(Demo.environment(admin)).containsEntry("MDM_ADMIN_PASSWORD", "Abcdefghijk234567890")
            .containsEntry("MDM_ADMIN_USERNAME", "admin");
    }

    @Test
    void theNewcomerGetsCurlLinesThroughTheGateway() {
        Suite.AdminPassword kept = new Suite.AdminPassword("admin", "Abcdefghijk234567890", false,
                ROOT.resolve(".run/data/admin-password"));

        List<String> lines = Demo.lookAt("http://localhost:8080", kept, ROOT, "33010101005");

        assertThat(lines.getFirst()).startsWith("  TOKEN=$(curl -s -X POST http://localhost:8080/api/v1/auth/login")
            .contains("$(cat .run/data/admin-password)")
            .contains("accessToken");
        assertThat(lines)
            .anyMatch(line -> line.contains("Bearer $TOKEN") && line.endsWith("/api/v1/schools/33010101005"))
            .anyMatch(line -> line.contains("/api/v1/schools?districtCode=568"))
            .anyMatch(line -> line.contains("http://localhost:8080/api/docs"));
        assertThat(String.join("\n", lines)).doesNotContain("Abcdefghijk234567890");
    }

}
