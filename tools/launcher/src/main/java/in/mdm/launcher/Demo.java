package in.mdm.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run --demo}: once the suite is ready, the twin simulator loads Tamil Nadu's
 * schools and a few weeks of school days into it through the gateway, as the admin user,
 * and the launcher shows what to look at.
 */
final class Demo {

    static final int DEFAULT_DAYS = 15;

    /**
     * school-service's heap with {@code --demo}: the default 256 MiB ran out importing
     * Tamil Nadu's schools.
     */
    static final String SCHOOL_SERVICE_HEAP = "-Xmx768m";

    /**
     * The services besides school-service that consume every day of the demo (features
     * and scores, utilization, alerts): they run with the full JIT
     * ({@link LaunchOptions#fullJit}) while it loads.
     */
    static final List<String> LOADED = List.of("ml-service", "finance-service", "alert-service");

    private Demo() {
    }

    static Path jar(Path root) {
        return root.resolve("tools/simulator/target/mdm-simulator.jar");
    }

    /**
     * The simulator's command line; the password goes through the environment, never the
     * arguments.
     */
    static List<String> command(String java, Path jar, String gatewayUrl, String username, int days, Path out) {
        return List.of(java, "-XX:+UseSerialGC", "-jar", jar.toString(), "--live", "--gateway", gatewayUrl,
                "--username", username, "--days", Integer.toString(days), "--out", out.toString());
    }

    static Map<String, String> environment(Suite.AdminPassword admin) {
        return Map.of("MDM_ADMIN_PASSWORD", admin.value(), "MDM_ADMIN_USERNAME", admin.username());
    }

    /**
     * Runs the simulator against the suite, its output on the launcher's; returns whether
     * it loaded everything.
     */
    static boolean run(Path root, Suite suite, int days) {
        Path jar = jar(root);
        Suite.AdminPassword admin = suite.adminPassword();
        if (admin == null
                || suite.options().services().stream().noneMatch(app -> app.name().equals("school-service"))) {
            System.out.println("--demo needs auth-service and school-service; not loading demo data.");
            return false;
        }
        if (!Files.isRegularFile(jar)) {
            System.out.println("--demo: the simulator is not built (" + root.relativize(jar) + "); build it with"
                    + " ./mvnw -B -q install -DskipTests -pl tools/simulator");
            return false;
        }
        Path out = suite.options().runDir().resolve("simulated");
        System.out.println();
        System.out.println(
                "Loading demo data: Tamil Nadu, " + days + " school days (the simulator, seed 1, into " + out + ").");
        ProcessBuilder builder = new ProcessBuilder(
                command(Jvm.java(), jar, suite.gatewayUrl(), admin.username(), days, out))
            .inheritIO();
        builder.environment().putAll(environment(admin));
        int status;
        long start = System.nanoTime();
        try {
            status = builder.start().waitFor();
        }
        catch (IOException ex) {
            System.out.println("--demo: cannot start the simulator: " + ex.getMessage());
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (status != 0) {
            System.out.println(
                    "--demo: the simulator stopped with status " + status + " (see above); the suite keeps running.");
        }
        else {
            System.out.printf("Demo data loaded in %.1f s after the suite was up.%n",
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println();
        System.out.println("What to look at (through the gateway, as " + admin.username() + "):");
        lookAt(suite.gatewayUrl(), admin, root, firstSchool(out.resolve("schools.csv"))).forEach(System.out::println);
        return status == 0;
    }

    /** curl lines: a token, schools of a district, one school, alerts, the API docs. */
    static List<String> lookAt(String gatewayUrl, Suite.AdminPassword admin, Path root, String udiseCode) {
        List<String> lines = new ArrayList<>();
        lines.add("  TOKEN=$(" + Main.loginCommand(gatewayUrl, admin, root)
                + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        lines.add("  curl -s -H \"Authorization: Bearer $TOKEN\" '" + gatewayUrl
                + "/api/v1/schools?districtCode=568&size=5'" + "    # schools of Chennai");
        if (udiseCode != null) {
            lines.add("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gatewayUrl + "/api/v1/schools/" + udiseCode);
        }
        lines.add("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gatewayUrl + "/api/v1/alerts");
        lines.add("  API docs: " + gatewayUrl + "/api/docs");
        return lines;
    }

    private static String firstSchool(Path schools) {
        try (BufferedReader reader = Files.newBufferedReader(schools, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line = reader.readLine();
            return line == null ? null : line.substring(0, line.indexOf(','));
        }
        catch (IOException ex) {
            return null;
        }
    }

}
