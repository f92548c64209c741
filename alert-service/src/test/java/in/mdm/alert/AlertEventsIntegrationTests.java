package in.mdm.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.MdmIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules fed by Kafka, as in production: events arrive on their topics, and an event
 * delivered twice changes nothing the second time.
 */
@MdmIntegrationTest
class AlertEventsIntegrationTests {

    static final CloudEventCodec ML = CloudEventCodec.forService("ml-service");

    static final CloudEventCodec SCHOOL = CloudEventCodec.forService("school-service");

    static final String S1 = "33070100101";

    static final String S2 = "33070100102";

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @BeforeEach
    void schools() {
        locations.record(S1, "573", "7301", Instant.now(), UUID.randomUUID());
        locations.record(S2, "573", "7301", Instant.now(), UUID.randomUUID());
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alerts").update();
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        RiskScored risk = new RiskScored(DomainEvent.newId(), Instant.now(), S1, LocalDate.now().plusDays(1), 88,
                "HIGH", "risk-v1", List.of("rice stock"));
        send(MlTopics.RISKS, risk, ML);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("udise_code = '" + S1 + "'") == 1);
        long changes = changes();

        send(MlTopics.RISKS, risk, ML);
        // a later event on the same topic and partition key proves the repeat was handled
        // first
        send(MlTopics.RISKS, new RiskScored(DomainEvent.newId(), Instant.now(), S1, LocalDate.now().plusDays(2), 91,
                "HIGH", "risk-v1", List.of()), ML);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("select occurrences from alerts where udise_code = :u")
                .param("u", S1)
                .query(Integer.class)
                .single() == 2);
        assertThat(changes()).isEqualTo(changes + 1);
    }

    @Test
    void aKitchenOutOfStockOnTheStockTopicAlertsItsSchools() throws Exception {
        send(SchoolTopics.STOCK, new KitchenStockLow(DomainEvent.newId(), Instant.now(), UUID.randomUUID(),
                "Kitchen 7301", "573", "7301", "RICE", BigDecimal.ZERO, BigDecimal.ZERO, "STOCK_OUT", List.of(S1, S2)),
                SCHOOL);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("alert_type = 'stock' and severity = 'CRITICAL' and udise_code is not null") == 2);
    }

    private void send(String topic, DomainEvent event, CloudEventCodec codec) throws Exception {
        kafka.send(topic, event.aggregateId(), codec.encode(event)).get();
    }

    private int count(String where) {
        return jdbc.sql("select count(*) from alerts where " + where).query(Integer.class).single();
    }

    private long changes() {
        return jdbc.sql("select count(*) from alert_changes").query(Long.class).single();
    }

}
