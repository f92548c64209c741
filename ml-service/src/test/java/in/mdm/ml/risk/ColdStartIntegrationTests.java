package in.mdm.ml.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.StockLow;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh deployment serves the cold-start model trained on the twin: registered once
 * however many replicas start; a school running out of stock with its delivery late, and
 * one whose stock was adjusted down to half a day today with its deliveries late (all its
 * events stamped now, as on a running suite), are scored CRITICAL, for their stock, and
 * published.
 */
@MdmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdStartIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /** Out of stock, its delivery late, its supplier's deliveries late all over. */
    static final String SHORT = "33870900301";

    /**
     * Its rice written down to half a day today, its deliveries late, the last days
     * without a meal: all told today, as a live suite's school-service would publish it.
     */
    static final String HALF_A_DAY = "33870900302";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ColdStartModel coldStart;

    @Autowired
    ActiveModel active;

    List<Boolean> registered;

    @BeforeAll
    void aFreshRegistryAndTwoReplicasStarting() {
        // a deployment with nothing in its registry (other tests of this JVM share the
        // database)
        jdbc.sql("delete from model_audit where name = :n").param("n", RiskSettings.MODEL).update();
        jdbc.sql("delete from models where name = :n").param("n", RiskSettings.MODEL).update();
        CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(coldStart::registerIfEmpty);
        CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(coldStart::registerIfEmpty);
        registered = new ArrayList<>(List.of(one.join(), two.join()));
        // a restart
        registered.add(coldStart.registerIfEmpty());
    }

    @Test
    void theColdStartModelIsRegisteredAndPromotedOnceAudited() {
        assertThat(registered).containsExactlyInAnyOrder(true, false, false);
        List<Map<String, Object>> models = jdbc
            .sql("select version, status, algorithm, training_rows from models where name = :n")
            .param("n", RiskSettings.MODEL)
            .query()
            .listOfRows();
        assertThat(models).hasSize(1);
        assertThat(models.getFirst()).containsEntry("version", "twin-2")
            .containsEntry("status", "ACTIVE")
            .containsEntry("algorithm", "xgboost-gbt+isotonic");
        Map<String, Object> artifact = jdbc
            .sql("select artifact, artifact_sha256, training_from from model_artifacts where name = :n")
            .param("n", RiskSettings.MODEL)
            .query()
            .singleRow();
        byte[] bytes = (byte[]) artifact.get("artifact");
        assertThat(bytes.length).isBetween(10_000, 1_000_000);
        assertThat(RiskModel.sha256(bytes)).isEqualTo(artifact.get("artifact_sha256"));
        assertThat(jdbc.sql("select (metrics ->> 'criticalRecall')::float8 from models where name = :n")
            .param("n", RiskSettings.MODEL)
            .query(Double.class)
            .single()).as("the twin's held-back days reached CRITICAL").isGreaterThan(0);
        List<String> audit = jdbc.sql(
                "select version || ' ' || action || ' ' || actor || ' ' || reason from model_audit where name = :n order by id")
            .param("n", RiskSettings.MODEL)
            .query(String.class)
            .list();
        assertThat(audit).containsExactly("twin-2 REGISTERED system cold-start model trained on the twin",
                "twin-2 PROMOTED system cold-start model trained on the twin");
    }

    @Test
    void aSchoolOutOfStockWithItsDeliveryLateIsScoredCritical() throws Exception {
        SchoolCalendar calendar = SchoolCalendar.standard();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-10-01"); days.size() < 30; d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days.add(d);
            }
        }
        LocalDate last = days.getLast();
        send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), Instant.parse("2026-06-01T00:00:00Z"),
                SHORT, "School " + SHORT, "587", "6309", "Primary", "Department of Education", "Rural", true));
        send(SchoolTopics.ENROLLMENTS, new EnrollmentUpdated(DomainEvent.newId(), Instant.parse("2026-06-01T00:00:00Z"),
                SHORT, "587", "6309", "2026-27", 160, 40));
        // stock crossed below 7 days eight school days before the last report: gone by
        // now
        send(SchoolTopics.STOCK, new StockLow(DomainEvent.newId(), at(days.get(days.size() - 9), 16), SHORT, "RICE",
                new BigDecimal("124.200"), new BigDecimal("6.9"), "LOW"));
        // and the day before the last report the kitchen cooked what it had left: out
        send(SchoolTopics.STOCK, new StockLow(DomainEvent.newId(), at(days.get(days.size() - 2), 15), SHORT, "RICE",
                new BigDecimal("0.000"), new BigDecimal("0.0"), "STOCK_OUT"));
        // its rice, pulses and oil due the day before the last report, late; the supplier
        // late at other schools all over the district these days
        LocalDate due = days.get(days.size() - 2);
        for (String commodity : List.of("RICE", "PULSES", "OIL")) {
            send(SchoolTopics.DELIVERIES, new DeliveryDelayed(DomainEvent.newId(), at(last, 0), UUID.randomUUID(),
                    SHORT, "S587-01", commodity, due, 1, null));
        }
        for (int i = 0; i < 12; i++) {
            send(SchoolTopics.DELIVERIES,
                    new DeliveryDelayed(DomainEvent.newId(), at(days.get(days.size() - 1 - i % 6), 0),
                            UUID.randomUUID(), String.format("33870900%03d", 400 + i), "S587-01", "RICE",
                            days.get(days.size() - 2 - i % 6), 1, null));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from delivery_delays where supplier_code = 'S587-01'") == 15
                    && count("select count(*) from site_stock where status = 'STOCK_OUT' and site = '" + SHORT
                            + "'") == 1
                    && count("select count(*) from school_features where udise_code = '" + SHORT
                            + "' and enrollment = 200") == 1);
        // a month of reports: four days without a meal for want of stock two weeks ago,
        // and again on the last day
        for (int k = 0; k < days.size(); k++) {
            boolean noStock = k == days.size() - 1 || (k >= days.size() - 12 && k < days.size() - 8);
            send(SchoolTopics.MEALS, new DailyMealReported(DomainEvent.newId(), at(days.get(k), 15), SHORT, days.get(k),
                    145, 35, noStock ? 0 : 180, noStock ? "NO_STOCK" : null, "SMS"));
        }
        assertScoredCriticalWithAStockFactor(SHORT, last);
    }

    /**
     * What an end-to-end test can make school-service publish on a running suite, whose
     * clock cannot move: every event stamped now. A month of daily reports posted late
     * (back-dated, the last today), the last two without a meal for want of stock; the
     * school's rice adjusted down from adequate to half a day today (StockLow LOW, not
     * out); two deliveries promised yesterday, reported late today.
     */
    @Test
    void aSchoolWithHalfADayOfStockAndLateDeliveriesToldTodayIsScoredCritical() throws Exception {
        SchoolCalendar calendar = SchoolCalendar.standard();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(INDIA);
        List<LocalDate> days = new ArrayList<>(List.of(today));
        for (LocalDate d = today.minusDays(1); days.size() < 30; d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days.addFirst(d);
            }
        }
        send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), now, HALF_A_DAY, "School " + HALF_A_DAY,
                "587", "6309", "Primary", "Department of Education", "Rural", true));
        send(SchoolTopics.ENROLLMENTS,
                new EnrollmentUpdated(DomainEvent.newId(), now, HALF_A_DAY, "587", "6309", "2026-27", 160, 40));
        send(SchoolTopics.STOCK, new StockLow(DomainEvent.newId(), now, HALF_A_DAY, "RICE", new BigDecimal("11.000"),
                new BigDecimal("0.5"), "LOW"));
        for (String commodity : List.of("RICE", "PULSES")) {
            send(SchoolTopics.DELIVERIES, new DeliveryDelayed(DomainEvent.newId(), now, UUID.randomUUID(), HALF_A_DAY,
                    "S587-02", commodity, today.minusDays(1), 1, null));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from delivery_delays where supplier_code = 'S587-02'") == 2
                    && count("select count(*) from site_stock where site = '" + HALF_A_DAY + "'") == 1
                    && count("select count(*) from school_features where udise_code = '" + HALF_A_DAY
                            + "' and enrollment = 200") == 1);
        for (int k = 0; k < days.size(); k++) {
            boolean noStock = k >= days.size() - 2;
            send(SchoolTopics.MEALS, new DailyMealReported(DomainEvent.newId(), now, HALF_A_DAY, days.get(k), 145, 35,
                    noStock ? 0 : 180, noStock ? "NO_STOCK" : null, "WEB"));
        }
        assertScoredCriticalWithAStockFactor(HALF_A_DAY, today);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(INDIA).toInstant();
    }

    private void send(String topic, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    /**
     * The school is scored for the day, 70 or more (CRITICAL) by the cold-start model,
     * with a stock factor, and its RiskScored CRITICAL is on Kafka.
     */
    private void assertScoredCriticalWithAStockFactor(String udise, Object day) {
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from risk_scores where udise_code = '" + udise + "' and for_date = '"
                    + day + "'") == 1);
        Map<String, Object> score = jdbc
            .sql("select score, level, model_version, factors::text as factors from risk_scores where udise_code = :u")
            .param("u", udise)
            .query()
            .singleRow();
        assertThat(((BigDecimal) score.get("score")).doubleValue()).isGreaterThanOrEqualTo(70);
        assertThat(score).containsEntry("level", "CRITICAL").containsEntry("model_version", "twin-2");
        assertThat((String) score.get("factors")).containsAnyOf("\"stock_days_left\"", "\"days_since_stock_low\"");
        var published = KafkaProbe.onTestBroker().readAll(MlTopics.RISKS, Duration.ofSeconds(5));
        assertThat(published).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(udise);
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).contains("CRITICAL");
        });
    }

}
