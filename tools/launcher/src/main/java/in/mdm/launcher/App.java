package in.mdm.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Spring Boot application of the suite: its module (also its Eureka service id),
 * default port and, for a domain service, the API prefix the gateway routes to it.
 *
 * @param name module and service id, e.g. {@code school-service}
 * @param defaultPort the port it listens on when nothing else is asked for
 * @param apiPrefix the gateway path prefix of its API, {@code null} for the
 * infrastructure applications
 */
public record App(String name, int defaultPort, String apiPrefix) {

    public static final App CONFIG_SERVER = new App("config-server", 8888, null);

    public static final App DISCOVERY = new App("discovery", 8761, null);

    public static final App GATEWAY = new App("gateway", 8080, null);

    /** The applications that always run: configuration, registry and the edge. */
    public static final List<App> INFRASTRUCTURE = List.of(CONFIG_SERVER, DISCOVERY, GATEWAY);

    /** The domain services, in port order. */
    public static final List<App> SERVICES = List.of(new App("auth-service", 8081, "/api/v1/auth"),
            new App("school-service", 8082, "/api/v1/schools"), new App("finance-service", 8083, "/api/v1/financial"),
            new App("ml-service", 8084, "/api/v1/ml"), new App("alert-service", 8085, "/api/v1/alerts"),
            new App("optimization-service", 8086, "/api/v1/optimization"),
            new App("report-service", 8087, "/api/v1/reports"),
            new App("notification-service", 8088, "/api/v1/notifications"));

    public boolean isService() {
        return apiPrefix != null;
    }

    /**
     * The gateway path that answers with this service's OpenAPI document once the service
     * is routed.
     */
    public String docsPath() {
        return "/v3/api-docs/" + name;
    }

    /** The fat jar Maven builds for this application under the repository root. */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    /**
     * A domain service by its name, with or without the {@code -service} suffix
     * ({@code school}).
     */
    public static Optional<App> service(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return SERVICES.stream()
            .filter(app -> app.name.equals(wanted) || app.name.equals(wanted + "-service"))
            .findFirst();
    }

    /**
     * Any application of the suite by its exact name or, for a service, its short name.
     */
    public static Optional<App> named(String name) {
        return INFRASTRUCTURE.stream().filter(app -> app.name.equals(name)).findFirst().or(() -> service(name));
    }

    @Override
    public String toString() {
        return name;
    }
}
