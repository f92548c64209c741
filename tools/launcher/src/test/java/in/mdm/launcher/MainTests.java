package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {

    @TempDir
    Path root;

    /**
     * {@code ./run} with a refused MDM_ADMIN_PASSWORD: the launcher in its own JVM, as
     * the script starts it.
     */
    @Test
    void aRefusedAdminPasswordStopsTheLauncherWithTheReasonBeforeItStartsAnything() throws Exception {
        Path data = root.resolve("data");
        ProcessBuilder builder = new ProcessBuilder(Jvm.java(), "-cp", Jvm.classPath(), "-Dmdm.root=" + root,
                Main.class.getName(), "--services", "auth", "--port-offset", "900", "--data-dir", data.toString())
            .redirectErrorStream(true);
        builder.environment().remove("MDM_ADMIN_USERNAME");
        builder.environment().put("MDM_ADMIN_PASSWORD", "Admin-Secret-2026");
        Process launcher = builder.start();
        launcher.getOutputStream().close();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as(output).isEqualTo(1);
        assertThat(output)
            .contains("MDM Twin did not start: MDM_ADMIN_PASSWORD is refused by auth-service's"
                    + " password policy: it must not contain the username (admin user 'admin'). Nothing was started.")
            .doesNotContain("Admin-Secret-2026")
            .doesNotContain("ready");
        // no lock taken, no log written, no database made, no process left carrying the
        // data folder's marker
        assertThat(files(root)).allMatch(path -> path.equals(root) || path.equals(data));
        assertThat(Processes.withArgument("-Dmdm.launcher.data=" + data)).isEmpty();
    }

    @Test
    void theBannerSaysWhetherTheCachesWereUsedOrAreBeingTrained() {
        assertThat(Main.cacheLine(0, 11)).hasValueSatisfying(
                line -> assertThat(line).startsWith("Started without AOT caches for 11 of them (new build)")
                    .contains("trained now in the background"));
        assertThat(Main.cacheLine(10, 1))
            .hasValueSatisfying(line -> assertThat(line).startsWith("Started without AOT caches for 1 of them"));
        assertThat(Main.cacheLine(11, 0)).contains("11 of them started from their AOT caches.");
        assertThat(Main.cacheLine(0, 0)).isEmpty();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.toList();
        }
    }

}
