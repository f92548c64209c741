package in.mdm.ml.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.StockLow;
import in.mdm.ml.feature.Feature;
import in.mdm.ml.feature.MealHistory;
import in.mdm.ml.model.ModelRegistry;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From school-service's events to scores: the feature store fed in any order and again,
 * the day's reports scored with the active model, RiskScored through the outbox only on a
 * change, every endpoint within the caller's jurisdiction, and promotion and rollback
 * audited and served without a restart.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final String A = "585";

    static final String B = "588";

    /** Low stock, in district A. */
    static final String A1 = "33850800301";

    /** Plenty of stock, in district A. */
    static final String A2 = "33850800302";

    static final String B1 = "33883800301";

    static final LocalDate FIRST = LocalDate.parse("2026-11-02");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ActiveModel active;

    @BeforeAll
    void aModelServesAndThreeSchoolsReport() throws Exception {
        RiskTrainer.Result first = RiskTrainer.train(ModelTrainingTests.synthetic(5),
                new TrainingOptions(3, 40, 3, 0.1, 0, 0, 2, 1), RiskLevels.DEFAULT);
        register("t1", first);
        registry.promote(RiskSettings.MODEL, "t1", "test", "the first model");
        active.refresh();

        for (String udise : List.of(A1, A2, B1)) {
            String district = udise.equals(B1) ? B : A;
            String block = udise.equals(B1) ? "6338" : "6308";
            send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), Instant.parse("2026-06-01T00:00:00Z"),
                    udise, "School " + udise, district, block, "Primary", "Department of Education", "Rural", true));
            send(SchoolTopics.ENROLLMENTS, new EnrollmentUpdated(DomainEvent.newId(),
                    Instant.parse("2026-06-01T00:00:00Z"), udise, district, block, "2026-27", 80, 20));
        }
        send(SchoolTopics.STOCK, new StockLow(DomainEvent.newId(), at(FIRST.plusDays(10)), A1, "RICE",
                new BigDecimal("12.000"), new BigDecimal("1.5"), "LOW"));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count(
                    "select count(*) from school_features where enrollment = 100 and district_code is not null") == 3
                    && count("select count(*) from site_stock where site = '" + A1 + "'") == 1);

        // eleven school days, sent newest first, one of them twice as another event
        for (int k = 10; k >= 0; k--) {
            for (String udise : List.of(A1, A2, B1)) {
                send(SchoolTopics.MEALS, meal(udise, FIRST.plusDays(k), k == 9 && udise.equals(A2) ? "NO_COOK" : null));
            }
        }
        send(SchoolTopics.MEALS, meal(A2, FIRST.plusDays(9), "NO_COOK"));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from risk_scores where for_date = '2026-11-12'") == 3);
    }

    @Test
    void theFeatureStoreHoldsEveryDayOnceWhateverTheOrder() {
        byte[] bytes = jdbc.sql("select meals from school_features where udise_code = :u")
            .param("u", A2)
            .query(byte[].class)
            .single();
        MealHistory history = MealHistory.fromBytes(bytes);
        int reported = 0;
        for (int k = 0; k <= 10; k++) {
            reported += history.reported((int) FIRST.plusDays(k).toEpochDay()) ? 1 : 0;
        }
        assertThat(reported).isEqualTo(11);
        assertThat(history.reason((int) FIRST.plusDays(9).toEpochDay())).isEqualTo(MealHistory.NO_COOK);
        assertThat(count("select reports from district_days where district_code = '" + A + "' and day = '2026-11-11'"))
            .as("the repeated report counted once")
            .isEqualTo(2);
        assertThat(count("select count(*) from feature_snapshots where udise_code = '" + A1 + "'")).isGreaterThan(0);
    }

    @Test
    void lowStockScoresHighWithItsReasonAndOnlyChangesArePublished() {
        Map<String, Object> a1 = jdbc
            .sql("select score, level, factors::text as factors from risk_scores where udise_code = :u")
            .param("u", A1)
            .query()
            .singleRow();
        Map<String, Object> a2 = jdbc.sql("select score, level from risk_scores where udise_code = :u")
            .param("u", A2)
            .query()
            .singleRow();
        assertThat(((BigDecimal) a1.get("score")).doubleValue())
            .isGreaterThan(((BigDecimal) a2.get("score")).doubleValue());
        assertThat((String) a1.get("factors")).contains("stock lasts");

        KafkaProbe probe = KafkaProbe.onTestBroker();
        var published = probe.readAll(MlTopics.RISKS, Duration.ofSeconds(5));
        List<String> keys = published.stream().map(r -> r.key()).toList();
        assertThat(keys).contains(A1);
        assertThat(keys.stream().filter(A1::equals).count())
            .as("A1's level does not change from day to day: one event, not eleven")
            .isLessThan(4);
    }

    @Test
    void everyEndpointStaysWithinTheCallersJurisdiction() {
        JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .list("/api/v1/ml/risk?size=500", "$.items[*].udiseCode", Set.of(A1, A2), Set.of(B1))
            .verify();

        ResponseEntity<Map> own = post(TestTokens.officer(A), "/api/v1/ml/predict-risk", Map.of("udiseCode", A1));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).containsEntry("udiseCode", A1).containsEntry("modelVersion", "t1");
        assertThat((List<?>) own.getBody().get("factors")).isNotEmpty();
        ResponseEntity<Map> other = post(TestTokens.officer(B), "/api/v1/ml/predict-risk", Map.of("udiseCode", A1));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody()).containsEntry("code", "ml.school.not-found");
        assertThat(post(TestTokens.school(A2), "/api/v1/ml/predict-risk", Map.of("udiseCode", A1)).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> batch = post(TestTokens.officer(A), "/api/v1/ml/batch-predict",
                Map.of("udiseCodes", List.of(A1, A2, B1)));
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) batch.getBody().get("scores")).extracting(m -> m.get("udiseCode"))
            .containsExactlyInAnyOrder(A1, A2);
        assertThat((List<String>) batch.getBody().get("notFound")).containsExactly(B1);
        assertThat(post(TestTokens.officer(B), "/api/v1/ml/batch-predict", Map.of("districtCode", A)).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<?>) post(TestTokens.admin(), "/api/v1/ml/batch-predict", Map.of("districtCode", A)).getBody()
            .get("scores")).hasSize(2);
        assertThat(post(TestTokens.admin(), "/api/v1/ml/batch-predict", Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(TestTokens.admin(), "/api/v1/ml/predict-risk", Map.of("udiseCode", "12")).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(TestTokens.officer(A), "/api/v1/ml/retrain", Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(TestTokens.officer(B), "/api/v1/ml/model-metrics").getBody()).containsEntry("version", "t1");
    }

    @Test
    void promotionAndRollbackAreAuditedAndServedWithoutARestart() {
        RiskTrainer.Result second = RiskTrainer.train(ModelTrainingTests.synthetic(9),
                new TrainingOptions(3, 20, 2, 0.1, 0, 0, 2, 1), RiskLevels.DEFAULT);
        register("t2", second);
        registry.promote(RiskSettings.MODEL, "t2", "test", "a newer model");
        // this replica reads the registry again within mdm.ml.risk.model-refresh
        await().atMost(Duration.ofSeconds(20))
            .until(() -> post(TestTokens.admin(), "/api/v1/ml/predict-risk", Map.of("udiseCode", A1)).getBody()
                .get("modelVersion")
                .equals("t2"));

        ResponseEntity<Map> rollback = post(TestTokens.admin(), "/api/v1/ml/models/school-risk/rollback", Map.of());
        assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rollback.getBody()).containsEntry("version", "t1").containsEntry("status", "ACTIVE");
        await().atMost(Duration.ofSeconds(20))
            .until(() -> post(TestTokens.admin(), "/api/v1/ml/predict-risk", Map.of("udiseCode", A1)).getBody()
                .get("modelVersion")
                .equals("t1"));
        assertThat(http
            .exchange("/api/v1/ml/models/school-risk/audit", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), List.class)
            .getBody()).isNotEmpty();
        List<Map<String, Object>> audit = jdbc
            .sql("select version, action from model_audit where name = 'school-risk' order by id")
            .query()
            .listOfRows();
        assertThat(audit).extracting(m -> m.get("version") + " " + m.get("action"))
            .containsSubsequence("t1 PROMOTED", "t1 RETIRED", "t2 PROMOTED", "t2 ROLLED_BACK", "t1 PROMOTED");
        // the rollback in the service's chained trail, by the ADMIN who asked for it
        Map<String, Object> trail = http
            .exchange("/api/v1/ml/audit?entityType=model&action=model.rolled_back&entityId=school-risk:t2",
                    HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), Map.class)
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "state.admin");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("event", "ROLLED_BACK")
                .containsEntry("reason", "rolled back to t1");
        });
        assertThat(post(TestTokens.officer(A), "/api/v1/ml/models/school-risk/rollback", Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void retrainingRunsAsAJobFailingWithTooLittleHistoryAndRegistersAModelWithEnough() {
        // the retraining window ends at the newest snapshot: the snapshots other tests of
        // this JVM left (reports of today's dates) would move it away from this test's
        jdbc.sql("delete from feature_snapshots where udise_code not in (:a1, :a2, :b1)")
            .param("a1", A1)
            .param("a2", A2)
            .param("b1", B1)
            .update();
        try {
            retrainFailingThenSucceeding();
        }
        finally {
            // the other tests expect the first model to serve
            registry.promote(RiskSettings.MODEL, "t1", "test", "back to the first model");
            active.refresh();
        }
    }

    private void retrainFailingThenSucceeding() {
        ResponseEntity<Map> started = post(TestTokens.admin(), "/api/v1/ml/retrain", Map.of());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> job = finished(started.getHeaders().getLocation().toString());
        assertThat(job).containsEntry("status", "FAILED");
        assertThat((String) job.get("error")).contains("too few days");
        assertThat(get(TestTokens.admin(), "/api/v1/ml/retrain/" + UUID.randomUUID()).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);

        // 50 days of snapshots of 200 schools, half of them short of stock and often
        // without a meal
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        LocalDate first = LocalDate.parse("2026-08-20");
        for (int s = 0; s < 200; s++) {
            String udise = String.format("339999%05d", s);
            boolean risky = s % 2 == 0;
            MealHistory meals = new MealHistory();
            for (int d = 0; d < 56; d++) {
                boolean shortage = random.nextDouble() < (risky ? 0.3 : 0.01);
                meals.record((int) first.plusDays(d).toEpochDay(), 80,
                        shortage ? MealHistory.NO_STOCK : MealHistory.SERVED, 0);
            }
            jdbc.sql("insert into school_features (udise_code, meals, last_report_on) values (:u, :m, :d)")
                .param("u", udise)
                .param("m", meals.toBytes())
                .param("d", first.plusDays(55))
                .update();
            for (int d = 0; d < 50; d++) {
                Float[] f = new Float[Feature.COUNT];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) random.nextDouble();
                }
                f[Feature.STOCK_DAYS_LEFT.ordinal()] = risky ? 1.5f : 12f;
                jdbc.sql(
                        "insert into feature_snapshots (udise_code, as_of, features) values (:u, :d, cast(:f as real[]))")
                    .param("u", udise)
                    .param("d", first.plusDays(d))
                    .param("f", "{" + String.join(",", Arrays.stream(f).map(String::valueOf).toList()) + "}")
                    .update();
            }
        }
        Map<String, Object> trained = finished(
                post(TestTokens.admin(), "/api/v1/ml/retrain", Map.of()).getHeaders().getLocation().toString());
        assertThat(trained).containsEntry("status", "SUCCEEDED").containsEntry("progress", 100);
        String version = (String) trained.get("version");
        Map<String, Object> model = get(TestTokens.admin(), "/api/v1/ml/models/school-risk/" + version).getBody();
        assertThat((Map<String, Double>) model.get("metrics")).containsKeys("accuracy", "precision", "recall", "f1",
                "rocAuc", "prAuc", "brier", "truePositives", "falseNegatives", "importance.stock_days_left",
                "randomForest.rocAuc");
        assertThat(((Map<String, Double>) model.get("metrics")).get("rocAuc")).isGreaterThan(0.8);
        assertThat(jdbc.sql("select count(*) from model_artifacts where version = :v and length(artifact_sha256) = 64")
            .param("v", version)
            .query(Long.class)
            .single()).isEqualTo(1);
        List<String> actions = jdbc.sql("select action from model_audit where version = :v order by id")
            .param("v", version)
            .query(String.class)
            .list();
        assertThat(actions.getFirst()).isEqualTo("REGISTERED");
        assertThat(actions).containsAnyOf("PROMOTED", "REJECTED");
        assertThat(model.get("status")).isEqualTo(actions.contains("PROMOTED") ? "ACTIVE" : "CANDIDATE");
    }

    private Map<String, Object> finished(String location) {
        return await().atMost(Duration.ofSeconds(120))
            .until(() -> get(TestTokens.admin(), location).getBody(), j -> !"RUNNING".equals(j.get("status")));
    }

    private void register(String version, RiskTrainer.Result result) {
        byte[] artifact = result.model().toBytes();
        registry.register(new ModelRegistry.Registration(RiskSettings.MODEL, version, "xgboost-gbt+isotonic",
                result.metrics(), result.split().train().length, artifact, RiskModel.sha256(artifact),
                Arrays.asList(Feature.keys()), LocalDate.ofEpochDay(result.split().trainFrom()),
                LocalDate.ofEpochDay(result.split().trainTo()), LocalDate.ofEpochDay(result.split().testFrom()),
                LocalDate.ofEpochDay(result.split().testTo())), "test");
    }

    private static DailyMealReported meal(String udise, LocalDate day, String reason) {
        return new DailyMealReported(DomainEvent.newId(), at(day), udise, day, 70, 18, reason == null ? 88 : 0, reason,
                "SMS");
    }

    private static Instant at(LocalDate day) {
        return day.atTime(8, 0).toInstant(ZoneOffset.UTC);
    }

    private void send(String topic, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    private ResponseEntity<Map> post(String token, String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, TestTokens.bearer(token)), Map.class);
    }

    private ResponseEntity<Map> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
