package in.mdm.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml in step with the reactor and the rest of deploy/: one application
 * service per application module (built from its module, image and health check on its
 * own port), the infrastructure the issue names, a health check and a memory limit on
 * every service, and Prometheus and Grafana wired to deploy/monitoring.
 */
class ComposeTests {

    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "redis", "keycloak", "mailpit",
            "kafka-exporter", "prometheus", "grafana");

    private final Map<String, Object> compose = Repository.yamlDocuments(Repository.file("docker-compose.yml")).get(0);

    @Test
    void theApplicationServicesAreExactlyTheReactorsApplicationModules() {
        Set<String> applications = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        services().forEach((name, service) -> {
            Object module = Repository.at(service, "build.args.SERVICE");
            if (module != null) {
                assertThat(module).as(name + " is built from the module of its name").isEqualTo(name);
                applications.add(name);
            }
            else {
                others.add(name);
            }
        });
        assertThat(applications).isEqualTo(new TreeSet<>(Repository.applicationModules()));
        assertThat(others).isEqualTo(INFRASTRUCTURE);
    }

    @Test
    void everyServiceHasAHealthCheckAndAMemoryLimit() {
        services().forEach((name, service) -> {
            assertThat(Repository.at(service, "healthcheck.test")).as(name + "'s health check").isNotNull();
            assertThat(Repository.at(service, "deploy.resources.limits.memory")).as(name + "'s memory limit")
                .isNotNull();
        });
    }

    @Test
    void everyApplicationIsCheckedOnItsOwnPortsReadinessAndRunsItsOwnImage() {
        for (String module : Repository.applicationModules()) {
            Map<String, Object> service = services().get(module);
            List<String> test = strings(Repository.at(service, "healthcheck.test"));
            assertThat(test).as(module)
                .contains("http://127.0.0.1:" + Repository.serverPort(module) + "/actuator/health/readiness");
            assertThat((String) service.get("image")).startsWith("mdm/" + module + ":");
            String jvm = String.valueOf(Repository.at(service, "environment.JAVA_TOOL_OPTIONS"));
            assertThat(jvm).as(module + ": heap as a share of the memory limit").contains("-XX:MaxRAMPercentage=");
        }
    }

    @Test
    void prometheusScrapesEveryApplicationAndLoadsTheRulesAndGrafanaTheDashboards() {
        Map<String, Object> prometheus = Repository
            .yamlDocuments(Repository.file("deploy/monitoring/prometheus/prometheus.yml"))
            .get(0);
        Set<String> targets = new TreeSet<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            if ("mdm".equals(((Map<?, ?>) job).get("job_name"))) {
                for (Object config : (List<?>) ((Map<?, ?>) job).get("static_configs")) {
                    targets.addAll(strings(((Map<?, ?>) config).get("targets")));
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        Repository.applicationModules().forEach((m) -> expected.add(m + ":" + Repository.serverPort(m)));
        assertThat(targets).isEqualTo(expected);

        assertThat(strings(services().get("prometheus").get("volumes"))).contains(
                "./deploy/monitoring/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/monitoring/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat(strings(services().get("grafana").get("volumes"))).contains(
                "./deploy/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(strings(services().get("keycloak").get("volumes")))
            .contains("./deploy/keycloak:/opt/keycloak/data/import:ro");
        assertThat(String.valueOf(Repository.at(services().get("notification-service"), "environment.MDM_SMTP_HOST")))
            .as("e-mail goes to the local SMTP server unless .env names a relay")
            .isEqualTo("${MDM_SMTP_HOST:-mailpit}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) this.compose.get("services");
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        ((List<?>) list).forEach((o) -> strings.add(String.valueOf(o)));
        return strings;
    }

}
