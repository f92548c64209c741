package in.mdm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import in.mdm.launcher.App;
import in.mdm.launcher.LaunchOptions;
import in.mdm.launcher.Ports;
import in.mdm.launcher.Suite;

/**
 * One suite for every system test class of the JVM: started as {@code ./run} starts it
 * (every application jar in its own JVM, real PostgreSQL, Kafka and Redis) on free ports
 * by the first class that needs it, and stopped once, after the last class, with no
 * process left behind. A start costs minutes, so the classes share it; each class leaves
 * the data of the others alone (its own schools, districts and users).
 */
final class RunningSuite implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSuite.class);

    private static Suite suite;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path root = Path.of(System.getProperty("mdm.root", "../..")).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (App app : allApps()) {
            if (!Files.isRegularFile(app.jar(root))) {
                missing.add(app.name());
            }
        }
        if (!missing.isEmpty()) {
            String reason = "system tests skipped: no jar for " + missing
                    + " (not in the reactor?); they need every application";
            System.out.println("[suite] " + reason);
            Assumptions.abort(reason);
        }
        // the root context's store closes its values once every class has run
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, type -> start(root));
    }

    private static Started start(Path root) {
        try {
            Path runDir = Files.createTempDirectory("mdm-system-tests");
            Path logs = Path.of(System.getProperty("mdm.system-tests.logs", runDir.resolve("logs").toString()));
            suite = Suite.start(LaunchOptions.builder(root)
                .runDir(runDir)
                .logDir(logs)
                .ports(Ports.free())
                .aot(false)
                .startTimeout(Duration.ofMinutes(8))
                .progress(line -> System.out.println("[suite] " + line))
                .build());
            System.out.printf("[suite] all routed in %.1f s, %d MiB resident%n",
                    suite.startupTime().toMillis() / 1000.0, suite.rssKiB() / 1024);
            return new Started(suite);
        }
        catch (IOException ex) {
            throw new IllegalStateException("no temporary folder for the suite", ex);
        }
    }

    /** The running suite; only inside a class extended with this one. */
    static Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("the suite is not running: @ExtendWith(RunningSuite.class)");
        }
        return suite;
    }

    private static List<App> allApps() {
        List<App> apps = new ArrayList<>(App.INFRASTRUCTURE);
        apps.addAll(App.SERVICES);
        return apps;
    }

    /** The last lines of an application's log, for a failing test's report. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
        }
        catch (IOException | RuntimeException ex) {
            return "(unreadable: " + ex + ")";
        }
    }

    /** Prints the end of each application's log (when the suite runs). */
    static void printLogs(List<String> apps, int lines) {
        if (suite == null) {
            return;
        }
        for (String app : apps) {
            System.out.println("---- last lines of " + app + "'s log (" + suite.log(app) + ")");
            System.out.println(tail(suite.log(app), lines));
        }
    }

    /** Stops the suite after the last class and checks that nothing is left running. */
    private record Started(Suite running) implements AutoCloseable {

        @Override
        public void close() {
            List<ProcessHandle> processes = running.processes();
            running.close();
            suite = null;
            assertThat(processes).as("processes left after close").noneMatch(ProcessHandle::isAlive);
        }

    }

}
