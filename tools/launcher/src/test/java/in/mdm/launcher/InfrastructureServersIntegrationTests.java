package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL, Redis and the Kafka JVM as the launcher starts them: each answers, the data
 * survives a restart on the same folder, and stopping leaves no process behind.
 */
class InfrastructureServersIntegrationTests {

    @TempDir
    Path root;

    @Test
    void startsAnswersKeepsItsDataAndLeavesNoProcessBehind() throws Exception {
        LaunchOptions options = options();
        String marker = "-Dmdm.launcher.data=" + options.dataDir();

        List<ProcessHandle> firstRun;
        try (InfrastructureServers servers = InfrastructureServers.start(options, marker)) {
            assertThat(servers.jdbcUrl()).endsWith(":" + options.ports().postgres() + "/mdm");
            try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
                    servers.dbPassword()); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int primary key)");
                statement.execute("insert into kept values (42)");
            }
            assertThat(ping(servers.redisHost(), servers.redisPort())).isEqualTo("+PONG");
            try (Admin admin = admin(servers.kafkaBootstrap())) {
                admin.createTopics(List.of(new NewTopic("mdm.launcher.kept", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            }
            firstRun = processesOf(servers);
            assertThat(firstRun).as("the Kafka JVM, redis-server and the postmaster")
                .anyMatch(process -> commandOf(process).contains("kafka.Kafka"))
                .anyMatch(process -> commandOf(process).contains("redis-server"))
                .anyMatch(process -> commandOf(process).contains("postgres"));
        }
        assertGone(firstRun);

        List<ProcessHandle> secondRun;
        try (InfrastructureServers servers = InfrastructureServers.start(options, marker)) {
            try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
                    servers.dbPassword());
                    Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("select id from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
            try (Admin admin = admin(servers.kafkaBootstrap())) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains("mdm.launcher.kept");
            }
            secondRun = processesOf(servers);
        }
        assertGone(secondRun);
        assertThat(Processes.withArgument(marker)).isEmpty();
    }

    /**
     * A crash of the broker or the database: a committed row and a topic survive it, the
     * old processes are gone, and the same URLs answer again.
     */
    @Test
    void theBrokerAndTheDatabaseComeBackFromACrashWithWhatTheyHadCommitted() throws Exception {
        LaunchOptions options = options();
        String marker = "-Dmdm.launcher.data=" + options.dataDir();
        try (InfrastructureServers servers = InfrastructureServers.start(options, marker)) {
            try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
                    servers.dbPassword()); Statement statement = connection.createStatement()) {
                statement.execute("create table committed (id int primary key)");
                statement.execute("insert into committed values (7)");
            }
            try (Admin admin = admin(servers.kafkaBootstrap())) {
                admin.createTopics(List.of(new NewTopic("mdm.launcher.crashed", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            }
            ProcessHandle postmaster = servers.postmaster().orElseThrow();
            List<ProcessHandle> brokers = servers.processes()
                .stream()
                .filter(process -> commandOf(process).contains("kafka.Kafka"))
                .toList();
            assertThat(brokers).hasSize(1);

            servers.crashAndRestartKafka();
            assertGone(brokers);
            try (Admin admin = admin(servers.kafkaBootstrap())) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("mdm.launcher.crashed");
            }

            servers.crashAndRestartPostgres();
            assertGone(List.of(postmaster));
            assertThat(servers.postmaster()).get().isNotEqualTo(postmaster);
            try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
                    servers.dbPassword());
                    Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("select id from committed")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(7);
            }
        }
        assertThat(Processes.withArgument(marker)).isEmpty();
    }

    private LaunchOptions options() {
        return LaunchOptions.builder(root)
            .runDir(root.resolve(".run"))
            .ports(Ports.free())
            .progress(line -> System.out.println("[infrastructure] " + line))
            .build();
    }

    private static List<ProcessHandle> processesOf(InfrastructureServers servers) {
        List<ProcessHandle> all = new ArrayList<>(servers.processes());
        ProcessHandle.current().descendants().forEach(all::add);
        return all;
    }

    private static String commandOf(ProcessHandle process) {
        return String.join(" ", Processes.arguments(process.pid()));
    }

    private static void assertGone(List<ProcessHandle> processes) throws InterruptedException {
        for (int i = 0; i < 100 && processes.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        assertThat(processes).as("processes left after close").noneMatch(ProcessHandle::isAlive);
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static String ping(String host, int port) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                reply.append((char) c);
            }
            return reply.toString();
        }
    }

}
