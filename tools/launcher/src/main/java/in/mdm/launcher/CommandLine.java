package in.mdm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The options of {@code ./run}, parsed into {@link LaunchOptions}. */
final class CommandLine {

    static final String HELP = """
            Usage: ./run [options]

            Starts MDM Twin on this machine: PostgreSQL (embedded, port 15432), Redis (16379) and a Kafka
            broker (19092) unless external ones are given, then config-server (8888), discovery (8761), the
            gateway (8080) and the domain services (8081-8088), each in its own JVM, and waits until the
            gateway routes to every service. Ctrl-C stops everything.

            Options:
              --services a,b           domain services to start (default: all that are built):
                                       auth, school, finance, ml, alert, optimization, report, notification
              --postgres-url URL       use this PostgreSQL (jdbc:postgresql://host:port/db) instead of the
                                       embedded one; every service keeps its own schema in it
              --postgres-user USER     user for --postgres-url (default postgres)
              --postgres-password PW   password for --postgres-url (default empty)
              --kafka HOST:PORT        use this Kafka instead of starting a broker
              --redis HOST:PORT        use this Redis instead of starting one
              --data-dir DIR           PostgreSQL data and Kafka logs, kept between runs (default .run/data)
              --log-dir DIR            where each process writes <app>.log (default .run/logs)
              --port-offset N          add N to every port above; a second suite beside the first wants
                                       its own ports, data and logs: --port-offset 1000
                                       --data-dir .run/data-2 --log-dir .run/logs-2
              --timeout SECONDS        how long the applications may take to be ready (default 900)
              --jvm-flags 'FLAGS'      JVM flags for every application (default:
                                       %s)
              --no-aot                 do not use (or train) JDK 25 AOT caches (kept in .run/aot)
              --exit-when-ready        start, print the figures, stop (for scripts and measurements)
              --demo                   once ready, load demo data through the gateway as the admin: the
                                       simulator's Tamil Nadu (about 44,000 schools) and its recent school
                                       days (needs tools/simulator built), then show curl lines to try
              --demo-days N            school days of history for --demo (default %d, up to 180 and
                                       more: each day goes in as one bulk job of meal reports after its
                                       deliveries); with --demo, school-service runs with %s, and
                                       the services that carry the load (school, ml, finance,
                                       alert) with the full JIT (no -XX:TieredStopAtLevel=1)
              -h, --help               this text

            Environment: MDM_ADMIN_USERNAME and MDM_ADMIN_PASSWORD reach auth-service (without a password
            one is generated and kept in the data folder); MDM_KEYCLOAK_ISSUER_URI reaches every application.
            """.formatted(String.join(" ", LaunchOptions.DEFAULT_JVM_FLAGS), Demo.DEFAULT_DAYS,
            Demo.SCHOOL_SERVICE_HEAP);

    private final LaunchOptions.Builder options;

    private boolean help;

    private boolean exitWhenReady;

    private boolean servicesGiven;

    private boolean demo;

    private List<String> jvmFlags = LaunchOptions.DEFAULT_JVM_FLAGS;

    private int demoDays = Demo.DEFAULT_DAYS;

    private CommandLine(Path root) {
        this.options = LaunchOptions.builder(root);
    }

    /**
     * @throws IllegalArgumentException with a message for the user when an option is
     * unknown or malformed
     */
    static CommandLine parse(Path root, String... args) {
        CommandLine line = new CommandLine(root);
        String postgresUrl = null;
        String postgresUser = null;
        String postgresPassword = null;
        List<String> queue = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                queue.add(arg.substring(0, equals));
                queue.add(arg.substring(equals + 1));
            }
            else {
                queue.add(arg);
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            String option = queue.get(i);
            switch (option) {
                case "-h", "--help" -> line.help = true;
                case "--exit-when-ready" -> line.exitWhenReady = true;
                case "--no-aot" -> line.options.aot(false);
                case "--demo" -> line.demo = true;
                case "--demo-days" -> {
                    line.demoDays = number(queue, ++i, option);
                    if (line.demoDays < 1) {
                        throw new IllegalArgumentException("--demo-days wants at least 1, not " + line.demoDays);
                    }
                    line.demo = true;
                }
                case "--services" -> {
                    List<String> names = Arrays.stream(value(queue, ++i, option).split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .toList();
                    line.options.services(names);
                    line.servicesGiven = true;
                }
                case "--postgres-url" -> postgresUrl = value(queue, ++i, option);
                case "--postgres-user" -> postgresUser = value(queue, ++i, option);
                case "--postgres-password" -> postgresPassword = value(queue, ++i, option);
                case "--kafka" -> line.options.kafka(value(queue, ++i, option));
                case "--redis" -> line.options.redis(value(queue, ++i, option));
                case "--data-dir" -> line.options.dataDir(root.resolve(value(queue, ++i, option)));
                case "--log-dir" -> line.options.logDir(root.resolve(value(queue, ++i, option)));
                case "--port-offset" -> line.options.ports(Ports.offset(number(queue, ++i, option)));
                case "--timeout" -> line.options.startTimeout(Duration.ofSeconds(number(queue, ++i, option)));
                case "--jvm-flags" -> {
                    line.jvmFlags = Arrays.stream(anyValue(queue, ++i, option).trim().split("\\s+"))
                        .filter(f -> !f.isEmpty())
                        .toList();
                    line.options.jvmFlags(line.jvmFlags);
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (see ./run --help)");
            }
        }
        if (line.demo) {
            // the demo imports some 44,000 schools at once: school-service gets room for
            // it
            List<String> flags = new ArrayList<>(
                    LaunchOptions.fullJit(line.jvmFlags).stream().filter(flag -> !flag.startsWith("-Xmx")).toList());
            flags.add(Demo.SCHOOL_SERVICE_HEAP);
            line.options.jvmFlags("school-service", flags);
            for (String loaded : Demo.LOADED) {
                line.options.jvmFlags(loaded, LaunchOptions.fullJit(line.jvmFlags));
            }
        }
        if (postgresUrl == null && (postgresUser != null || postgresPassword != null)) {
            throw new IllegalArgumentException("--postgres-user and --postgres-password need --postgres-url");
        }
        if (postgresUrl != null) {
            line.options.postgres(postgresUrl, postgresUser == null ? "postgres" : postgresUser,
                    postgresPassword == null ? "" : postgresPassword);
        }
        return line;
    }

    private static String value(List<String> args, int index, String option) {
        String value = anyValue(args, index, option);
        if (value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value (see ./run --help)");
        }
        return value;
    }

    private static String anyValue(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value (see ./run --help)");
        }
        return args.get(index);
    }

    private static int number(List<String> args, int index, String option) {
        String value = value(args, index, option);
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(option + " wants a number, not '" + value + "'");
        }
    }

    LaunchOptions.Builder options() {
        return options;
    }

    boolean help() {
        return help;
    }

    boolean exitWhenReady() {
        return exitWhenReady;
    }

    /** Whether to load demo data once the suite is ready. */
    boolean demo() {
        return demo;
    }

    int demoDays() {
        return demoDays;
    }

    /**
     * Whether {@code --services} chose the services (otherwise: every service that is
     * built).
     */
    boolean servicesGiven() {
        return servicesGiven;
    }

}
