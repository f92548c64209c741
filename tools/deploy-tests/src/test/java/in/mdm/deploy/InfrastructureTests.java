package in.mdm.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import in.mdm.events.EventCatalog;
import in.mdm.events.EventDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data stores described for a real cluster (deploy/k8s/infra): a Strimzi topic for
 * every topic of the event catalog and its dead-letter topic, and nothing else; a
 * CloudNativePG cluster per domain service; Redis.
 */
class InfrastructureTests {

    private final Rendered infra = Rendered.of("deploy/k8s/infra");

    @Test
    void everyCatalogTopicAndItsDeadLetterTopicIsDeclaredAndNothingElse() {
        Set<String> expected = new TreeSet<>();
        for (EventDescriptor event : EventCatalog.events().all()) {
            expected.add(event.topic());
            expected.add(event.deadLetterTopic());
        }
        Set<String> declared = new TreeSet<>();
        for (HasMetadata topic : this.infra.all("KafkaTopic")) {
            String name = (String) spec(topic).get("topicName");
            assertThat(declared.add(name)).as("declared once: " + name).isTrue();
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    this.infra.all("Kafka").get(0).getMetadata().getName());
            assertThat(spec(topic).get("replicas")).as(name + ": replicated three times").isEqualTo(3);
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) spec(topic).get("config");
            assertThat(config.get("min.insync.replicas")).as(name + ": acks=all survives a broker down").isEqualTo(2);
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void theBusiestTopicsHaveRoomForEveryConsumerPodOfProduction() {
        int widest = Rendered.of("deploy/k8s/overlays/prod")
            .all(HorizontalPodAutoscaler.class)
            .stream()
            .mapToInt((h) -> h.getSpec().getMaxReplicas())
            .max()
            .orElseThrow();
        for (String busy : List.of("mdm.school.daily-meal-reports", "mdm.ml.risk-scores")) {
            int partitions = this.infra.all("KafkaTopic")
                .stream()
                .filter((t) -> busy.equals(spec(t).get("topicName")))
                .mapToInt((t) -> (Integer) spec(t).get("partitions"))
                .findFirst()
                .orElseThrow();
            assertThat(partitions).as(busy + ": a partition for every pod the HPAs may start")
                .isGreaterThanOrEqualTo(widest);
        }
    }

    @Test
    void everyDomainServiceHasAPostgresClusterOfItsOwnAndRedisIsThere() {
        List<String> expected = new ArrayList<>();
        for (String module : Repository.applicationModules()) {
            if (module.endsWith("-service")) {
                expected.add(module.replace("-service", "") + "-db");
            }
        }
        assertThat(expected).hasSize(8);
        assertThat(this.infra.all("Cluster")).extracting((c) -> c.getMetadata().getName())
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(this.infra.all("Cluster")).allSatisfy((c) -> {
            assertThat((Integer) spec(c).get("instances")).as("a primary and a replica").isGreaterThanOrEqualTo(2);
            assertThat(spec(c)).containsKey("backup");
        });
        assertThat(this.infra.all("StatefulSet")).extracting((s) -> s.getMetadata().getName()).contains("redis");
    }

    /**
     * The base's default deny covers the data stores' pods too: each has a policy, and
     * each service's database takes connections from that service only.
     */
    @Test
    void everyDataStoreHasAPolicyAndEachDatabaseServesOnlyItsService() {
        List<NetworkPolicy> policies = this.infra.all(NetworkPolicy.class);
        Set<String> names = new TreeSet<>();
        policies.forEach((p) -> names.add(p.getMetadata().getName()));
        assertThat(names).contains("redis", "kafka");
        for (HasMetadata cluster : this.infra.all("Cluster")) {
            String name = cluster.getMetadata().getName();
            String service = name.replaceAll("-db$", "-service");
            NetworkPolicy policy = policies.stream()
                .filter((p) -> name.equals(p.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy for " + name));
            Set<String> clients = new TreeSet<>();
            policy.getSpec()
                .getIngress()
                .stream()
                .filter((rule) -> rule.getPorts().stream().anyMatch((port) -> port.getPort().getIntVal() == 5432))
                .flatMap((rule) -> rule.getFrom().stream())
                .forEach((peer) -> {
                    assertThat(peer.getNamespaceSelector()).as(name + ": from this namespace only").isNull();
                    Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                    clients.add(labels.getOrDefault("app.kubernetes.io/name", labels.get("cnpg.io/cluster")));
                });
            assertThat(clients).as(name + "'s clients").containsExactlyInAnyOrder(service, name);
        }
    }

    /**
     * Every pod opens a Hikari pool of up to 8: the database must take the HPA's maximum.
     */
    @Test
    void everyDatabaseTakesTheConnectionsOfItsServiceAtTheProductionMaximum() {
        Rendered prod = Rendered.of("deploy/k8s/overlays/prod");
        for (HasMetadata cluster : this.infra.all("Cluster")) {
            String service = cluster.getMetadata().getName().replaceAll("-db$", "-service");
            int pods = prod.get(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) ((Map<String, Object>) spec(cluster)
                .get("postgresql")).get("parameters");
            int connections = Integer.parseInt((String) parameters.get("max_connections"));
            assertThat(connections).as(cluster.getMetadata().getName() + ": 8 x " + pods + " pods and a margin")
                .isGreaterThanOrEqualTo(8 * pods + 10);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(HasMetadata resource) {
        return (Map<String, Object>) ((GenericKubernetesResource) resource).getAdditionalProperties().get("spec");
    }

}
