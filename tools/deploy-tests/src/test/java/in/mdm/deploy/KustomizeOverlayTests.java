package in.mdm.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay with {@code kubectl kustomize}, parses every object with fabric8
 * and checks it against the applications themselves: one Deployment per application
 * module, with the module's name, image, port ({@code server.port}) and actuator probe
 * paths, resources and JVM flags, configuration that points at objects that exist; a PDB
 * and an HPA where they belong; network policies that let each application reach only
 * what it calls; TLS at the Ingress.
 */
class KustomizeOverlayTests {

    private static final String NAME = "app.kubernetes.io/name";

    private static final Set<String> PLATFORM = Set.of("gateway", "config-server", "discovery");

    private static Rendered render(String overlay) {
        return Rendered.of("deploy/k8s/overlays/" + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyApplicationModuleIsDeployedUnderItsOwnNameImageAndPort(String overlay) {
        Rendered rendered = render(overlay);
        List<String> modules = Repository.applicationModules();
        assertThat(modules).hasSize(11);
        assertThat(rendered.all(Deployment.class)).extracting((d) -> d.getMetadata().getName())
            .containsExactlyInAnyOrderElementsOf(modules);
        for (String module : modules) {
            int port = Repository.serverPort(module);
            Deployment deployment = rendered.get(Deployment.class, module);
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo("mdm");
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsEntry(NAME, module).containsEntry("app.kubernetes.io/part-of", "mdm-twin");
            assertThat(matches(deployment.getSpec().getSelector(), podLabels)).as(module + " selects its pods")
                .isTrue();
            List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).as(module).hasSize(1);
            Container container = containers.get(0);
            assertThat(container.getName()).isEqualTo(module);
            assertThat(container.getImage()).as(module + "'s image: <registry>/<path>/" + module + ":<release>")
                .matches("([a-z0-9.-]+(:[0-9]+)?/)?([a-z0-9-]+/)*" + Pattern.quote(module) + ":[0-9][A-Za-z0-9.-]*");
            assertThat(container.getPorts()).as(module).hasSize(1);
            assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
            assertThat(container.getPorts().get(0).getContainerPort()).as(module + "'s server.port").isEqualTo(port);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");

            Service service = rendered.get(Service.class, module);
            assertThat(service.getSpec().getSelector()).isEqualTo(Map.of(NAME, module));
            assertThat(matches(service.getSpec().getSelector(), podLabels)).isTrue();
            assertThat(service.getSpec().getPorts()).singleElement().satisfies((p) -> {
                assertThat(p.getPort()).as(module + "'s Service port").isEqualTo(port);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerHasProbesOnTheActuatorHealthGroups(String overlay) {
        // the probes' paths exist only while the config repository enables the health
        // probe groups
        Map<String, Object> shared = Repository.sharedConfigProfiles().get("");
        assertThat(Repository.at(shared, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        for (Deployment deployment : render(overlay).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertHttpProbe(name + " startup", container.getStartupProbe(), "/actuator/health/liveness");
            assertHttpProbe(name + " liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            assertHttpProbe(name + " readiness", container.getReadinessProbe(), "/actuator/health/readiness");
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                .as(name + ": seconds allowed to start (migrations, config and registry round trips)")
                .isGreaterThanOrEqualTo(120);
            Probe liveness = container.getLivenessProbe();
            assertThat(liveness.getFailureThreshold()).as(name + ": one slow answer must not restart a pod")
                .isGreaterThanOrEqualTo(3);
        }
    }

    private static void assertHttpProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerHasResourcesAndAHeapThatFitsItsLimit(String overlay) {
        for (Deployment deployment : render(overlay).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertThat(requests).as(name).containsKeys("cpu", "memory");
            assertThat(limits).as(name).containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .as(name + ": memory request = limit, so that no pod is killed for memory the node promised another")
                .isEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
            assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
            assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue()).as(name)
                .isGreaterThanOrEqualTo(512L * 1024 * 1024);
            String jvm = env(container, "JAVA_TOOL_OPTIONS");
            assertThat(jvm).as(name + " JAVA_TOOL_OPTIONS").contains("-XX:+ExitOnOutOfMemoryError");
            Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9]+)").matcher(jvm);
            assertThat(percentage.find()).as(name + ": heap as a share of the limit").isTrue();
            assertThat(Integer.parseInt(percentage.group(1))).as(name + ": room for metaspace, threads, buffers")
                .isBetween(40, 75);
            assertThat(jvm).as(name + ": no fixed heap that ignores the limit").doesNotContain("-Xmx");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void configurationPointsAtWhatExists(String overlay) {
        Rendered rendered = render(overlay);
        ConfigMap config = rendered.get(ConfigMap.class, "mdm-config");
        Map<String, String> data = config.getData();
        // the profile the pods run is one the config repository defines
        assertThat(Repository.sharedConfigProfiles()).containsKey(data.get("SPRING_PROFILES_ACTIVE"));
        assertThat(data.get("MDM_CONFIG_URI"))
            .isEqualTo("http://config-server:" + Repository.serverPort("config-server"));
        assertThat(data.get("MDM_EUREKA_URL"))
            .isEqualTo("http://discovery:" + Repository.serverPort("discovery") + "/eureka/");
        assertThat(data.get("MDM_AUTH_JWKS_URI"))
            .isEqualTo("http://auth-service:" + Repository.serverPort("auth-service") + "/.well-known/jwks.json");
        assertThat(data).containsKeys("MDM_KAFKA_BOOTSTRAP", "MDM_REDIS_HOST", "MDM_PUBLIC_URL");
        assertThat(data.get("MDM_PUBLIC_URL")).startsWith("https://");

        Rendered infra = Rendered.of("deploy/k8s/infra");
        String kafka = infra.all("Kafka").get(0).getMetadata().getName();
        assertThat(data.get("MDM_KAFKA_BOOTSTRAP")).isEqualTo(kafka + "-kafka-bootstrap:9092");
        assertThat(infra.find(Service.class, data.get("MDM_REDIS_HOST"))).as("the Redis Service").isPresent();
        Set<String> databases = new HashSet<>();
        infra.all("Cluster").forEach((c) -> databases.add(c.getMetadata().getName()));

        Set<String> templates = new HashSet<>();
        Rendered.parse(Repository.read(Repository.file("deploy/k8s/secret.example.yaml")))
            .forEach((s) -> templates.add(s.getMetadata().getName()));

        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    assertThat(rendered.find(ConfigMap.class, from.getConfigMapRef().getName())).as(name).isPresent();
                }
                if (from.getSecretRef() != null) {
                    assertThat(templates).as(name + ": secret " + from.getSecretRef().getName() + " has a template")
                        .contains(from.getSecretRef().getName());
                }
            }
            boolean owner = !PLATFORM.contains(name);
            String dbUrl = env(container, "MDM_DB_URL");
            if (owner) {
                String cluster = name.replace("-service", "") + "-db";
                assertThat(databases).as(name + "'s own PostgreSQL cluster").contains(cluster);
                assertThat(dbUrl).isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/mdm");
                for (String variable : List.of("MDM_DB_USER", "MDM_DB_PASSWORD")) {
                    EnvVar var = container.getEnv()
                        .stream()
                        .filter((e) -> e.getName().equals(variable))
                        .findFirst()
                        .orElseThrow();
                    assertThat(var.getValueFrom().getSecretKeyRef().getName()).as(name + " " + variable)
                        .isEqualTo(cluster + "-app");
                }
            }
            else {
                assertThat(dbUrl).as(name + " owns no database").isNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyApplicationHasADisruptionBudgetThatNeverBlocksADrain(String overlay) {
        Rendered rendered = render(overlay);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class)
                .stream()
                .filter((b) -> matches(b.getSpec().getSelector(), labels))
                .toList();
            assertThat(budgets).as(name + "'s PodDisruptionBudget").hasSize(1);
            PodDisruptionBudget budget = budgets.get(0);
            assertThat(budget.getSpec().getMinAvailable()).as(name).isNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(name).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void servicesScaleOnCpuAndConsumersOnTheirLag(String overlay) {
        Rendered rendered = render(overlay);
        List<String> consumers = Repository.consumerModules();
        assertThat(consumers).contains("ml-service", "alert-service", "notification-service");
        Set<String> scaled = new HashSet<>();
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            Deployment deployment = rendered.get(Deployment.class, target);
            assertThat(scaled.add(target)).as("one HPA for " + target).isTrue();
            assertThat(deployment.getSpec().getReplicas()).as(target + ": the HPA owns the count").isNull();
            assertThat(hpa.getSpec().getMinReplicas()).isPositive();
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics()).as(target)
                .anySatisfy((m) -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            boolean onLag = hpa.getSpec()
                .getMetrics()
                .stream()
                .anyMatch((m) -> m.getExternal() != null
                        && "mdm_kafka_consumer_lag".equals(m.getExternal().getMetric().getName())
                        && Map.of("service", target)
                            .equals(m.getExternal().getMetric().getSelector().getMatchLabels()));
            assertThat(onLag).as(target + " scales on its consumer lag exactly when it consumes events")
                .isEqualTo(consumers.contains(target));
        }
        Set<String> expected = new HashSet<>(Repository.applicationModules());
        expected.removeAll(Set.of("config-server", "discovery"));
        assertThat(scaled).isEqualTo(expected);
        for (String fixed : List.of("config-server", "discovery")) {
            assertThat(rendered.get(Deployment.class, fixed).getSpec().getReplicas()).as(fixed).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void nothingIsReachableBeyondWhatEachApplicationCalls(String overlay) {
        Rendered rendered = render(overlay);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        assertThat(policies).as("a default deny for every pod of the namespace").anySatisfy((p) -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        List<String> modules = Repository.applicationModules();
        List<String> routes = Repository.gatewayRouteTargets();
        assertThat(routes).isNotEmpty();
        for (String module : modules) {
            Map<String, String> labels = rendered.get(Deployment.class, module)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
            List<NetworkPolicy> own = policies.stream()
                .filter((p) -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter((p) -> matches(p.getSpec().getPodSelector(), labels))
                .toList();
            assertThat(own).as(module + "'s own policy").hasSize(1);
            NetworkPolicy policy = own.get(0);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");

            // who may connect
            Set<String> fromNamespaces = new LinkedHashSet<>();
            Set<String> fromApps = new LinkedHashSet<>();
            boolean fromAllApps = false;
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getPorts()).as(module + ": ingress only on its port")
                    .allSatisfy((p) -> assertThat(p.getPort().getIntVal()).isEqualTo(Repository.serverPort(module)));
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as(module + ": no address ranges allowed in").isNull();
                    if (peer.getNamespaceSelector() != null) {
                        assertThat(peer.getPodSelector()).isNull();
                        fromNamespaces
                            .add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                    }
                    else if (peer.getPodSelector().getMatchLabels().containsKey(NAME)) {
                        fromApps.add(peer.getPodSelector().getMatchLabels().get(NAME));
                    }
                    else {
                        assertThat(peer.getPodSelector().getMatchLabels())
                            .isEqualTo(Map.of("app.kubernetes.io/part-of", "mdm-twin"));
                        fromAllApps = true;
                    }
                }
            }
            if (module.equals("gateway")) {
                assertThat(fromNamespaces).as("the gateway: from the ingress controller and Prometheus")
                    .containsExactlyInAnyOrder("ingress-nginx", "monitoring");
                assertThat(fromApps).isEmpty();
                assertThat(fromAllApps).isFalse();
            }
            else {
                assertThat(fromNamespaces).as(module + ": from outside the namespace only Prometheus")
                    .containsExactly("monitoring");
                if (Set.of("config-server", "discovery", "auth-service").contains(module)) {
                    assertThat(fromAllApps).as(module + " is called by every application").isTrue();
                }
                else {
                    assertThat(fromAllApps).isFalse();
                    assertThat(fromApps).as(module + ": only the gateway calls it").containsExactly("gateway");
                    assertThat(routes).as("the gateway routes to " + module).contains(module);
                }
            }

            // what it may connect to
            Set<String> toApps = new LinkedHashSet<>();
            Set<String> toDatabases = new LinkedHashSet<>();
            boolean toKafka = false;
            boolean toRedis = false;
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null) {
                        continue;
                    }
                    Map<String, String> selector = peer.getPodSelector().getMatchLabels();
                    if (selector.containsKey("cnpg.io/cluster")) {
                        toDatabases.add(selector.get("cnpg.io/cluster"));
                        assertThat(ports(rule.getPorts())).containsExactly(5432);
                    }
                    else if (selector.containsKey("strimzi.io/cluster")) {
                        toKafka = true;
                    }
                    else if ("redis".equals(selector.get(NAME))) {
                        toRedis = true;
                    }
                    else {
                        String target = selector.get(NAME);
                        assertThat(modules).as(module + " reaches " + selector).contains(target);
                        toApps.add(target);
                        assertThat(ports(rule.getPorts())).as(module + " -> " + target)
                            .containsExactly(Repository.serverPort(target));
                    }
                }
            }
            Set<String> expected = new LinkedHashSet<>();
            if (!module.equals("config-server")) {
                expected.add("config-server");
            }
            if (!module.equals("discovery")) {
                expected.add("discovery");
            }
            if (module.equals("gateway")) {
                expected.addAll(routes);
            }
            else if (!PLATFORM.contains(module) && !module.equals("auth-service")) {
                expected.add("auth-service");
            }
            assertThat(toApps).as(module + " reaches only the applications it calls")
                .containsExactlyInAnyOrderElementsOf(expected);
            boolean owner = !PLATFORM.contains(module);
            assertThat(toDatabases).as(module + " reaches its own database only")
                .isEqualTo(owner ? Set.of(module.replace("-service", "") + "-db") : Set.of());
            assertThat(toKafka).as(module + " reaches Kafka").isEqualTo(owner);
            assertThat(toRedis).as(module + " reaches Redis").isEqualTo(owner || module.equals("gateway"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void onlyTheGatewayIsExposedAndOnlyOverTls(String overlay) {
        Rendered rendered = render(overlay);
        assertThat(rendered.all(Service.class))
            .allSatisfy((s) -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
        List<Ingress> ingresses = rendered.all(Ingress.class);
        assertThat(ingresses).singleElement().satisfies((ingress) -> {
            List<String> hosts = new ArrayList<>();
            ingress.getSpec().getRules().forEach((r) -> {
                hosts.add(r.getHost());
                r.getHttp().getPaths().forEach((p) -> {
                    assertThat(p.getBackend().getService().getName()).isEqualTo("gateway");
                    assertThat(p.getBackend().getService().getPort().getName()).isEqualTo("http");
                });
            });
            assertThat(hosts).isNotEmpty().doesNotContainNull();
            Set<String> tlsHosts = new HashSet<>();
            ingress.getSpec().getTls().forEach((t) -> {
                assertThat(t.getSecretName()).isNotBlank();
                tlsHosts.addAll(t.getHosts());
            });
            assertThat(tlsHosts).as("every host served over TLS").containsAll(hosts);
            assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/ssl-redirect",
                    "true");
            assertThat(rendered.get(ConfigMap.class, "mdm-config").getData().get("MDM_PUBLIC_URL"))
                .isEqualTo("https://" + hosts.get(0));
        });
    }

    private static List<Integer> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map((p) -> p.getPort().getIntVal()).filter(Objects::nonNull).toList();
    }

    private static String env(Container container, String name) {
        return container.getEnv()
            .stream()
            .filter((e) -> e.getName().equals(name))
            .map(EnvVar::getValue)
            .findFirst()
            .orElse(null);
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return matches(selector.getMatchLabels(), labels)
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

}
