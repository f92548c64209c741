package in.mdm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import in.mdm.testkit.PostgresServer;
import in.mdm.testkit.RedisServer;

/**
 * PostgreSQL, Redis and Kafka for the suite: each either started here (embedded
 * PostgreSQL with a kept data folder, an embedded redis-server, a Kafka broker JVM) or an
 * external one named in the options.
 */
public final class InfrastructureServers implements AutoCloseable {

    /** The database every service keeps its own schema in. */
    public static final String DATABASE = "mdm";

    private volatile PostgresServer postgres;

    private final RedisServer redis;

    private volatile KafkaBroker kafka;

    /** What the broker was started with, to start it again after a crash. */
    private Runnable kafkaAgain;

    private final String jdbcUrl;

    private final String dbUser;

    private final String dbPassword;

    private final String redisHost;

    private final int redisPort;

    private final String kafkaBootstrap;

    private final Path postgresData;

    private InfrastructureServers(PostgresServer postgres, RedisServer redis, KafkaBroker kafka, LaunchOptions options,
            Path postgresData) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.postgresData = postgresData;
        if (postgres != null) {
            this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE;
            this.dbUser = PostgresServer.USER;
            this.dbPassword = "";
        }
        else {
            this.jdbcUrl = options.postgresUrl();
            this.dbUser = options.postgresUser() == null ? "" : options.postgresUser();
            this.dbPassword = options.postgresPassword() == null ? "" : options.postgresPassword();
        }
        this.redisHost = redis != null ? "127.0.0.1" : options.redisHost();
        this.redisPort = redis != null ? redis.port() : options.redisPort();
        this.kafkaBootstrap = kafka != null ? kafka.bootstrapServers() : options.kafkaBootstrap();
    }

    /**
     * Starts what is not external, all three at once, and returns when each answers; on a
     * failure stops what did start.
     * @param marker a JVM argument that marks the Kafka JVM as this launcher's
     */
    public static InfrastructureServers start(LaunchOptions options, String marker) {
        Consumer<String> progress = options.progress();
        Ports ports = options.ports();
        Path postgresData = options.dataDir().resolve("postgres");
        CompletableFuture<PostgresServer> postgres = options.postgresUrl() != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> timed(progress, "PostgreSQL on 127.0.0.1:" + ports.postgres(),
                        () -> startPostgres(postgresData, ports.postgres())), Background.EXECUTOR);
        CompletableFuture<RedisServer> redis = options.redisHost() != null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(
                        () -> timed(progress, "Redis on 127.0.0.1:" + ports.redis(),
                                () -> startRedis(options.dataDir().resolve("redis.pid"), ports.redis())),
                        Background.EXECUTOR);
        CompletableFuture<KafkaBroker> kafka = options.kafkaBootstrap() != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> timed(progress, "Kafka on 127.0.0.1:" + ports.kafka(), () -> {
                    requireFree(ports.kafka(), "Kafka");
                    requireFree(ports.kafkaController(), "Kafka's controller");
                    return KafkaBroker.start(options.dataDir().resolve("kafka"), ports.kafka(), ports.kafkaController(),
                            options.logDir().resolve("kafka.log"), marker, Duration.ofMinutes(2));
                }), Background.EXECUTOR);
        try {
            CompletableFuture.allOf(postgres, redis, kafka).join();
        }
        catch (CompletionException ex) {
            closeQuietly(postgres.getNow(null), redis.getNow(null), kafka.getNow(null));
            // the other futures may still finish later: close them when they do
            postgres.thenAccept(InfrastructureServers::closeQuietly);
            redis.thenAccept(InfrastructureServers::closeQuietly);
            kafka.thenAccept(InfrastructureServers::closeQuietly);
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
        InfrastructureServers servers = new InfrastructureServers(postgres.join(), redis.join(), kafka.join(), options,
                postgresData);
        if (servers.kafka != null) {
            servers.kafkaAgain = () -> servers.kafka = KafkaBroker.start(options.dataDir().resolve("kafka"),
                    ports.kafka(), ports.kafkaController(), options.logDir().resolve("kafka.log"), marker,
                    Duration.ofMinutes(2));
        }
        if (servers.postgres != null) {
            servers.createDatabase();
        }
        return servers;
    }

    private static PostgresServer startPostgres(Path data, int port) {
        // a postmaster left behind by a launcher that was killed still holds the folder:
        // stop it first
        Processes.postmaster(data).ifPresent(old -> Processes.stop(old, Duration.ofSeconds(15)));
        requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(data);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return PostgresServer.start(port, data);
    }

    /**
     * Starts redis-server and notes its pid beside the data, so that a server left behind
     * by a launcher that was killed is stopped on the next start (it carries no marker of
     * its own).
     */
    private static RedisServer startRedis(Path pidFile, int port) {
        leftover(pidFile, "redis-server").ifPresent(old -> Processes.stop(old, Duration.ofSeconds(10)));
        requireFree(port, "Redis");
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        RedisServer redis = RedisServer.start(port);
        ProcessHandle.current()
            .children()
            .filter(child -> !before.contains(child.pid()))
            .filter(child -> String.join(" ", Processes.arguments(child.pid())).contains("redis-server"))
            .findFirst()
            .ifPresent(child -> {
                try {
                    Files.writeString(pidFile, child.pid() + "\n");
                }
                catch (IOException ex) {
                    // without the note a leftover server is only reported as a busy port
                }
            });
        return redis;
    }

    private static Optional<ProcessHandle> leftover(Path pidFile, String command) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> String.join(" ", Processes.arguments(pid)).contains(command));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static <T> T timed(Consumer<String> progress, String what, java.util.function.Supplier<T> start) {
        long started = System.nanoTime();
        T result = start.get();
        progress.accept(String.format("  %-40s ready in %5.1f s", what, (System.nanoTime() - started) / 1e9));
        return result;
    }

    static void requireFree(int port, String what) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        }
        catch (IOException ex) {
            return;
        }
        throw new IllegalStateException(what + " cannot listen on port " + port
                + ": something else does. Stop it, or choose other ports (--port-offset).");
    }

    private void createDatabase() {
        String admin = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + PostgresServer.DATABASE;
        try (Connection connection = DriverManager.getConnection(admin, PostgresServer.USER, "");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create database " + DATABASE + " in the embedded PostgreSQL",
                    ex);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /**
     * The processes started here (Kafka's JVM, redis-server, the postmaster) and their
     * descendants.
     */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> roots = new ArrayList<>();
        if (kafka != null) {
            roots.add(kafka.handle());
        }
        if (postgres != null) {
            Processes.postmaster(postgresData).ifPresent(roots::add);
        }
        return new ArrayList<>(Processes.trees(roots));
    }

    /**
     * A broker crash and its recovery: SIGKILL for the Kafka JVM, then the same broker
     * started again on its log folder and ports; returns once it answers.
     * @throws IllegalStateException when the broker is an external one
     */
    public synchronized void crashAndRestartKafka() {
        crashAndRestartKafka(Duration.ZERO);
    }

    /**
     * {@link #crashAndRestartKafka()} with the broker left down for {@code down} before
     * it starts again, as when its node is replaced.
     */
    public synchronized void crashAndRestartKafka(Duration down) {
        if (kafka == null || kafkaAgain == null) {
            throw new IllegalStateException("Kafka is external (" + kafkaBootstrap + "): not the launcher's to crash");
        }
        kafka.kill();
        pause(down);
        kafkaAgain.run();
    }

    private static void pause(Duration down) {
        if (down.isZero() || down.isNegative()) {
            return;
        }
        try {
            Thread.sleep(down);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A database crash and its recovery: SIGKILL for the postmaster (its backends end
     * when they see it gone), then PostgreSQL started again on the same data folder and
     * port, where it replays its write-ahead log; returns once it accepts connections.
     * @throws IllegalStateException when the database is an external one
     */
    public synchronized void crashAndRestartPostgres() {
        crashAndRestartPostgres(Duration.ZERO);
    }

    /**
     * {@link #crashAndRestartPostgres()} with the database left down for {@code down}
     * before it starts again, as when its node is replaced.
     */
    public synchronized void crashAndRestartPostgres(Duration down) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external (" + jdbcUrl + "): not the launcher's to crash");
        }
        int port = postgres.port();
        List<ProcessHandle> tree = Processes.postmaster(postgresData)
            .map(postmaster -> new ArrayList<>(Processes.trees(List.of(postmaster))))
            .orElseGet(ArrayList::new);
        Processes.kill(tree);
        // releases the embedded server's lock on the folder; its pg_ctl stop finds
        // nothing
        // to stop
        closeQuietly(postgres);
        pause(down);
        postgres = startPostgres(postgresData, port);
    }

    Optional<ProcessHandle> postmaster() {
        return postgres == null ? Optional.empty() : Processes.postmaster(postgresData);
    }

    /**
     * Stops Kafka, Redis and PostgreSQL (those started here), all at once, and returns
     * when their processes have gone (PostgreSQL's shutdown checkpoint may outlast
     * {@code pg_ctl stop}'s own wait).
     */
    @Override
    public void close() {
        List<ProcessHandle> started = processes();
        CompletableFuture
            .allOf(CompletableFuture.runAsync(() -> closeQuietly(kafka), Background.EXECUTOR),
                    CompletableFuture.runAsync(() -> closeQuietly(redis), Background.EXECUTOR),
                    CompletableFuture.runAsync(() -> closeQuietly(postgres), Background.EXECUTOR))
            .join();
        Processes.awaitGone(started, Duration.ofSeconds(30));
    }

    private static void closeQuietly(AutoCloseable... servers) {
        for (AutoCloseable server : servers) {
            if (server != null) {
                try {
                    server.close();
                }
                catch (Exception ex) {
                    System.err.println("while stopping " + server + ": " + ex);
                }
            }
        }
    }

}
