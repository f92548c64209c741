package in.mdm.school;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class MealReportIntegrationTests {

    static final String MEAL = "in.mdm.school.DailyMealReported.v1";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    void school(String udise, String district, String block, String phone) {
        ResponseEntity<Map> created = admin().post("/api/v1/schools",
                """
                        {"udiseCode":"%s","name":"School %s","districtCode":"%s","blockCode":"%s","category":"PRIMARY_WITH_UPPER_PRIMARY",
                         "management":"GOVERNMENT","ruralUrban":"RURAL","headmasterName":"HM %s","headmasterPhone":"%s"}"""
                    .formatted(udise, udise, district, block, udise, phone));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    static String report(UUID clientId, String udise, LocalDate date, int primary, int upper, int meals,
            String reason) {
        return """
                {"clientReportId":%s,"udiseCode":"%s","date":"%s","attendancePrimary":%d,"attendanceUpperPrimary":%d,
                 "mealsServed":%d,"noMealReason":%s}""".formatted(clientId == null ? "null" : "\"" + clientId + "\"",
                udise, date, primary, upper, meals, reason == null ? "null" : "\"" + reason + "\"");
    }

    @Test
    void aSchoolReportsItsOwnDayOnceAndTheSameReportAgainIsANoOp() {
        String udise = "33050100001";
        school(udise, "569", "6116", "+919800000001");
        Api headmaster = Api.as(http, TestTokens.school(udise));
        UUID clientId = UUID.randomUUID();
        String body = report(clientId, udise, TODAY.minusDays(1), 40, 30, 70, null);

        ResponseEntity<Map> created = headmaster.post("/api/v1/meals/reports", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("mealsServed", 70)
            .containsEntry("channel", "APP")
            .containsEntry("clientReportId", clientId.toString());
        ResponseEntity<Map> again = headmaster.post("/api/v1/meals/reports", body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("id", created.getBody().get("id"));

        // another report for the same day is a conflict; the event was published once
        assertProblem(
                headmaster.post("/api/v1/meals/reports",
                        report(UUID.randomUUID(), udise, TODAY.minusDays(1), 1, 1, 2, null)),
                HttpStatus.CONFLICT, "meal.report.duplicate");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.MEALS, udise, MEAL)).hasSize(1));

        // a headmaster reports for no other school, and sees it as unknown
        school("33050100002", "569", "6116", "+919800000002");
        assertProblem(headmaster.post("/api/v1/meals/reports", report(null, "33050100002", TODAY, 1, 1, 2, null)),
                HttpStatus.NOT_FOUND, "school.not-found");
        assertThat(Api.as(http, TestTokens.officer("578"))
            .get("/api/v1/meals/reports/" + created.getBody().get("id"))
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(http, TestTokens.officer("569"))
            .get("/api/v1/meals/reports/" + created.getBody().get("id"))
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anOfflinePhoneSyncsAWeekTwiceWithoutDuplicates() {
        String udise = "33050100011";
        school(udise, "569", "6116", "+919800000011");
        Api headmaster = Api.as(http, TestTokens.school(udise));
        StringBuilder week = new StringBuilder("{\"reports\":[");
        for (int day = 7; day >= 3; day--) {
            week.append(report(UUID.nameUUIDFromBytes((udise + day).getBytes()), udise, TODAY.minusDays(day), 50, 40,
                    90, null));
            week.append(day > 3 ? "," : "]}");
        }
        Map<String, Object> first = headmaster.post("/api/v1/meals/reports/batch", week.toString()).getBody();
        assertThat(first).containsEntry("created", 5).containsEntry("duplicates", 0).containsEntry("rejected", 0);

        String again = week.toString()
            .replace("]}", "," + report(UUID.randomUUID(), udise, TODAY.minusDays(4), 1, 1, 0, null) + ","
                    + report(UUID.randomUUID(), udise, TODAY.minusDays(2), 10, 0, 0, "NO_COOK") + "]}");
        Map<String, Object> second = headmaster.post("/api/v1/meals/reports/batch", again).getBody();
        assertThat(second).containsEntry("created", 1).containsEntry("duplicates", 5).containsEntry("rejected", 1);
        List<Map<String, Object>> results = (List<Map<String, Object>>) second.get("results");
        assertThat(results).extracting(r -> r.get("status"))
            .containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "REJECTED", "CREATED");
        assertThat(results.get(5)).containsEntry("code", "meal.report.reason-required");

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.MEALS, udise, MEAL)).hasSize(6));
        assertThat(jdbc.sql("select count(*) from meal_reports where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single()).isEqualTo(6);
    }

    @Test
    void badReportsAreRejectedByField() {
        String udise = "33050100021";
        school(udise, "569", "6116", "+919800000021");
        Api headmaster = Api.as(http, TestTokens.school(udise));
        assertProblem(headmaster.post("/api/v1/meals/reports", report(null, udise, TODAY.plusDays(1), 1, 1, 2, null)),
                HttpStatus.BAD_REQUEST, "meal.report.future-date");
        assertProblem(headmaster.post("/api/v1/meals/reports", report(null, udise, TODAY, 1, 1, 2, "NO_STOCK")),
                HttpStatus.BAD_REQUEST, "meal.report.reason-with-meals");
        ResponseEntity<Map> badReason = headmaster.post("/api/v1/meals/reports",
                report(null, udise, TODAY, 0, 0, 0, "RAIN"));
        assertThat(badReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReason.getBody()).containsEntry("code", "request.invalid-value");
        assertThat((List<Map<String, Object>>) badReason.getBody().get("errors"))
            .containsExactly(Map.of("field", "noMealReason", "message",
                    "must be one of NO_STOCK, NO_COOK, NO_FUNDS, HOLIDAY, OTHER", "rejectedValue", "RAIN"));
        // a reason is its name: neither an index nor another case is read as one
        for (String index : List.of("\"noMealReason\":1", "\"noMealReason\":\"1\"", "\"noMealReason\":\"no_stock\"")) {
            ResponseEntity<Map> refused = headmaster.post("/api/v1/meals/reports",
                    report(null, udise, TODAY, 0, 0, 0, "OTHER").replace("\"noMealReason\":\"OTHER\"", index));
            assertThat(refused.getStatusCode()).as(index).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(index).containsEntry("code", "request.invalid-value");
        }
        ResponseEntity<Map> badInBatch = headmaster.post("/api/v1/meals/reports/batch",
                "{\"reports\":[" + report(null, udise, TODAY.minusDays(1), 0, 0, 0, "OTHER") + ","
                        + report(null, udise, TODAY, 0, 0, 0, "RAIN") + "]}");
        assertThat(badInBatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) badInBatch.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly("reports[1].noMealReason");
        assertThat(jdbc.sql("select count(*) from meal_reports where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single()).isZero();
        ResponseEntity<Map> negative = headmaster.post("/api/v1/meals/reports",
                report(null, udise, TODAY, -1, 0, 0, "OTHER"));
        assertThat(negative.getBody().toString()).contains("attendancePrimary");
        assertThat(Api.as(http, null)
            .post("/api/v1/meals/reports", report(null, udise, TODAY, 1, 1, 2, null))
            .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void dataQualityFlagsMarkMealsBeyondEnrollmentOutliersAndHolidays() {
        String udise = "33050100031";
        school(udise, "569", "6116", "+919800000031");
        admin().put("/api/v1/schools/" + udise + "/enrollments/" + in.mdm.events.AcademicYear.of(TODAY.minusDays(20)),
                "{\"primary\":60,\"upperPrimary\":40}");
        Api headmaster = Api.as(http, TestTokens.school(udise));
        for (int day = 20; day >= 15; day--) {
            assertThat(headmaster
                .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(day), 50, 35, 85, null))
                .getBody()
                .get("flags")).asList().isEmpty();
        }
        Map<String, Object> outlier = headmaster
            .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(14), 10, 5, 15, null))
            .getBody();
        assertThat((List<String>) outlier.get("flags")).containsExactly("ATTENDANCE_OUTLIER");
        Map<String, Object> tooMany = headmaster
            .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(13), 60, 40, 120, null))
            .getBody();
        assertThat((List<String>) tooMany.get("flags")).containsExactly("MEALS_EXCEED_ENROLLMENT",
                "MEALS_EXCEED_ATTENDANCE");

        assertThat(admin()
            .post("/api/v1/meals/holidays",
                    "{\"date\":\"%s\",\"districtCode\":\"569\",\"name\":\"Local festival\"}"
                        .formatted(TODAY.minusDays(12)))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> onHoliday = headmaster
            .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(12), 50, 35, 85, null))
            .getBody();
        assertThat((List<String>) onHoliday.get("flags")).containsExactly("HOLIDAY_REPORT");
        Map<String, Object> closed = headmaster
            .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(11), 0, 0, 0, "HOLIDAY"))
            .getBody();
        assertThat((List<String>) closed.get("flags")).isEmpty();

        // on the wire the reason, the channel and the flags are their names, in the
        // record's order
        String tooManyJson = headmaster
            .exchange(HttpMethod.GET, "/api/v1/meals/reports/" + tooMany.get("id"), null, String.class)
            .getBody();
        assertThat(tooManyJson)
            .contains("\"mealsServed\":120,\"noMealReason\":null,\"channel\":\"APP\",\"reportedBy\":")
            .endsWith("\"flags\":[\"MEALS_EXCEED_ENROLLMENT\",\"MEALS_EXCEED_ATTENDANCE\"],\"corrected\":false}");
        String closedJson = headmaster
            .exchange(HttpMethod.GET, "/api/v1/meals/reports/" + closed.get("id"), null, String.class)
            .getBody();
        assertThat(closedJson)
            .contains("\"mealsServed\":0,\"noMealReason\":\"HOLIDAY\",\"channel\":\"APP\",\"reportedBy\":")
            .endsWith("\"flags\":[],\"corrected\":false}");
    }

    @Test
    void smsReportsAreSignedParsedStoredAndAnsweredEvenWhenInvalid() {
        String udise = "33050100041";
        school(udise, "569", "6116", "+919800000041");
        Map<String, Object> ok = sms(
                "{\"from\":\"+919800000041\",\"message\":\"MDM %s 45 30\",\"receivedAt\":\"%sT03:00:00Z\"}"
                    .formatted(udise, TODAY.minusDays(1)))
            .getBody();
        assertThat(ok).containsEntry("status", "ACCEPTED");
        assertThat((String) ok.get("reply")).contains("75 meals");
        assertThat(jdbc.sql("select channel || '/' || meals_served from meal_reports where id = cast(:id as uuid)")
            .param("id", ok.get("reportId"))
            .query(String.class)
            .single()).isEqualTo("SMS/75");

        Map<String, Object> noMeal = sms(
                "{\"from\":\"9800000041\",\"message\":\"mdm %s nomeal stock\",\"receivedAt\":\"%sT03:00:00Z\"}"
                    .formatted(udise, TODAY.minusDays(2)))
            .getBody();
        assertThat(noMeal).containsEntry("status", "ACCEPTED");
        assertThat(jdbc.sql("select no_meal_reason from meal_reports where id = cast(:id as uuid)")
            .param("id", noMeal.get("reportId"))
            .query(String.class)
            .single()).isEqualTo("NO_STOCK");

        Map<String, Object> garbled = sms("{\"from\":\"+919800000041\",\"message\":\"MDM 3305 forty\"}").getBody();
        assertThat(garbled).containsEntry("status", "REJECTED");
        assertThat((String) garbled.get("reply")).contains("MDM <UDISE code>");
        Map<String, Object> stranger = sms("{\"from\":\"+919811111111\",\"message\":\"MDM %s 1 1\"}".formatted(udise))
            .getBody();
        assertThat(stranger).containsEntry("status", "REJECTED");
        Map<String, Object> twice = sms(
                "{\"from\":\"+919800000041\",\"message\":\"MDM %s 45 30\",\"receivedAt\":\"%sT05:00:00Z\"}"
                    .formatted(udise, TODAY.minusDays(1)))
            .getBody();
        assertThat(twice).containsEntry("status", "DUPLICATE");
        assertThat(jdbc.sql("select count(*) from meal_sms_messages where message like :m")
            .param("m", "%" + udise + "%")
            .query(Integer.class)
            .single()).isEqualTo(4);
        assertThat(jdbc.sql("select error from meal_sms_messages where message = 'MDM 3305 forty'")
            .query(String.class)
            .single()).isNotBlank();

        HttpHeaders forged = new HttpHeaders();
        forged.setContentType(MediaType.APPLICATION_JSON);
        forged.set("X-Signature", "sha256=" + "00".repeat(32));
        ResponseEntity<Map> refused = http.exchange("/api/v1/meals/sms", HttpMethod.POST,
                new HttpEntity<>("{\"from\":\"+919800000041\",\"message\":\"MDM %s 1 1\"}".formatted(udise), forged),
                Map.class);
        assertProblem(refused, HttpStatus.UNAUTHORIZED, "meal.sms.bad-signature");
    }

    @Test
    void officersCorrectReportsWithAnAuditTrailWithinTheirJurisdiction() {
        String udise = "33050100051";
        school(udise, "569", "6116", "+919800000051");
        Map<String, Object> report = Api.as(http, TestTokens.school(udise))
            .post("/api/v1/meals/reports", report(null, udise, TODAY.minusDays(1), 40, 30, 70, null))
            .getBody();
        String path = "/api/v1/meals/reports/" + report.get("id") + "/corrections";
        String correction = "{\"attendancePrimary\":42,\"attendanceUpperPrimary\":30,\"mealsServed\":72,\"reason\":\"register recount\"}";

        assertThat(Api.as(http, TestTokens.school(udise)).post(path, correction).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(Api.as(http, TestTokens.officer("578")).post(path, correction), HttpStatus.NOT_FOUND,
                "meal.report.not-found");
        ResponseEntity<Map> corrected = Api.as(http, TestTokens.officer("569")).post(path, correction);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody()).containsEntry("mealsServed", 72).containsEntry("corrected", true);

        List<Map<String, Object>> audit = Api.as(http, TestTokens.admin())
            .exchange(HttpMethod.GET, path, null, List.class)
            .getBody();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("reason", "register recount").containsEntry("correctedBy", "deo.569");
            assertThat((Map<String, Object>) a.get("before")).containsEntry("mealsServed", 70);
            assertThat((Map<String, Object>) a.get("after")).containsEntry("mealsServed", 72);
        });
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.MEALS, udise, MEAL)).hasSize(2));
    }

    @Test
    void theReportingRateSplitsOnTimeLateAndMissingWithTheNonReportersContacts() {
        // three schools in Sultanpet (569/6115): one on time, one late (after 14:00 IST),
        // one not at all
        school("33050100061", "569", "6115", "+919800000061");
        school("33050100062", "569", "6115", "+919800000062");
        school("33050100063", "569", "6115", "+919800000063");
        LocalDate day = TODAY.minusDays(3);
        sms("{\"from\":\"+919800000061\",\"message\":\"MDM 33050100061 20 10\",\"receivedAt\":\"%sT04:00:00Z\"}"
            .formatted(day));
        sms("{\"from\":\"+919800000062\",\"message\":\"MDM 33050100062 20 10\",\"receivedAt\":\"%sT11:00:00Z\"}"
            .formatted(day));

        Map<String, Object> rate = Api.as(http, TestTokens.officer("569"))
            .get("/api/v1/meals/reporting-rate?date=" + day + "&blockCode=6115")
            .getBody();
        assertThat(rate).containsEntry("schools", 3)
            .containsEntry("reported", 2)
            .containsEntry("onTime", 1)
            .containsEntry("late", 1)
            .containsEntry("notReported", 1);
        assertThat(rate.get("reportingRate")).isEqualTo(0.6667);
        Map<String, Object> missing = (Map<String, Object>) rate.get("nonReporters");
        assertThat((List<Map<String, Object>>) missing.get("items")).singleElement()
            .satisfies(s -> assertThat(s).containsEntry("udiseCode", "33050100063")
                .containsEntry("headmasterPhone", "+919800000063"));

        // another district's block, the district a block officer lies in, and a block
        // nobody has, are not found
        assertProblem(
                Api.as(http, TestTokens.officer("578"))
                    .get("/api/v1/meals/reporting-rate?date=" + day + "&blockCode=6115"),
                HttpStatus.NOT_FOUND, "school.block-not-found");
        assertProblem(
                Api.as(http, TestTokens.officer("578"))
                    .get("/api/v1/meals/reporting-rate?date=" + day + "&districtCode=569"),
                HttpStatus.NOT_FOUND, "school.district-not-found");
        assertProblem(
                Api.as(http, TestTokens.blockOfficer("6115"))
                    .get("/api/v1/meals/reporting-rate?date=" + day + "&districtCode=569"),
                HttpStatus.NOT_FOUND, "school.district-not-found");
        assertProblem(
                Api.as(http, TestTokens.admin()).get("/api/v1/meals/reporting-rate?date=" + day + "&blockCode=999999"),
                HttpStatus.NOT_FOUND, "school.block-not-found");
        assertThat(Api.as(http, TestTokens.blockOfficer("6115"))
            .get("/api/v1/meals/reporting-rate?date=" + day + "&blockCode=6115")
            .getBody()).containsEntry("schools", 3);
        assertProblem(
                Api.as(http, TestTokens.admin())
                    .get("/api/v1/meals/reporting-rate?date=" + day + "&blockCode=6115&districtCode=569"),
                HttpStatus.BAD_REQUEST, "meal.rate.one-area");
    }

    private ResponseEntity<Map> sms(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Signature", "sha256=" + hmac(json));
        return http.exchange("/api/v1/meals/sms", HttpMethod.POST,
                new HttpEntity<>(json.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("test-sms-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
