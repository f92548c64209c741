package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProcessesTests {

    @Test
    void readsVmRssFromProcStatus() {
        String status = """
                Name:\tjava
                VmPeak:\t 4096000 kB
                VmRSS:\t  312456 kB
                RssAnon:\t  290000 kB
                """;

        assertThat(Processes.parseVmRssKiB(status)).isEqualTo(312456);
        assertThat(Processes.parseVmRssKiB("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
    }

    @Test
    void thisProcessHasResidentMemoryAndAGoneOneHasNone() {
        long own = Processes.rssKiB(ProcessHandle.current().pid());

        assertThat(own).isGreaterThan(10_000);
        assertThat(Processes.rssKiB(Long.MAX_VALUE)).isZero();
    }

    @Test
    void splitsCommandLinesOnNul() {
        byte[] raw = "java\0-Dmdm.launcher.data=/x y\0-jar\0app.jar\0".getBytes(StandardCharsets.UTF_8);

        assertThat(Processes.splitNul(raw)).containsExactly("java", "-Dmdm.launcher.data=/x y", "-jar", "app.jar");
        assertThat(Processes.splitNul(new byte[0])).isEmpty();
    }

    @Test
    void findsTreesByArgumentSumsTheirMemoryAndStopsThem() throws Exception {
        String marker = "mdm-test-" + UUID.randomUUID();
        // a shell whose child sleeps: the tree is two processes deep
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & wait", marker).start();
        try {
            awaitDescendant(shell);
            List<ProcessHandle> found = Processes.withArgument(marker);
            assertThat(found).extracting(ProcessHandle::pid).containsExactly(shell.pid());

            var tree = Processes.trees(found);
            assertThat(tree).hasSize(2);
            assertThat(Processes.totalRssKiB(tree)).isPositive();

            Processes.stop(shell.toHandle(), Duration.ofSeconds(5));

            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(Processes.withArgument(marker)).isEmpty();
        }
        finally {
            shell.destroyForcibly();
        }
    }

    private static void awaitDescendant(Process process) throws InterruptedException {
        for (int i = 0; i < 100 && process.descendants().findAny().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(process.descendants()).isNotEmpty();
    }

}
