package in.mdm.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./run}: starts the suite, prints where it is and what it cost, and keeps it
 * running until Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLibraryLogging();
        Path root = Path.of(System.getProperty("mdm.root", "")).toAbsolutePath().normalize();
        CommandLine line;
        try {
            line = CommandLine.parse(root, args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("./run: " + ex.getMessage());
            System.exit(2);
            return;
        }
        if (line.help()) {
            System.out.print(CommandLine.HELP);
            return;
        }
        if (!line.servicesGiven()) {
            List<String> built = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (App service : App.SERVICES) {
                (Files.isRegularFile(service.jar(root)) ? built : missing).add(service.name());
            }
            if (!missing.isEmpty()) {
                System.out.println("Not built, so not started: " + String.join(", ", missing) + ".");
            }
            line.options().services(built);
        }
        LaunchOptions options = line.options().build();
        System.out.println("Starting MDM Twin from " + root + " (" + options.services().size() + " services; logs in "
                + shortPath(root, options.logDir()) + ").");

        Suite suite;
        try {
            suite = Suite.start(options);
        }
        catch (RuntimeException ex) {
            System.err.println();
            System.err.println("MDM Twin did not start: " + ex.getMessage());
            System.exit(1);
            return;
        }
        report(root, suite, !line.exitWhenReady() && !line.demo());
        CompletableFuture<Void> training = suite.trainMissingCaches();
        if (line.demo()) {
            Demo.run(root, suite, line.demoDays());
            if (!line.exitWhenReady()) {
                System.out.println();
                System.out.println("Ctrl-C to stop.");
            }
        }
        if (line.exitWhenReady()) {
            if (!training.isDone()) {
                System.out.println("Stopping once the caches are trained (Ctrl-C stops at once; the next start trains"
                        + " what is missing).");
                training.join();
            }
            suite.close();
            System.exit(0);
        }
        watch(suite);
    }

    private static void report(Path root, Suite suite, boolean staying) {
        List<ProcessHandle> processes = suite.processes();
        long rss = Processes.totalRssKiB(processes);
        long own = Processes.rssKiB(ProcessHandle.current().pid());
        System.out.println();
        System.out.printf(
                "MDM Twin is up: %d applications ready and routed in %.1f s; %.2f GiB resident in %d"
                        + " processes (the launcher itself %d MiB more).%n",
                suite.options().apps().size(), suite.startupTime().toMillis() / 1000.0, rss / 1024.0 / 1024.0,
                processes.size(), own / 1024);
        cacheLine(suite.cached().size(), suite.untrained().size()).ifPresent(System.out::println);
        System.out.println();
        System.out.println("  Gateway    " + suite.gatewayUrl());
        System.out.println("  API docs   " + suite.gatewayUrl() + "/api/docs");
        System.out.println("  Logs       " + shortPath(root, suite.options().logDir()));
        System.out.println("  Database   " + suite.jdbcUrl() + " (user " + suite.dbUser() + ")");
        System.out.println("  Kafka      " + suite.kafkaBootstrap());
        if (suite.messagesUrl() != null) {
            System.out
                .println("  Mail, SMS  " + suite.messagesUrl() + " (what the suite sent: activation links, alerts;"
                        + " SMTP on 127.0.0.1:" + suite.messageSink().smtpPort() + ")");
        }
        adminLines(suite.gatewayUrl(), suite.adminPassword(), root).forEach(System.out::println);
        if (staying) {
            System.out.println();
            System.out.println("Ctrl-C to stop.");
        }
    }

    /** What the start owed to the AOT caches, or what the next one will owe to them. */
    static Optional<String> cacheLine(int cached, int untrained) {
        if (untrained > 0) {
            return Optional.of(String.format("Started without AOT caches for %d of them (new build); they are trained"
                    + " now in the background, and later starts use them.", untrained));
        }
        if (cached > 0) {
            return Optional.of(String.format("%d of them started from their AOT caches.", cached));
        }
        return Optional.empty();
    }

    /**
     * Says so when an application ends by itself; the rest keeps running until the
     * launcher is stopped.
     */
    private static void watch(Suite suite) throws InterruptedException {
        Set<String> reported = new LinkedHashSet<>();
        while (!suite.isClosed()) {
            List<String> exited = suite.exited();
            if (!reported.containsAll(exited)) {
                // a signal to the whole process group reaches the applications before the
                // launcher's hook
                Thread.sleep(1000);
            }
            for (String app : exited) {
                if (!suite.isClosed() && reported.add(app)) {
                    System.out.println(app + " has stopped; see " + suite.log(app));
                }
            }
            reported.retainAll(exited);
            Thread.sleep(2000);
        }
    }

    /**
     * The admin user and a login with curl; a generated password is shown in full on the
     * run that generated it only, later runs read it from its file.
     */
    static List<String> adminLines(String gatewayUrl, Suite.AdminPassword admin, Path root) {
        if (admin == null) {
            return List.of();
        }
        String where;
        if (admin.generated()) {
            where = "password " + admin.value() + " (generated once, kept in " + shortPath(root, admin.file()) + ")";
        }
        else if (admin.file() != null) {
            where = "password in " + shortPath(root, admin.file());
        }
        else {
            where = "password from MDM_ADMIN_PASSWORD";
        }
        return List.of("  Admin      " + admin.username() + ", " + where,
                "  Log in     " + loginCommand(gatewayUrl, admin, root));
    }

    /**
     * {@code curl} logging the admin in; the password itself only when this run generated
     * it.
     */
    static String loginCommand(String gatewayUrl, Suite.AdminPassword admin, Path root) {
        String password;
        if (admin.generated()) {
            password = admin.value();
        }
        else if (admin.file() != null) {
            password = "'\"$(cat " + shortPath(root, admin.file()) + ")\"'";
        }
        else {
            password = "'\"$MDM_ADMIN_PASSWORD\"'";
        }
        return "curl -s -X POST " + gatewayUrl + "/api/v1/auth/login -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"" + admin.username() + "\",\"password\":\"" + password + "\"}'";
    }

    private static String shortPath(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    /**
     * The Kafka admin client logs every setting at INFO; the launcher speaks for itself.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        }
    }

}
