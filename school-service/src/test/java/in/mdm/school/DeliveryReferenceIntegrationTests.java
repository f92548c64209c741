package in.mdm.school;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduling a delivery with a client reference is idempotent: the same request again is
 * the same delivery.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class DeliveryReferenceIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    void school(String udise, String district, String block) {
        assertThat(
                admin()
                    .post("/api/v1/schools",
                            """
                                    {"udiseCode":"%s","name":"School %s","districtCode":"%s","blockCode":"%s","category":"PRIMARY",
                                     "management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                                .formatted(udise, udise, district, block))
                    .getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }

    String supplier() {
        return (String) admin()
            .post("/api/v1/suppliers",
                    """
                            {"code":"SUP-%s","name":"Civil Supplies","kind":"CIVIL_SUPPLIES_CORPORATION"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8)))
            .getBody()
            .get("id");
    }

    static String delivery(String supplier, String udise, String kg, LocalDate promised, String reference) {
        return """
                {"supplierId":"%s","udiseCode":"%s","commodity":"RICE","quantityKg":%s,"promisedDate":"%s","clientReference":%s}"""
            .formatted(supplier, udise, kg, promised, reference == null ? "null" : "\"" + reference + "\"");
    }

    int deliveriesTo(String udise) {
        return jdbc.sql("select count(*) from deliveries where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single();
    }

    @Test
    void theSameRequestAgainAnswersTheDeliveryItScheduledWith200AndCreatesNoSecond() {
        String udise = "33080100001";
        school(udise, "569", "6114");
        String supplier = supplier();
        String reference = UUID.randomUUID().toString();
        Api officer = Api.as(http, TestTokens.officer("569"));

        ResponseEntity<Map> first = officer.post("/api/v1/deliveries",
                delivery(supplier, udise, "120.5", TODAY.plusDays(2), reference));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("clientReference", reference).containsEntry("status", "SCHEDULED");
        String id = (String) first.getBody().get("id");
        assertThat(first.getHeaders().getLocation()).hasToString("/api/v1/deliveries/" + id);

        // sent again (e.g. the answer was lost), with the quantity written differently
        // but equal, and by an admin
        ResponseEntity<Map> again = officer.post("/api/v1/deliveries",
                delivery(supplier, udise, "120.500", TODAY.plusDays(2), reference));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("id", id);
        assertThat(admin().post("/api/v1/deliveries", delivery(supplier, udise, "120.5", TODAY.plusDays(2), reference))
            .getBody()).containsEntry("id", id);
        assertThat(deliveriesTo(udise)).isOne();

        // after the receipt, the repeat answers the received delivery (a loader run twice
        // skips the receipt)
        assertThat(Api.as(http, TestTokens.school(udise))
            .post("/api/v1/deliveries/" + id + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":120.5}".formatted(TODAY))
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> afterReceipt = officer.post("/api/v1/deliveries",
                delivery(supplier, udise, "120.5", TODAY.plusDays(2), reference));
        assertThat(afterReceipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(afterReceipt.getBody()).containsEntry("id", id).containsEntry("status", "RECEIVED");
        assertThat(deliveriesTo(udise)).isOne();
        assertThat(jdbc.sql("select count(*) from stock_ledger where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single()).as("one receipt in the ledger").isOne();

        // without a reference every request is a new delivery, as before
        assertThat(officer.post("/api/v1/deliveries", delivery(supplier, udise, "10", TODAY, null)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertThat(officer.post("/api/v1/deliveries", delivery(supplier, udise, "10", TODAY, null)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertThat(deliveriesTo(udise)).isEqualTo(3);
    }

    @Test
    void theSameRequestSentFourTimesAtOnceSchedulesOneDelivery() throws Exception {
        String udise = "33080100005";
        school(udise, "569", "6114");
        String body = delivery(supplier(), udise, "33.3", TODAY.plusDays(1), UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<Map>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> admin().post("/api/v1/deliveries", body));
            }
            List<ResponseEntity<Map>> answers = new ArrayList<>();
            for (Future<ResponseEntity<Map>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(answers).extracting(a -> a.getBody().get("id")).containsOnly(answers.get(0).getBody().get("id"));
            assertThat(deliveriesTo(udise)).isOne();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameReferenceWithOtherContentIsAConflictAndAnotherSupplierMayUseIt() {
        String udise = "33080100002";
        String other = "33080100003";
        school(udise, "569", "6114");
        school(other, "569", "6114");
        String supplier = supplier();
        String reference = "TNCSC/2026/11/0042";
        assertThat(
                admin().post("/api/v1/deliveries", delivery(supplier, udise, "50", TODAY, reference)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);

        assertProblem(admin().post("/api/v1/deliveries", delivery(supplier, udise, "50.001", TODAY, reference)),
                HttpStatus.CONFLICT, "delivery.client-reference-conflict");
        assertProblem(admin().post("/api/v1/deliveries", delivery(supplier, udise, "50", TODAY.plusDays(1), reference)),
                HttpStatus.CONFLICT, "delivery.client-reference-conflict");
        assertProblem(admin().post("/api/v1/deliveries", delivery(supplier, other, "50", TODAY, reference)),
                HttpStatus.CONFLICT, "delivery.client-reference-conflict");
        assertProblem(
                admin().post("/api/v1/deliveries",
                        delivery(supplier, udise, "50", TODAY, reference).replace("RICE", "WHEAT")),
                HttpStatus.CONFLICT, "delivery.client-reference-conflict");
        assertThat(deliveriesTo(udise)).isOne();
        assertThat(deliveriesTo(other)).isZero();

        // the reference is the supplier's: another supplier's delivery with the same
        // reference is its own
        assertThat(
                admin().post("/api/v1/deliveries", delivery(supplier(), udise, "50", TODAY, reference)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertThat(deliveriesTo(udise)).isEqualTo(2);

        ResponseEntity<Map> tooLong = admin().post("/api/v1/deliveries",
                delivery(supplier, udise, "50", TODAY, "x".repeat(65)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("clientReference");
        ResponseEntity<Map> blank = admin().post("/api/v1/deliveries", delivery(supplier, udise, "50", TODAY, "a b"));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().toString()).contains("clientReference");
    }

    @Test
    void aReferenceDoesNotOpenAnotherJurisdiction() {
        String udise = "33080100004";
        school(udise, "569", "6114");
        String supplier = supplier();
        String reference = UUID.randomUUID().toString();
        String body = delivery(supplier, udise, "75", TODAY, reference);
        ResponseEntity<Map> first = Api.as(http, TestTokens.officer("569")).post("/api/v1/deliveries", body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // another district's officer repeating the very request learns nothing: the
        // school is not there for it
        assertProblem(Api.as(http, TestTokens.officer("568")).post("/api/v1/deliveries", body), HttpStatus.NOT_FOUND,
                "school.not-found");
        assertProblem(Api.as(http, TestTokens.blockOfficer("6112")).post("/api/v1/deliveries", body),
                HttpStatus.NOT_FOUND, "school.not-found");
        assertProblem(Api.as(http, TestTokens.officer("568")).get("/api/v1/deliveries/" + first.getBody().get("id")),
                HttpStatus.NOT_FOUND, "delivery.not-found");
        assertThat(Api.as(http, TestTokens.school(udise)).post("/api/v1/deliveries", body).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, TestTokens.blockOfficer("6114")).post("/api/v1/deliveries", body).getBody())
            .containsEntry("id", first.getBody().get("id"));
        assertThat(deliveriesTo(udise)).isOne();
    }

}
