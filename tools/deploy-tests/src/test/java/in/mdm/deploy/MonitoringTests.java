package in.mdm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observability as code (deploy/monitoring): the alert rules pass {@code promtool check
 * rules} and their unit tests ({@code promtool test rules}); the Grafana dashboards
 * parse, read the provisioned data source and cover what operators watch; and every MDM
 * meter a rule or a panel reads is one the services really register.
 */
class MonitoringTests {

    private static final Path MONITORING = Repository.file("deploy/monitoring");

    private static final Pattern MDM_METRIC = Pattern.compile("\\bmdm_[a-z0-9_]+");

    @Test
    void alertRulesPassPromtoolAndTheirUnitTests() {
        Path prometheus = MONITORING.resolve("prometheus");
        List<String> rules = files(prometheus.resolve("rules"), ".yml");
        assertThat(rules).isNotEmpty();
        List<String> check = new ArrayList<>(List.of("check", "rules"));
        rules.forEach((r) -> check.add("rules/" + r));
        Tools.Result checked = Tools.run(prometheus, "promtool", check.toArray(String[]::new));
        assertThat(checked.exitCode()).as("promtool check rules:\n" + checked.output()).isZero();

        List<String> tests = files(prometheus.resolve("tests"), ".yml");
        assertThat(tests).isNotEmpty();
        List<String> test = new ArrayList<>(List.of("test", "rules"));
        tests.forEach((t) -> test.add("tests/" + t));
        Tools.Result tested = Tools.run(prometheus, "promtool", test.toArray(String[]::new));
        assertThat(tested.exitCode()).as("promtool test rules:\n" + tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");

        Tools.Result config = Tools.run(prometheus, "promtool", "check", "config", "--syntax-only", "prometheus.yml");
        assertThat(config.exitCode()).as("promtool check config:\n" + config.output()).isZero();
    }

    @Test
    void everyAlertOfTheObjectivesIsThereWithASeverityAndIsUnitTested() {
        Set<String> alerts = new TreeSet<>();
        for (String file : files(MONITORING.resolve("prometheus/rules"), ".yml")) {
            Map<String, Object> rules = Repository.yamlDocuments(MONITORING.resolve("prometheus/rules").resolve(file))
                .get(0);
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> r = (Map<?, ?>) rule;
                    if (r.get("alert") != null) {
                        alerts.add((String) r.get("alert"));
                        assertThat(((Map<?, ?>) r.get("labels")).get("severity")).as(r.get("alert") + "")
                            .isIn("warning", "critical");
                        assertThat(((Map<?, ?>) r.get("annotations")).keySet().stream().map(String::valueOf).toList())
                            .as(r.get("alert") + "")
                            .contains("summary", "description");
                    }
                }
            }
        }
        // the HPAs' external metric is served from a series the rules record
        String adapter = Repository.read(MONITORING.resolve("prometheus-adapter.yaml"));
        assertThat(adapter).contains("as: mdm_kafka_consumer_lag", "mdm:kafka_consumer_lag_by_service:sum");
        assertThat(read(MONITORING.resolve("prometheus/rules"), ".yml"))
            .contains("record: mdm:kafka_consumer_lag_by_service:sum");
        assertThat(alerts).contains("MdmGatewayLatencyP99High", "MdmConsumerLagHigh", "MdmOutboxStuck",
                "MdmDeadLettersGrowing", "MdmMealReportingLow");
        String tests = read(MONITORING.resolve("prometheus/tests"), ".yml");
        String runbook = Repository.read(Repository.file("deploy/README.md"));
        for (String alert : alerts) {
            assertThat(tests).as(alert + " has a unit test").contains("alertname: " + alert);
            assertThat(runbook).as(alert + " is explained in the runbook").contains(alert);
        }
    }

    @Test
    void dashboardsParseReadTheProvisionedPrometheusAndCoverWhatOperatorsWatch() {
        JsonMapper json = JsonMapper.builder().build();
        Path dashboards = MONITORING.resolve("grafana/dashboards");
        Set<String> uids = new HashSet<>();
        StringBuilder everyExpression = new StringBuilder();
        String datasource = (String) ((Map<?, ?>) ((List<?>) Repository
            .yamlDocuments(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml"))
            .get(0)
            .get("datasources")).get(0)).get("uid");
        for (String file : files(dashboards, ".json")) {
            JsonNode dashboard = json.readTree(Repository.read(dashboards.resolve(file)));
            assertThat(uids.add(dashboard.get("uid").asString())).as(file + ": unique uid").isTrue();
            assertThat(dashboard.get("panels")).as(file).isNotEmpty();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("datasource").get("uid").asString()).as(file).isEqualTo(datasource);
                assertThat(panel.get("targets")).as(file + " " + panel.get("title")).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.get("expr").asString()).isNotBlank();
                    everyExpression.append(target.get("expr").asString()).append('\n');
                }
            }
        }
        String all = everyExpression.toString();
        assertThat(all).as("request rate, latency and errors per route")
            .contains("spring_cloud_gateway_http_client_requests_seconds_count")
            .contains("spring_cloud_gateway_http_client_requests_seconds_bucket")
            .contains("http_status_code=~\"5..\"");
        assertThat(all).as("Kafka lag per consumer").contains("mdm:kafka_consumer_lag:sum");
        assertThat(all).as("outbox backlog")
            .contains("mdm_events_outbox_incomplete", "mdm_events_outbox_oldest_age_seconds");
        assertThat(all).as("dead letters").contains("outcome=\"dead-lettered\"");
        assertThat(all).as("JVM memory and GC").contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds");
        assertThat(all).as("the twin's pulse")
            .contains("mdm_meals_reports_today", "mdm_risk_schools_critical", "mdm_alerts_open");
    }

    /**
     * A rule or panel reading a meter no service registers shows nothing and alerts
     * never: every {@code mdm_*} metric must be a Micrometer meter name of the main
     * sources (dots for underscores, without the Prometheus suffixes).
     */
    @Test
    void everyMdmMetricReadIsOneTheServicesRegister() {
        Set<String> meters = new TreeSet<>();
        Matcher names = Pattern.compile("\"(mdm\\.[a-z0-9.]+)\"").matcher(mainSources());
        while (names.find()) {
            meters.add(names.group(1));
        }
        Set<String> read = new TreeSet<>();
        // expressions only: comments may name the adapter's metric, which is no meter
        String monitoring = read(MONITORING.resolve("prometheus/rules"), ".yml").replaceAll("(?m)^\\s*#.*$", "")
                + read(MONITORING.resolve("grafana/dashboards"), ".json");
        Matcher matcher = MDM_METRIC.matcher(monitoring);
        while (matcher.find()) {
            read.add(matcher.group());
        }
        assertThat(read).contains("mdm_events_consumed_total", "mdm_events_outbox_oldest_age_seconds");
        for (String metric : read) {
            String meter = metric.replaceAll("_(total|bucket|count|sum|max)$", "")
                .replaceAll("_seconds$", "")
                .replace('_', '.');
            assertThat(meters).as(metric + ": a meter name in src/main").contains(meter);
        }
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repository.root())) {
            files.filter((p) -> p.toString().endsWith(".java"))
                .filter((p) -> p.toString().contains("/src/main/java/"))
                .filter((p) -> !p.toString().contains("/target/"))
                .forEach((p) -> all.append(Repository.read(p)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return all.toString();
    }

    private static List<String> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map((p) -> p.getFileName().toString()).filter((n) -> n.endsWith(suffix)).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path dir, String suffix) {
        StringBuilder all = new StringBuilder();
        files(dir, suffix).forEach((f) -> all.append(Repository.read(dir.resolve(f))).append('\n'));
        return all.toString();
    }

}
