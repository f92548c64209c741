package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTests {

    private static final Path ROOT = Path.of("/repo");

    private static LaunchOptions parse(String... args) {
        return CommandLine.parse(ROOT, args).options().build();
    }

    @Test
    void defaultsStartEverythingOnTheFixedPortsWithAotUnderDotRun() {
        CommandLine line = CommandLine.parse(ROOT);
        LaunchOptions options = line.options().build();

        assertThat(line.help()).isFalse();
        assertThat(line.exitWhenReady()).isFalse();
        assertThat(line.servicesGiven()).isFalse();
        assertThat(options.services()).isEqualTo(App.SERVICES);
        assertThat(options.apps()).hasSize(11).startsWith(App.CONFIG_SERVER, App.DISCOVERY, App.GATEWAY);
        assertThat(options.postgresUrl()).isNull();
        assertThat(options.kafkaBootstrap()).isNull();
        assertThat(options.redisHost()).isNull();
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/.run/data"));
        assertThat(options.logDir()).isEqualTo(Path.of("/repo/.run/logs"));
        assertThat(options.aotDir()).isEqualTo(Path.of("/repo/.run/aot"));
        assertThat(options.aot()).isTrue();
        assertThat(options.ports().postgres()).isEqualTo(15432);
        assertThat(options.ports().redis()).isEqualTo(16379);
        assertThat(options.ports().kafka()).isEqualTo(19092);
        assertThat(options.ports().app("gateway")).isEqualTo(8080);
        assertThat(options.ports().app("notification-service")).isEqualTo(8088);
        assertThat(options.jvmFlags("finance-service")).isEqualTo(LaunchOptions.DEFAULT_JVM_FLAGS)
            .contains("-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");
        // every request crosses the gateway, most reads school-service: the optimizing
        // compiler, and room for its code
        for (String hot : List.of("gateway", "school-service")) {
            assertThat(options.jvmFlags(hot)).as(hot)
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .contains("-XX:ReservedCodeCacheSize=96m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");
        }
    }

    @Test
    void servicesTakeShortOrFullNamesAndKeepPortOrder() {
        CommandLine line = CommandLine.parse(ROOT, "--services", "finance, school-service,finance");

        assertThat(line.servicesGiven()).isTrue();
        assertThat(line.options().build().services()).extracting(App::name)
            .containsExactly("school-service", "finance-service");
    }

    @Test
    void unknownServiceIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--services", "school,canteen"))
            .withMessageContaining("canteen");
    }

    @Test
    void externalInfrastructureReplacesTheEmbeddedOnes() {
        LaunchOptions options = parse("--postgres-url", "jdbc:postgresql://db:5432/mdm", "--postgres-user", "mdm",
                "--postgres-password=secret", "--kafka", "broker:9092", "--redis=cache:6380");

        assertThat(options.postgresUrl()).isEqualTo("jdbc:postgresql://db:5432/mdm");
        assertThat(options.postgresUser()).isEqualTo("mdm");
        assertThat(options.postgresPassword()).isEqualTo("secret");
        assertThat(options.kafkaBootstrap()).isEqualTo("broker:9092");
        assertThat(options.redisHost()).isEqualTo("cache");
        assertThat(options.redisPort()).isEqualTo(6380);
    }

    @Test
    void externalPostgresUserDefaultsToPostgres() {
        LaunchOptions options = parse("--postgres-url", "jdbc:postgresql://db/mdm");

        assertThat(options.postgresUser()).isEqualTo("postgres");
        assertThat(options.postgresPassword()).isEmpty();
    }

    @Test
    void badValuesAreRejectedWithTheOptionNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--redis", "cache"))
            .withMessageContaining("--redis");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--kafka", "broker:99999"))
            .withMessageContaining("--kafka");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--postgres-url", "mysql://db"))
            .withMessageContaining("mysql://db");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--postgres-user", "mdm"))
            .withMessageContaining("--postgres-url");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--timeout", "soon"))
            .withMessageContaining("--timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--data-dir"))
            .withMessageContaining("--data-dir needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--data-dir", "--no-aot"))
            .withMessageContaining("--data-dir needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--port-offset", "60000"))
            .withMessageContaining("out of range");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--fast"))
            .withMessageContaining("unknown option '--fast'");
    }

    @Test
    void flagsForScriptsAndMeasurements() {
        CommandLine line = CommandLine.parse(ROOT, "--no-aot", "--exit-when-ready", "--timeout", "90", "--data-dir",
                "elsewhere", "--log-dir=/var/log/mdm", "--port-offset", "100", "--jvm-flags",
                "-Xmx512m  -XX:+UseSerialGC");
        LaunchOptions options = line.options().build();

        assertThat(line.exitWhenReady()).isTrue();
        assertThat(options.aot()).isFalse();
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/elsewhere"));
        assertThat(options.logDir()).isEqualTo(Path.of("/var/log/mdm"));
        assertThat(options.aotDir()).isEqualTo(Path.of("/repo/.run/aot"));
        assertThat(options.ports().postgres()).isEqualTo(15532);
        assertThat(options.ports().app("config-server")).isEqualTo(8988);
        assertThat(options.jvmFlags("school-service")).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
    }

    @Test
    void jvmFlagsMayStartWithDashes() {
        assertThat(parse("--jvm-flags", "--enable-preview").jvmFlags("gateway")).containsExactly("--enable-preview");
    }

    @Test
    void helpDocumentsEveryOption() {
        assertThat(CommandLine.parse(ROOT, "-h").help()).isTrue();
        assertThat(CommandLine.parse(ROOT, "--help").help()).isTrue();
        assertThat(CommandLine.HELP).contains("--services", "--postgres-url", "--postgres-user", "--postgres-password",
                "--kafka", "--redis", "--data-dir", "--log-dir", "--no-aot", "--exit-when-ready", "--port-offset",
                "--timeout", "--jvm-flags", "Ctrl-C");
    }

}
