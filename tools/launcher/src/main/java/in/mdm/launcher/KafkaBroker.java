package in.mdm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker in its own JVM: KRaft, one node that is broker and controller,
 * replication factor 1, listening on loopback only. Its log folder is kept between runs;
 * it is formatted once.
 */
final class KafkaBroker implements AutoCloseable {

    /**
     * The broker carries every event for as long as the suite runs: the full JIT (with
     * only the quick compiler it took about a tenth of the two cores while the demo
     * loaded).
     */
    static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=96m");

    private final ChildProcess process;

    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Formats the log folder if it is new, starts the broker and returns once it answers.
     * @param directory holds {@code server.properties} and the {@code logs/} folder
     * @param marker a JVM argument that marks the process as belonging to this launcher's
     * data folder
     */
    static KafkaBroker start(Path directory, int port, int controllerPort, Path log, String marker, Duration timeout) {
        try {
            Path logs = directory.resolve("logs");
            Files.createDirectories(logs);
            Path config = directory.resolve("server.properties");
            Files.writeString(config, serverProperties(logs, port, controllerPort), StandardCharsets.UTF_8);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                ChildProcess format = new ChildProcess("kafka-format",
                        command(marker, "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
                                Uuid.randomUuid().toString(), "-c", config.toString()),
                        Map.of(), log.resolveSibling("kafka-format.log"));
                int exit = format.runToEnd(Duration.ofMinutes(2));
                if (exit != 0) {
                    throw new IllegalStateException(
                            "formatting Kafka's log folder failed (exit " + exit + "):\n" + format.tail(20));
                }
            }
            ChildProcess broker = new ChildProcess("kafka", command(marker, "kafka.Kafka", config.toString()), Map.of(),
                    log)
                .start(true);
            KafkaBroker started = new KafkaBroker(broker, port);
            started.awaitReady(timeout);
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String serverProperties(Path logs, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logs.toString());
        properties.setProperty("num.partitions", "1");
        properties.setProperty("default.replication.factor", "1");
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "4");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "4");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("log.retention.hours", "168");
        properties.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        StringBuilder text = new StringBuilder("# written by the launcher on every start\n");
        properties.stringPropertyNames()
            .stream()
            .sorted()
            .forEach(key -> text.append(key).append('=').append(properties.getProperty(key)).append('\n'));
        return text.toString();
    }

    private static List<String> command(String marker, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.addAll(JVM_FLAGS);
        command.add(marker);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-cp");
        command.add(Jvm.classPath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acceptsConnections()) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not listen on 127.0.0.1:" + port + " within "
                        + timeout.toSeconds() + " s; see " + process.log() + ":\n" + process.tail(20));
            }
            sleep(200);
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                checkAlive();
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (Exception ex) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds()
                                + " s; see " + process.log() + ":\n" + process.tail(20), ex);
                    }
                    if (ex instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", ex);
                    }
                }
                sleep(200);
            }
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + process.log()
                    + ":\n" + process.tail(30));
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ProcessHandle handle() {
        return process.handle();
    }

    /** A crash: SIGKILL, returning once the JVM has gone. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }

}
