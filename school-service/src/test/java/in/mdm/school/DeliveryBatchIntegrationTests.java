package in.mdm.school;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/deliveries/batch}: many deliveries (each with its receipt when it
 * arrived) in one transaction, every item answered as the single endpoints would.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class DeliveryBatchIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    static final String BATCH = "/api/v1/deliveries/batch";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    void school(String udise) {
        assertThat(
                admin()
                    .post("/api/v1/schools",
                            """
                                    {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6114","category":"PRIMARY",
                                     "management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                                .formatted(udise, udise))
                    .getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }

    String kitchen() {
        return (String) admin()
            .post("/api/v1/kitchens",
                    """
                            {"name":"Batch Kitchen %s","districtCode":"569","blockCode":"6114","capacityMeals":2000}"""
                        .formatted(UUID.randomUUID()))
            .getBody()
            .get("id");
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

    /** An item to a school or ({@code kitchen} not null) to a kitchen. */
    static String item(String supplier, String udise, String kitchen, String kg, LocalDate promised, String reference,
            LocalDate receivedOn) {
        String target = kitchen != null ? "\"kitchenId\":\"" + kitchen + "\"" : "\"udiseCode\":\"" + udise + "\"";
        return """
                {"supplierId":"%s",%s,"commodity":"RICE","quantityKg":%s,"promisedDate":"%s","clientReference":%s%s}"""
            .formatted(supplier, target, kg, promised, reference == null ? "null" : "\"" + reference + "\"",
                    receivedOn == null ? ""
                            : ",\"receipt\":{\"receivedOn\":\"%s\",\"quantityKg\":%s}".formatted(receivedOn, kg));
    }

    static String batch(String... items) {
        return "{\"deliveries\":[" + String.join(",", items) + "]}";
    }

    int deliveriesFrom(String supplier) {
        return jdbc.sql("select count(*) from deliveries where supplier_id = :s")
            .param("s", UUID.fromString(supplier))
            .query(Integer.class)
            .single();
    }

    BigDecimal kitchenRice(String kitchen) {
        return jdbc.sql("select quantity_kg from kitchen_stock_balances where kitchen_id = :k and commodity = 'RICE'")
            .param("k", UUID.fromString(kitchen))
            .query(BigDecimal.class)
            .optional()
            .orElse(BigDecimal.ZERO);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(ResponseEntity<Map> answer) {
        return (List<Map<String, Object>>) answer.getBody().get("results");
    }

    @Autowired
    in.mdm.school.delivery.DeliveryService deliveries;

    @Test
    void aKitchensLateDeliveryNamesTheKitchenAndNoSchool() {
        String kitchen = kitchen();
        String supplier = supplier();
        ResponseEntity<Map> created = Api.as(http, TestTokens.officer("569"))
            .post(BATCH, batch(item(supplier, null, kitchen, "80", TODAY.minusDays(3), null, null)));
        String id = (String) ((Map<String, Object>) results(created).get(0).get("delivery")).get("id");
        // recorded after its promised date: delayed at once (the hourly check finds
        // nothing more)
        assertThat(deliveries.flagDelayed(TODAY)).isZero();
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.DELIVERIES, kitchen, "in.mdm.school.DeliveryDelayed.v1"))
                        .as("keyed by the kitchen's id")
                        .filteredOn(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(id))
                        .singleElement()
                        .satisfies(r -> assertThat(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("\"kitchenId\":\"" + kitchen + "\"")
                            .contains("\"daysLate\":3")
                            .doesNotContain("\"udiseCode\":\"")));
    }

    @Test
    void everyItemIsAnsweredInOrderCreatedDuplicateOrRejectedWithItsProblem() {
        String udise = "33090100001";
        school(udise);
        String kitchen = kitchen();
        String supplier = supplier();
        String ref = "TNCSC/B/" + UUID.randomUUID();
        Api officer = Api.as(http, TestTokens.officer("569"));

        ResponseEntity<Map> first = officer.post(BATCH, batch(
                // 0: to the kitchen, received the day before
                item(supplier, null, kitchen, "200", TODAY.minusDays(2), ref + "/1", TODAY.minusDays(1)),
                // 1: to the school, not arrived yet
                item(supplier, udise, null, "50", TODAY.plusDays(1), ref + "/2", null),
                // 2: the same reference as item 1 again in the same batch
                item(supplier, udise, null, "50.000", TODAY.plusDays(1), ref + "/2", null),
                // 3: the same reference with other content
                item(supplier, udise, null, "51", TODAY.plusDays(1), ref + "/2", null),
                // 4: both targets
                "{\"supplierId\":\"%s\",\"udiseCode\":\"%s\",\"kitchenId\":\"%s\",\"commodity\":\"RICE\",\"quantityKg\":1,\"promisedDate\":\"%s\"}"
                    .formatted(supplier, udise, kitchen, TODAY),
                // 5: unknown supplier
                item(UUID.randomUUID().toString(), udise, null, "5", TODAY, null, null),
                // 6: unknown school
                item(supplier, "33090199999", null, "5", TODAY, null, null),
                // 7: unknown kitchen
                item(supplier, null, UUID.randomUUID().toString(), "5", TODAY, null, null),
                // 8: a receipt tomorrow
                item(supplier, udise, null, "5", TODAY, ref + "/8", TODAY.plusDays(1)),
                // 9: without a reference, received today
                item(supplier, udise, null, "30", TODAY, null, TODAY)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("created", 3)
            .containsEntry("duplicates", 1)
            .containsEntry("rejected", 6);
        List<Map<String, Object>> results = results(first);
        assertThat(results).extracting(r -> r.get("status"))
            .containsExactly("CREATED", "CREATED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                    "REJECTED", "REJECTED", "CREATED");
        assertThat(results).extracting(r -> r.get("code"))
            .containsExactly(null, null, null, "delivery.client-reference-conflict", "delivery.one-target",
                    "delivery.unknown-supplier", "school.not-found", "kitchen.not-found", "delivery.future-receipt",
                    null);
        assertThat((String) results.get(3).get("detail")).startsWith("clientReference: ");
        assertThat((String) results.get(8).get("detail")).isEqualTo("receivedOn: after today");
        Map<String, Object> received = (Map<String, Object>) results.get(0).get("delivery");
        assertThat(received).containsEntry("status", "RECEIVED")
            .containsEntry("kitchenId", kitchen)
            .containsEntry("receivedOn", TODAY.minusDays(1).toString())
            .containsEntry("clientReference", ref + "/1");
        assertThat(results.get(0)).containsEntry("clientReference", ref + "/1");
        Map<String, Object> scheduled = (Map<String, Object>) results.get(1).get("delivery");
        assertThat(scheduled).containsEntry("status", "SCHEDULED");
        assertThat(((Map<String, Object>) results.get(2).get("delivery"))).containsEntry("id", scheduled.get("id"));
        assertThat(deliveriesFrom(supplier)).isEqualTo(3);
        // receipts entered the kitchen's and the school's ledgers
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("200");
        assertThat(jdbc.sql("select count(*) from stock_ledger where udise_code = :u and kind = 'RECEIPT'")
            .param("u", udise)
            .query(Integer.class)
            .single()).isOne();
        // the single endpoint finds the batch's deliveries
        assertThat(officer.get("/api/v1/deliveries/" + received.get("id")).getBody()).containsEntry("status",
                "RECEIVED");

        // the same batch again (a loader run twice): the referenced ones are duplicates,
        // their receipts not posted twice; item 1 now receives its receipt
        ResponseEntity<Map> again = officer.post(BATCH,
                batch(item(supplier, null, kitchen, "200", TODAY.minusDays(2), ref + "/1", TODAY.minusDays(1)),
                        item(supplier, udise, null, "50", TODAY.plusDays(1), ref + "/2", TODAY),
                        item(supplier, null, kitchen, "200", TODAY.minusDays(2), ref + "/1", TODAY)));
        assertThat(again.getBody()).containsEntry("created", 0)
            .containsEntry("duplicates", 2)
            .containsEntry("rejected", 1);
        assertThat(results(again)).extracting(r -> r.get("status"))
            .containsExactly("DUPLICATE", "DUPLICATE", "REJECTED");
        assertThat(results(again).get(1).get("delivery"))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("status", "RECEIVED")
            .containsEntry("id", scheduled.get("id"));
        assertThat(results(again).get(2)).containsEntry("code", "delivery.already-received");
        assertThat(deliveriesFrom(supplier)).isEqualTo(3);
        assertThat(kitchenRice(kitchen)).as("the receipt entered once").isEqualByComparingTo("200");
        assertThat(jdbc.sql("select count(*) from stock_ledger where udise_code = :u and kind = 'RECEIPT'")
            .param("u", udise)
            .query(Integer.class)
            .single()).isEqualTo(2);
        // each receipt told once, placed and timed: the kitchen's a day late, the
        // school's early
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.DELIVERIES, (String) received.get("id"),
                    "in.mdm.school.DeliveryReceived.v1"))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"kitchenId\":\"" + kitchen + "\"")
                    .contains("\"districtCode\":\"")
                    .contains("\"onTime\":false")));
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.DELIVERIES, (String) scheduled.get("id"),
                    "in.mdm.school.DeliveryReceived.v1"))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"udiseCode\":\"" + udise + "\"")
                    .contains("\"onTime\":true")));
    }

    @Test
    void aDatabaseFailureRollsTheWholeBatchBack() {
        String kitchen = kitchen();
        String supplier = supplier();
        // the database refuses one quantity, as a failing disk or a lost connection would
        // refuse a write
        jdbc.sql("""
                create or replace function deliveries_refuse_test() returns trigger language plpgsql as $$
                begin raise exception 'refused for the test'; end $$""").update();
        jdbc.sql("""
                create trigger deliveries_refuse_test before insert on deliveries for each row
                when (new.quantity_kg = 777.777) execute function deliveries_refuse_test()""").update();
        try {
            ResponseEntity<Map> answer = admin().post(BATCH,
                    batch(item(supplier, null, kitchen, "100", TODAY, "R-1", TODAY),
                            item(supplier, null, kitchen, "777.777", TODAY, "R-2", null)));
            assertThat(answer.getStatusCode().is5xxServerError() || answer.getStatusCode().is4xxClientError()).isTrue();
        }
        finally {
            jdbc.sql("drop trigger deliveries_refuse_test on deliveries").update();
            jdbc.sql("drop function deliveries_refuse_test()").update();
        }
        assertThat(deliveriesFrom(supplier)).as("nothing stored").isZero();
        assertThat(kitchenRice(kitchen)).as("no receipt posted").isZero();

        // and the same batch goes in once the database takes it
        ResponseEntity<Map> retried = admin().post(BATCH,
                batch(item(supplier, null, kitchen, "100", TODAY, "R-1", TODAY),
                        item(supplier, null, kitchen, "777.777", TODAY, "R-2", null)));
        assertThat(retried.getBody()).containsEntry("created", 2);
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("100");
    }

    @Test
    void anotherJurisdictionsItemsAreRejectedAsNotFoundAndTheRolesAreThoseOfSchedulingDeliveries() {
        String udise = "33090100002";
        school(udise);
        String kitchen = kitchen();
        String supplier = supplier();
        String body = batch(item(supplier, udise, null, "10", TODAY, null, TODAY),
                item(supplier, null, kitchen, "10", TODAY, null, null));

        ResponseEntity<Map> elsewhere = Api.as(http, TestTokens.officer("568")).post(BATCH, body);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(results(elsewhere)).extracting(r -> r.get("code"))
            .containsExactly("school.not-found", "kitchen.not-found");
        assertThat(Api.as(http, TestTokens.blockOfficer("6112")).post(BATCH, body).getBody()).containsEntry("rejected",
                2);
        assertThat(deliveriesFrom(supplier)).isZero();

        assertThat(Api.as(http, TestTokens.school(udise)).post(BATCH, body).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, null).post(BATCH, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(Api.as(http, TestTokens.blockOfficer("6114")).post(BATCH, body).getBody()).containsEntry("created",
                2);
        assertThat(deliveriesFrom(supplier)).isEqualTo(2);
    }

    @Test
    void anEmptyBatchOrOneOfMoreThan500IsABadRequest() {
        String supplier = supplier();
        assertProblem(admin().post(BATCH, "{\"deliveries\":[]}"), HttpStatus.BAD_REQUEST, "request.invalid");
        assertProblem(admin().post(BATCH, "{}"), HttpStatus.BAD_REQUEST, "request.invalid");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add(item(supplier, "33090100003", null, "1", TODAY, null, null));
        }
        ResponseEntity<Map> tooMany = admin().post(BATCH, batch(items.toArray(String[]::new)));
        assertProblem(tooMany, HttpStatus.BAD_REQUEST, "request.invalid");
        assertThat(tooMany.getBody().toString()).contains("deliveries");
        // an item's field out of bounds is the whole request's 400, as for meal reports
        ResponseEntity<Map> negative = admin().post(BATCH,
                batch(item(supplier, "33090100003", null, "-1", TODAY, null, null)));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().toString()).contains("quantityKg");
        assertThat(deliveriesFrom(supplier)).isZero();
    }

}
