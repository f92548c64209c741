package in.mdm.school;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.AcademicYear;
import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meal reports in bulk: batches stored set-based in one transaction, aggregator files as
 * jobs, consumption from a kitchen's stock and KitchenStockLow, the SMS batch webhook.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class MealBulkIntegrationTests {

    static final String MEAL = "in.mdm.school.DailyMealReported.v1";

    static final String KITCHEN_LOW = "in.mdm.school.KitchenStockLow.v1";

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    void school(String udise, String kitchen) {
        String kitchenField = kitchen == null ? "" : ",\"kitchenId\":\"" + kitchen + "\"";
        assertThat(
                admin()
                    .post("/api/v1/schools",
                            """
                                    {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6116",
                                     "category":"PRIMARY_WITH_UPPER_PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL",
                                     "headmasterPhone":"+9198%s"%s}"""
                                .formatted(udise, udise, udise.substring(3), kitchenField))
                    .getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        admin().put("/api/v1/schools/" + udise + "/enrollments/" + AcademicYear.of(TODAY),
                "{\"primary\":50,\"upperPrimary\":40}");
    }

    String kitchen(String name, int riceKg) {
        String kitchen = (String) admin()
            .post("/api/v1/kitchens",
                    "{\"name\":\"%s\",\"districtCode\":\"569\",\"blockCode\":\"6116\",\"capacityMeals\":2000}"
                        .formatted(name))
            .getBody()
            .get("id");
        String adjustment = "{\"commodity\":\"RICE\",\"quantityKg\":%d,\"reason\":\"opening balance\"}"
            .formatted(riceKg);
        assertThat(admin()
            .exchange(HttpMethod.POST, "/api/v1/stock/kitchens/" + kitchen + "/adjustments", adjustment, List.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        return kitchen;
    }

    static String report(UUID clientId, String udise, LocalDate date, int primary, int upper, int meals,
            String reason) {
        return """
                {"clientReportId":%s,"udiseCode":"%s","date":"%s","attendancePrimary":%d,"attendanceUpperPrimary":%d,
                 "mealsServed":%d,"noMealReason":%s}""".formatted(clientId == null ? "null" : "\"" + clientId + "\"",
                udise, date, primary, upper, meals, reason == null ? "null" : "\"" + reason + "\"");
    }

    BigDecimal kitchenRice(String kitchen) {
        return jdbc.sql(
                "select quantity_kg from kitchen_stock_balances where kitchen_id = cast(:k as uuid) and commodity = 'RICE'")
            .param("k", kitchen)
            .query(BigDecimal.class)
            .single();
    }

    int count(String sql, String param) {
        return jdbc.sql(sql).param("p", param).query(Integer.class).single();
    }

    ResponseEntity<Map> bulk(String token, String body, MediaType type) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(type);
        return http.exchange("/api/v1/meals/reports/bulk", HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    Map<String, Object> finished(ResponseEntity<Map> accepted) {
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> List.of("SUCCEEDED", "FAILED").contains(admin().get(location).getBody().get("status")));
        return admin().get(location).getBody();
    }

    @Test
    void aBatchStoresItsGoodReportsOnceAndAnswersEachInOrder() {
        String a = "33059100001";
        String b = "33059100002";
        school(a, null);
        school(b, null);
        UUID first = UUID.randomUUID();
        String batch = "{\"reports\":[" + String.join(",", report(first, a, TODAY.minusDays(3), 40, 30, 70, null),
                report(first, a, TODAY.minusDays(3), 40, 30, 70, null), // the same report
                                                                        // twice
                report(UUID.randomUUID(), a, TODAY.minusDays(3), 1, 1, 2, null), // a
                                                                                 // second
                                                                                 // report
                                                                                 // of the
                                                                                 // day
                report(UUID.randomUUID(), "33059199999", TODAY.minusDays(3), 1, 1, 2, null), // no
                                                                                             // such
                                                                                             // school
                report(UUID.randomUUID(), b, TODAY.plusDays(2), 1, 1, 2, null), // in the
                                                                                // future
                report(first, b, TODAY.minusDays(3), 1, 1, 2, null), // a's client id for
                                                                     // another school
                report(UUID.randomUUID(), b, TODAY.minusDays(3), 10, 10, 0, null), // no
                                                                                   // meal,
                                                                                   // no
                                                                                   // reason
                report(null, b, TODAY.minusDays(2), 45, 35, 80, null)) + "]}";
        Map<String, Object> answer = Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/meals/reports/batch", batch)
            .getBody();
        assertThat(answer).containsEntry("created", 2).containsEntry("duplicates", 1).containsEntry("rejected", 5);
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertThat(results).extracting(r -> r.get("status"))
            .containsExactly("CREATED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                    "CREATED");
        assertThat(results).extracting(r -> r.get("code"))
            .containsExactly(null, null, "meal.report.duplicate", "school.not-found", "meal.report.future-date",
                    "meal.report.client-id-reused", "meal.report.reason-required", null);
        assertThat(((Map<String, Object>) results.get(1).get("report")).get("id"))
            .isEqualTo(((Map<String, Object>) results.get(0).get("report")).get("id"));
        assertThat(((Map<String, Object>) results.get(7).get("report"))).containsEntry("mealsServed", 80)
            .containsEntry("channel", "APP");

        // sent again: every stored report is a duplicate, nothing new is stored or
        // published
        Map<String, Object> again = Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/meals/reports/batch", batch)
            .getBody();
        assertThat(again).containsEntry("created", 0).containsEntry("duplicates", 2);
        assertThat(count("select count(*) from meal_reports where udise_code like :p", "3305910000%")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Events.of(SchoolTopics.MEALS, a, MEAL)).hasSize(1);
            assertThat(Events.of(SchoolTopics.MEALS, b, MEAL)).hasSize(1);
        });

        // another district's officer: every report is an unknown school
        Map<String, Object> stranger = Api.as(http, TestTokens.officer("578"))
            .post("/api/v1/meals/reports/batch",
                    "{\"reports\":[" + report(null, a, TODAY.minusDays(1), 1, 1, 2, null) + "]}")
            .getBody();
        assertThat(stranger).containsEntry("rejected", 1);
        assertProblem(
                Api.as(http, TestTokens.officer("569"))
                    .post("/api/v1/meals/reports/batch", "{\"reports\":[" + ",{}".repeat(501).substring(1) + "]}"),
                HttpStatus.BAD_REQUEST, "request.invalid");
    }

    @Test
    void aBatchThatFailsMidwayStoresNothingOfItself() {
        String kitchen = kitchen("Failing Kitchen", 500);
        String a = "33059100011";
        String b = "33059100012";
        school(a, kitchen);
        school(b, null);
        // the kitchen's ledger refuses its next entry, after the batch's reports are
        // inserted
        jdbc.sql("""
                create or replace function refuse_kitchen_entry() returns trigger language plpgsql as $$
                begin
                    if new.kitchen_id = '%s' then
                        raise exception 'deadlock stand-in' using errcode = '40P01';
                    end if;
                    return new;
                end $$""".formatted(kitchen)).update();
        jdbc.sql("""
                create trigger refuse_kitchen_entry before insert on kitchen_stock_ledger
                for each row execute function refuse_kitchen_entry()""").update();
        try {
            ResponseEntity<Map> failed = Api.as(http, TestTokens.officer("569"))
                .post("/api/v1/meals/reports/batch",
                        "{\"reports\":["
                                + String.join(",", report(UUID.randomUUID(), b, TODAY.minusDays(1), 40, 30, 70, null),
                                        report(UUID.randomUUID(), a, TODAY.minusDays(1), 40, 30, 70, null))
                                + "]}");
            assertProblem(failed, HttpStatus.SERVICE_UNAVAILABLE, "service.busy");
            assertThat(failed.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        }
        finally {
            jdbc.sql("drop trigger refuse_kitchen_entry on kitchen_stock_ledger").update();
        }
        assertThat(count("select count(*) from meal_reports where udise_code like :p", "3305910001%")).isZero();
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("500");

        // the same batch again, now that the database takes it, is stored whole
        Map<String, Object> stored = Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/meals/reports/batch",
                    "{\"reports\":[" + String.join(",", report(null, b, TODAY.minusDays(1), 40, 30, 70, null),
                            report(null, a, TODAY.minusDays(1), 40, 30, 70, null)) + "]}")
            .getBody();
        assertThat(stored).containsEntry("created", 2);
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("491.5");
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.MEALS, a, MEAL)).hasSize(1));
    }

    @Test
    void anAggregatorsFileIsAJobThatDrawsTheKitchensStockAndChangesNothingTheSecondTime() {
        // two schools cook at one kitchen: 2 × (50 × 100 g + 40 × 150 g) = 22 kg of rice
        // a
        // day for their enrollment, so 154 kg is 7 days: 200 kg is ADEQUATE
        String kitchen = kitchen("Bulk Kitchen", 200);
        String a = "33059100021";
        String b = "33059100022";
        school(a, kitchen);
        school(b, kitchen);
        StringBuilder csv = new StringBuilder(
                "UDISE_CODE,Date,attendance_primary,attendance_upper_primary," + "meals_served,no_meal_reason,extra\n");
        for (int day = 10; day >= 7; day--) {
            // each school feeds 40 + 30 children: 8.5 kg, 17 kg a day for the kitchen
            csv.append(a + "," + TODAY.minusDays(day) + ",40,30,70,,x\n");
            csv.append(b + "," + TODAY.minusDays(day) + ",40,30,70,,x\n");
        }
        csv.append("33059199999," + TODAY.minusDays(7) + ",1,1,2,,\n"); // line 10: no
                                                                        // such school
        csv.append(a + "," + TODAY.minusDays(6) + ",forty,30,70,,\n"); // line 11: not a
                                                                       // number
        csv.append(a + "," + TODAY.minusDays(10) + ",1,1,2,,\n"); // line 12: other
                                                                  // figures for a day
        csv.append(b + ",yesterday,1,1,2,,\n"); // line 13: not a date
        csv.append(b + "," + TODAY.minusDays(6) + ",10,10,0,,\n"); // line 14: no meal, no
                                                                   // reason

        Map<String, Object> job = finished(
                bulk(TestTokens.admin(), csv.toString(), MediaType.parseMediaType("text/csv")));
        assertThat(job).containsEntry("status", "SUCCEEDED")
            .containsEntry("format", "CSV")
            .containsEntry("channel", "IVRS")
            .containsEntry("rowsRead", 13)
            .containsEntry("created", 8)
            .containsEntry("duplicates", 0)
            .containsEntry("rejected", 5)
            .containsEntry("progress", 100);
        // 200 - 4 × 17 = 132 kg, 6.0 days: LOW since the third day, published once
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("132");
        assertThat(count("select count(*) from kitchen_stock_ledger where kitchen_id = cast(:p as uuid) "
                + "and kind = 'CONSUMPTION'", kitchen))
            .isEqualTo(4);
        assertThat(count("select count(*) from stock_balances where udise_code like :p", "3305910002%"))
            .as("the schools keep no stock of their own")
            .isZero();
        String rejects = http
            .exchange((String) job.get("rejectsUrl"), HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), String.class)
            .getBody();
        assertThat(rejects.lines().toList()).hasSize(6).first().isEqualTo("line,udise_code,date,code,detail");
        assertThat(rejects).contains("10,33059199999," + TODAY.minusDays(7) + ",school.not-found")
            .contains("11," + a + "," + TODAY.minusDays(6) + ",meal.bulk.bad-row,attendancePrimary: forty")
            .contains("12," + a + "," + TODAY.minusDays(10) + ",meal.report.duplicate")
            .contains("13," + b + ",yesterday,meal.bulk.bad-row")
            .contains("14," + b + "," + TODAY.minusDays(6) + ",meal.report.reason-required");

        // the same file again: identical rows are duplicates; nothing is stored, posted
        // or
        // published
        Map<String, Object> again = finished(
                bulk(TestTokens.admin(), csv.toString(), MediaType.parseMediaType("text/csv")));
        assertThat(again).containsEntry("created", 0).containsEntry("duplicates", 8).containsEntry("rejected", 5);
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("132");
        assertThat(count("select count(*) from kitchen_stock_ledger where kitchen_id = cast(:p as uuid)", kitchen))
            .isEqualTo(5);
        assertThat(count("select count(*) from meal_reports where udise_code like :p", "3305910002%")).isEqualTo(8);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Events.of(SchoolTopics.MEALS, a, MEAL)).hasSize(4);
            assertThat(Events.of(SchoolTopics.STOCK, kitchen, KITCHEN_LOW)).singleElement()
                .satisfies(event -> assertThat(new String(event.value(), StandardCharsets.UTF_8))
                    .contains("\"status\":\"LOW\"")
                    .contains("\"schools\":[\"" + a + "\",\"" + b + "\"]")
                    .contains("\"districtCode\":\"569\""));
        });

        // a correction draws the difference from the kitchen
        String id = jdbc.sql("select cast(id as text) from meal_reports where udise_code = :p and report_date = :d")
            .param("p", a)
            .param("d", TODAY.minusDays(7))
            .query(String.class)
            .single();
        assertThat(Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/meals/reports/" + id + "/corrections",
                    "{\"attendancePrimary\":40,\"attendanceUpperPrimary\":0,\"mealsServed\":40,\"reason\":\"recount\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        // 30 upper primary children fewer: 30 × 150 g = 4.5 kg back
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("136.5");
    }

    @Test
    void jsonLinesComeFromAMachineClientWithTheScopeAndBadFilesAreRefused() {
        String a = "33059100031";
        school(a, null);
        String lines = report(null, a, TODAY.minusDays(2), 40, 30, 70, null).replace("\n", "") + "\n\n" + "not json\n"
                + report(null, a, TODAY.minusDays(1), 0, 0, 0, "NO_COOK").replace("\n", "") + "\n"
                + "{\"udiseCode\":\"123\",\"date\":\"" + TODAY + "\"}\n";
        String ams = TestTokens.machine("ams-aggregator", "meals:write");
        Map<String, Object> job = finished(bulk(ams, lines, MediaType.parseMediaType("application/x-ndjson")));
        assertThat(job).containsEntry("status", "SUCCEEDED")
            .containsEntry("format", "JSON_LINES")
            .containsEntry("requestedBy", "ams-aggregator")
            .containsEntry("created", 2)
            .containsEntry("rejected", 2);
        String rejects = http
            .exchange((String) job.get("rejectsUrl"), HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(ams)),
                    String.class)
            .getBody();
        assertThat(rejects).contains("3,,,meal.bulk.bad-row,")
            .contains("5,123," + TODAY + ",meal.bulk.bad-row,attendancePrimary: must not be null");

        Map<String, Object> listed = Api.as(http, ams)
            .get("/api/v1/meals/reports/bulk?status=SUCCEEDED&size=5")
            .getBody();
        assertThat((List<Map<String, Object>>) listed.get("items")).extracting(j -> j.get("id"))
            .contains(job.get("id"));
        assertProblem(Api.as(http, ams).get("/api/v1/meals/reports/bulk?status=DONE"), HttpStatus.BAD_REQUEST,
                "request.invalid");
        assertProblem(Api.as(http, ams).get("/api/v1/meals/reports/bulk/" + UUID.randomUUID()), HttpStatus.NOT_FOUND,
                "meal.bulk.not-found");

        assertThat(bulk(TestTokens.school(a), lines, MediaType.parseMediaType("application/x-ndjson")).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bulk(TestTokens.machine("udise", "schools:import"), lines,
                MediaType.parseMediaType("application/x-ndjson"))
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(
                bulk(TestTokens.admin(), "udise_code,date,meals_served\n1,2,3\n", MediaType.parseMediaType("text/csv")),
                HttpStatus.BAD_REQUEST, "meal.bulk.bad-header");
        assertProblem(bulk(TestTokens.admin(), "", MediaType.parseMediaType("text/csv")), HttpStatus.BAD_REQUEST,
                "meal.bulk.empty");
        assertProblem(
                bulk(TestTokens.admin(), "udise_code,date,attendance_primary,attendance_upper_primary,meals_served\n",
                        MediaType.parseMediaType("text/csv")),
                HttpStatus.BAD_REQUEST, "meal.bulk.empty");
    }

    @Test
    void anSmsAggregatorForwardsMessagesAtOnce() {
        String a = "33059100041";
        school(a, null);
        String body = """
                {"messages":[
                  {"from":"+919859100041","message":"MDM %s 45 30","receivedAt":"%sT03:00:00Z"},
                  {"from":"+919859100041","message":"MDM %s 45 31","receivedAt":"%sT04:00:00Z"},
                  {"from":"+919859100041","message":"MDM 3305 forty"},
                  {"from":"+919999999999","message":"MDM %s 1 1","receivedAt":"%sT03:00:00Z"}]}""".formatted(a,
                TODAY.minusDays(1), a, TODAY.minusDays(1), a, TODAY.minusDays(2));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Signature", "sha256=" + MealReportIntegrationTests.hmac(body));
        Map<String, Object> answer = http
            .exchange("/api/v1/meals/sms/batch", HttpMethod.POST,
                    new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Map.class)
            .getBody();
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertThat(results).extracting(r -> r.get("status"))
            .containsExactly("ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED");
        assertThat((String) results.get(0).get("reply")).contains("75 meals");
        assertThat((String) results.get(3).get("reply")).contains("registered number");
        assertThat(count("select count(*) from meal_sms_messages where message like :p", "%" + a + "%")).isEqualTo(3);
        assertThat(count("select count(*) from meal_reports where udise_code = :p", a)).isEqualTo(1);

        headers.set("X-Signature", "sha256=" + "00".repeat(32));
        assertProblem(
                http.exchange("/api/v1/meals/sms/batch", HttpMethod.POST,
                        new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), Map.class),
                HttpStatus.UNAUTHORIZED, "meal.sms.bad-signature");
        String empty = "{\"messages\":[]}";
        headers.set("X-Signature", "sha256=" + MealReportIntegrationTests.hmac(empty));
        assertProblem(
                http.exchange("/api/v1/meals/sms/batch", HttpMethod.POST,
                        new HttpEntity<>(empty.getBytes(StandardCharsets.UTF_8), headers), Map.class),
                HttpStatus.BAD_REQUEST, "meal.sms.invalid");
    }

    @Test
    void deliveriesAndTransfersForAKitchenFedSchoolLandWhereItsMealsAreCooked() {
        String kitchen = kitchen("Receiving Kitchen", 100);
        String fed = "33059100051";
        String own = "33059100052";
        school(fed, kitchen);
        school(own, null);
        String supplier = (String) admin().post("/api/v1/suppliers", """
                {"code":"TNCSC-BULK","name":"Civil Supplies","kind":"CIVIL_SUPPLIES_CORPORATION"}""")
            .getBody()
            .get("id");
        String delivery = (String) admin().post("/api/v1/deliveries",
                "{\"supplierId\":\"%s\",\"udiseCode\":\"%s\",\"commodity\":\"RICE\",\"quantityKg\":50,\"promisedDate\":\"%s\"}"
                    .formatted(supplier, fed, TODAY))
            .getBody()
            .get("id");
        assertThat(admin()
            .post("/api/v1/deliveries/" + delivery + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":50}".formatted(TODAY))
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("150");

        // a transfer from the kitchen-fed school to one with its own stock moves the
        // kitchen's rice
        ResponseEntity<Map> moved = Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/stock/transfers", """
                    {"from":"%s","to":"%s","commodity":"RICE","quantityKg":20,"reason":"lend for a week"}"""
                .formatted(fed, own));
        assertThat(moved.getStatusCode().is2xxSuccessful()).as("%s", moved.getBody()).isTrue();
        assertThat(kitchenRice(kitchen)).isEqualByComparingTo("130");
        assertThat(jdbc.sql("select quantity_kg from stock_balances where udise_code = :p and commodity = 'RICE'")
            .param("p", own)
            .query(BigDecimal.class)
            .single()).isEqualByComparingTo("20");
        assertThat(count("select count(*) from stock_balances where udise_code = :p", fed)).isZero();
    }

}
