package in.mdm.launcher;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import in.mdm.testkit.FreePorts;

/**
 * Every TCP port the suite listens on. The defaults are fixed so that bookmarks and other
 * tools keep working; a second suite beside the first takes an offset or free ports.
 */
public final class Ports {

    public static final int POSTGRES = 15432;

    public static final int REDIS = 16379;

    public static final int KAFKA = 19092;

    public static final int KAFKA_CONTROLLER = 19093;

    /** The local SMTP server (GreenMail) the services send e-mail to. */
    public static final int SMTP = 13025;

    /** The page showing sent e-mail and SMS, and the SMS sink. */
    public static final int MESSAGES = 18025;

    private final int postgres;

    private final int redis;

    private final int kafka;

    private final int kafkaController;

    private final int smtp;

    private final int messages;

    private final Map<String, Integer> apps;

    private Ports(int postgres, int redis, int kafka, int kafkaController, int smtp, int messages,
            Map<String, Integer> apps) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.kafkaController = kafkaController;
        this.smtp = smtp;
        this.messages = messages;
        this.apps = Map.copyOf(apps);
    }

    /**
     * PostgreSQL 15432, Redis 16379, Kafka 19092 (controller 19093), each application its
     * own port.
     */
    public static Ports defaults() {
        return offset(0);
    }

    /** The defaults, each moved by {@code offset}. */
    public static Ports offset(int offset) {
        Map<String, Integer> apps = new LinkedHashMap<>();
        allApps().forEach(app -> apps.put(app.name(), app.defaultPort() + offset));
        Ports ports = new Ports(POSTGRES + offset, REDIS + offset, KAFKA + offset, KAFKA_CONTROLLER + offset,
                SMTP + offset, MESSAGES + offset, apps);
        ports.all().forEach(port -> {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port offset " + offset + " gives port " + port + ", out of range");
            }
        });
        return ports;
    }

    /** Distinct free loopback ports for everything (tests beside a running suite). */
    public static Ports free() {
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> apps = new LinkedHashMap<>();
        allApps().forEach(app -> apps.put(app.name(), distinctFree(taken)));
        return new Ports(distinctFree(taken), distinctFree(taken), distinctFree(taken), distinctFree(taken),
                distinctFree(taken), distinctFree(taken), apps);
    }

    private static int distinctFree(Set<Integer> taken) {
        while (true) {
            int port = FreePorts.next();
            if (taken.add(port)) {
                return port;
            }
        }
    }

    private static Stream<App> allApps() {
        return Stream.concat(App.INFRASTRUCTURE.stream(), App.SERVICES.stream());
    }

    public int postgres() {
        return postgres;
    }

    public int redis() {
        return redis;
    }

    public int kafka() {
        return kafka;
    }

    public int kafkaController() {
        return kafkaController;
    }

    public int smtp() {
        return smtp;
    }

    public int messages() {
        return messages;
    }

    public int app(App app) {
        return app(app.name());
    }

    public int app(String name) {
        Integer port = apps.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no application named " + name);
        }
        return port;
    }

    /** A copy with one application on another port. */
    public Ports withApp(String name, int port) {
        app(name);
        Map<String, Integer> changed = new LinkedHashMap<>(apps);
        changed.put(name, port);
        return new Ports(postgres, redis, kafka, kafkaController, smtp, messages, changed);
    }

    Stream<Integer> all() {
        return Stream.concat(Stream.of(postgres, redis, kafka, kafkaController, smtp, messages),
                apps.values().stream());
    }

    @Override
    public String toString() {
        return "postgres=" + postgres + ", redis=" + redis + ", kafka=" + kafka + "/" + kafkaController + ", smtp="
                + smtp + ", messages=" + messages + ", " + apps;
    }

}
