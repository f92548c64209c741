package in.mdm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link Suite#start(LaunchOptions)} starts and where. Everything has a default that
 * suits {@code ./run} on a developer machine; tests choose free ports, a temporary folder
 * and no AOT cache.
 */
public final class LaunchOptions {

    /**
     * JVM flags that start eleven Spring Boot JVMs on two cores in about half the time
     * (PLATFORM-NOTES).
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=48m",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * The applications every read crosses (the gateway, and school-service behind most of
     * them): the full JIT pays for its slower start there.
     */
    static final java.util.Set<String> LONG_RUNNING_HOT = java.util.Set.of("gateway", "school-service");

    private final Path root;

    private final List<App> services;

    private final String postgresUrl;

    private final String postgresUser;

    private final String postgresPassword;

    private final String kafkaBootstrap;

    private final String redisHost;

    private final int redisPort;

    private final Path runDir;

    private final Path dataDir;

    private final Path logDir;

    private final Path aotDir;

    private final Ports ports;

    private final List<String> jvmFlags;

    private final Map<String, List<String>> appJvmFlags;

    private final boolean aot;

    private final Duration startTimeout;

    private final Map<String, String> environment;

    private final Consumer<String> progress;

    private LaunchOptions(Builder builder) {
        this.root = builder.root.toAbsolutePath().normalize();
        this.services = List.copyOf(builder.services);
        this.postgresUrl = builder.postgresUrl;
        this.postgresUser = builder.postgresUser;
        this.postgresPassword = builder.postgresPassword;
        this.kafkaBootstrap = builder.kafkaBootstrap;
        this.redisHost = builder.redisHost;
        this.redisPort = builder.redisPort;
        this.runDir = absolute(builder.runDir != null ? builder.runDir : root.resolve(".run"));
        this.dataDir = absolute(builder.dataDir != null ? builder.dataDir : runDir.resolve("data"));
        this.logDir = absolute(builder.logDir != null ? builder.logDir : runDir.resolve("logs"));
        this.aotDir = absolute(builder.aotDir != null ? builder.aotDir : runDir.resolve("aot"));
        this.ports = builder.ports;
        this.jvmFlags = List.copyOf(builder.jvmFlags);
        this.appJvmFlags = Map.copyOf(builder.appJvmFlags);
        this.aot = builder.aot;
        this.startTimeout = builder.startTimeout;
        this.environment = Map.copyOf(builder.environment);
        this.progress = builder.progress;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * The repository root: {@code <root>/<module>/target/<module>.jar},
     * {@code <root>/config-repo/}.
     */
    public Path root() {
        return root;
    }

    /**
     * The domain services to start; config-server, discovery and the gateway always
     * start.
     */
    public List<App> services() {
        return services;
    }

    /** Infrastructure applications first, then the services. */
    public List<App> apps() {
        List<App> apps = new ArrayList<>(App.INFRASTRUCTURE);
        apps.addAll(services);
        return apps;
    }

    /** An external PostgreSQL instead of the embedded one, or {@code null}. */
    public String postgresUrl() {
        return postgresUrl;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    /** An external Kafka instead of the broker JVM, or {@code null}. */
    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** An external Redis instead of the embedded one, or {@code null}. */
    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    /** Holds the default data, log and AOT folders ({@code <root>/.run}). */
    public Path runDir() {
        return runDir;
    }

    /** PostgreSQL's data and Kafka's log folder; kept across runs. */
    public Path dataDir() {
        return dataDir;
    }

    /** One {@code <app>.log} per process. */
    public Path logDir() {
        return logDir;
    }

    /** JDK AOT caches, one folder per application jar version. */
    public Path aotDir() {
        return aotDir;
    }

    public Ports ports() {
        return ports;
    }

    /**
     * The JVM flags of one application: its own if given, else the common ones; with the
     * default flags the gateway and school-service, which most requests cross for as long
     * as the suite runs, get the full JIT ({@link #fullJit}).
     */
    public List<String> jvmFlags(String app) {
        List<String> own = appJvmFlags.get(app);
        if (own != null) {
            return own;
        }
        if (LONG_RUNNING_HOT.contains(app) && jvmFlags.equals(DEFAULT_JVM_FLAGS)) {
            return fullJit(jvmFlags);
        }
        return jvmFlags;
    }

    /**
     * The flags of an application that carries load for long: the optimizing compiler
     * allowed (without {@code -XX:TieredStopAtLevel=1}, which halves start time but
     * leaves hot code at the quick compiler's level) and room for its code.
     */
    public static List<String> fullJit(List<String> flags) {
        List<String> full = new java.util.ArrayList<>();
        for (String flag : flags) {
            if (flag.equals("-XX:TieredStopAtLevel=1")) {
                continue;
            }
            full.add(flag.startsWith("-XX:ReservedCodeCacheSize=") ? "-XX:ReservedCodeCacheSize=96m" : flag);
        }
        return full;
    }

    /**
     * Whether to use (and train when missing or stale) a JDK AOT cache per application;
     * JDK 25+ only.
     */
    public boolean aot() {
        return aot;
    }

    /** How long all applications together may take to become ready and routed. */
    public Duration startTimeout() {
        return startTimeout;
    }

    /** Extra environment for every application, applied last. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where progress lines go. */
    public Consumer<String> progress() {
        return progress;
    }

    public static final class Builder {

        private final Path root;

        private List<App> services = App.SERVICES;

        private String postgresUrl;

        private String postgresUser;

        private String postgresPassword;

        private String kafkaBootstrap;

        private String redisHost;

        private int redisPort;

        private Path runDir;

        private Path dataDir;

        private Path logDir;

        private Path aotDir;

        private Ports ports = Ports.defaults();

        private List<String> jvmFlags = DEFAULT_JVM_FLAGS;

        private final Map<String, List<String>> appJvmFlags = new LinkedHashMap<>();

        private boolean aot = true;

        private Duration startTimeout = Duration.ofMinutes(15);

        private final Map<String, String> environment = new LinkedHashMap<>();

        private Consumer<String> progress = System.out::println;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Services by name ({@code school} or {@code school-service}); unknown names are
         * rejected.
         */
        public Builder services(List<String> names) {
            List<App> chosen = new ArrayList<>();
            for (String name : names) {
                App app = App.service(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown service '" + name + "'; known: " + App.SERVICES));
                if (!chosen.contains(app)) {
                    chosen.add(app);
                }
            }
            chosen.sort((a, b) -> Integer.compare(App.SERVICES.indexOf(a), App.SERVICES.indexOf(b)));
            this.services = chosen;
            return this;
        }

        public Builder services(String... names) {
            return services(List.of(names));
        }

        public Builder postgres(String jdbcUrl, String user, String password) {
            if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            this.postgresUrl = jdbcUrl;
            this.postgresUser = user;
            this.postgresPassword = password;
            return this;
        }

        public Builder kafka(String bootstrap) {
            if (bootstrap != null) {
                HostPort.parse(bootstrap.split(",")[0], "--kafka");
            }
            this.kafkaBootstrap = bootstrap;
            return this;
        }

        /**
         * @param hostPort {@code host:port} of an external Redis, or {@code null} for the
         * embedded one
         */
        public Builder redis(String hostPort) {
            if (hostPort == null) {
                this.redisHost = null;
                this.redisPort = 0;
            }
            else {
                HostPort parsed = HostPort.parse(hostPort, "--redis");
                this.redisHost = parsed.host();
                this.redisPort = parsed.port();
            }
            return this;
        }

        public Builder runDir(Path runDir) {
            this.runDir = runDir;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        public Builder aotDir(Path aotDir) {
            this.aotDir = aotDir;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = Objects.requireNonNull(ports, "ports");
            return this;
        }

        /** The JVM flags of every application (replacing {@link #DEFAULT_JVM_FLAGS}). */
        public Builder jvmFlags(List<String> flags) {
            this.jvmFlags = List.copyOf(flags);
            return this;
        }

        /** The JVM flags of one application. */
        public Builder jvmFlags(String app, List<String> flags) {
            String name = App.named(app)
                .orElseThrow(() -> new IllegalArgumentException("unknown application " + app))
                .name();
            this.appJvmFlags.put(name, List.copyOf(flags));
            return this;
        }

        public Builder aot(boolean aot) {
            this.aot = aot;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("the start timeout must be positive");
            }
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public LaunchOptions build() {
            return new LaunchOptions(this);
        }

    }

    /** A {@code host:port} pair. */
    record HostPort(String host, int port) {

        static HostPort parse(String value, String option) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException(option + " wants host:port, not '" + value + "'");
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(option + ": port out of range in '" + value + "'");
                }
                return new HostPort(value.substring(0, colon), port);
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException(option + " wants host:port, not '" + value + "'");
            }
        }
    }

}
