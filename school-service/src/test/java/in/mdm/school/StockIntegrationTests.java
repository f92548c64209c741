package in.mdm.school;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.optimization.OptimizationTopics;
import in.mdm.events.optimization.TransferApproved;
import in.mdm.events.school.SchoolTopics;
import in.mdm.school.delivery.DeliveryService;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class StockIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    static final CloudEventCodec OPTIMIZATION = CloudEventCodec.forService("optimization-service");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryService deliveries;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    String supplier;

    void school(String udise) {
        assertThat(admin()
            .post("/api/v1/schools",
                    """
                            {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6114","category":"PRIMARY_WITH_UPPER_PRIMARY",
                             "management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                        .formatted(udise, udise))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    String supplier() {
        if (supplier == null) {
            supplier = (String) admin()
                .post("/api/v1/suppliers",
                        """
                                {"code":"TNCSC-%s","name":"Civil Supplies","kind":"CIVIL_SUPPLIES_CORPORATION"}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .getBody()
                .get("id");
        }
        return supplier;
    }

    /** Schedules and receives a delivery; returns its id. */
    String deliver(String udise, String commodity, String kg) {
        ResponseEntity<Map> scheduled = admin().post("/api/v1/deliveries", """
                {"supplierId":"%s","udiseCode":"%s","commodity":"%s","quantityKg":%s,"promisedDate":"%s"}"""
            .formatted(supplier(), udise, commodity, kg, TODAY));
        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) scheduled.getBody().get("id");
        ResponseEntity<Map> received = Api.as(http, TestTokens.school(udise))
            .post("/api/v1/deliveries/" + id + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":%s}".formatted(TODAY, kg));
        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received.getBody()).containsEntry("status", "RECEIVED");
        return id;
    }

    BigDecimal balance(String udise, String commodity) {
        return jdbc.sql("select quantity_kg from stock_balances where udise_code = :u and commodity = :c")
            .param("u", udise)
            .param("c", commodity)
            .query(BigDecimal.class)
            .single();
    }

    @Test
    void receiptsAddAndMealsServedTakeOutByTheNormsAndCorrectionsPostTheDifference() {
        String udise = "33060100001";
        school(udise);
        deliver(udise, "RICE", "100");
        deliver(udise, "PULSES", "20");
        deliver(udise, "OIL", "5");

        Map<String, Object> report = Api.as(http, TestTokens.school(udise))
            .post("/api/v1/meals/reports",
                    """
                            {"udiseCode":"%s","date":"%s","attendancePrimary":40,"attendanceUpperPrimary":30,"mealsServed":70}"""
                        .formatted(udise, TODAY.minusDays(1)))
            .getBody();
        // rice 40 × 100 g + 30 × 150 g = 8.5 kg; pulses 40 × 20 g + 30 × 30 g = 1.7 kg;
        // oil 40 × 5 g + 30 × 7.5 g = 0.425 kg
        assertThat(balance(udise, "RICE")).isEqualByComparingTo("91.500");
        assertThat(balance(udise, "PULSES")).isEqualByComparingTo("18.300");
        assertThat(balance(udise, "OIL")).isEqualByComparingTo("4.575");

        // half the children fed: primary 40 × 35/70 = 20, upper 15: rice 2 + 2.25 = 4.25
        // kg
        Api.as(http, TestTokens.school(udise))
            .post("/api/v1/meals/reports",
                    """
                            {"udiseCode":"%s","date":"%s","attendancePrimary":40,"attendanceUpperPrimary":30,"mealsServed":35}"""
                        .formatted(udise, TODAY))
            .getBody();
        assertThat(balance(udise, "RICE")).isEqualByComparingTo("87.250");

        // a correction to 42 + 30 children posts only the difference: 8.7 - 8.5 = 0.2 kg
        // more
        assertThat(Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/meals/reports/" + report.get("id") + "/corrections",
                    "{\"attendancePrimary\":42,\"attendanceUpperPrimary\":30,\"mealsServed\":72,\"reason\":\"recount\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(balance(udise, "RICE")).isEqualByComparingTo("87.050");

        Map<String, Object> ledger = admin().get("/api/v1/stock/schools/" + udise + "/ledger?commodity=RICE").getBody();
        assertThat((List<Map<String, Object>>) ledger.get("items"))
            .extracting(e -> e.get("kind") + " " + e.get("quantityKg") + " " + e.get("balanceKg"))
            .containsExactly("CONSUMPTION -0.2 87.05", "CONSUMPTION -4.25 87.25", "CONSUMPTION -8.5 91.5",
                    "RECEIPT 100.0 100.0");

        List<Map<String, Object>> balances = admin()
            .exchange(HttpMethod.GET, "/api/v1/stock/schools/" + udise, null, List.class)
            .getBody();
        assertThat(balances).extracting(b -> b.get("commodity")).containsExactly("OIL", "PULSES", "RICE");
        Map<String, Object> rice = balances.get(2);
        // the typical day is the average of the meal days: 41 primary, 30 upper: 4.1 +
        // 4.5 = 8.6 kg a day
        assertThat(new BigDecimal(rice.get("dailyNeedKg").toString())).isEqualByComparingTo("8.600");
        assertThat(new BigDecimal(rice.get("daysOfStock").toString())).isEqualByComparingTo("10.1"); // 87.05
                                                                                                     // /
                                                                                                     // 8.6,
                                                                                                     // rounded
                                                                                                     // down
        assertThat(rice).containsEntry("status", "ADEQUATE");
    }

    @Test
    void adjustmentsNeedAReasonNeverGoNegativeAndACrossingIntoLowOrOutPublishesStockLow() {
        String udise = "33060100011";
        school(udise);
        admin().put("/api/v1/schools/" + udise + "/enrollments/" + in.mdm.events.AcademicYear.of(TODAY),
                "{\"primary\":100,\"upperPrimary\":0}");
        deliver(udise, "RICE", "50"); // 10 kg a day for 100 primary children: 5 days: LOW
                                      // at once
        assertThat(jdbc.sql("select status from stock_balances where udise_code = :u")
            .param("u", udise)
            .query(String.class)
            .single()).isEqualTo("LOW");
        Api officer = Api.as(http, TestTokens.officer("569"));
        AdjustApi adjust = new AdjustApi(officer);
        String path = "/api/v1/stock/schools/" + udise + "/adjustments";
        assertThat(adjust.post(path, "{\"commodity\":\"RICE\",\"quantityKg\":30,\"reason\":\"found in store\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK); // 80 kg: 8 days: ADEQUATE
        assertThat(adjust.post(path, "{\"commodity\":\"RICE\",\"quantityKg\":-20,\"reason\":\"spoilt by rain\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK); // 60 kg: LOW again
        assertProblem(officer.post(path, "{\"commodity\":\"RICE\",\"quantityKg\":-60.001,\"reason\":\"count\"}"),
                HttpStatus.CONFLICT, "stock.insufficient");
        assertThat(balance(udise, "RICE")).isEqualByComparingTo("60");
        ResponseEntity<Map> noReason = officer.post(path, "{\"commodity\":\"RICE\",\"quantityKg\":-1}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason");
        assertThat(
                adjust.post(path, "{\"commodity\":\"RICE\",\"quantityKg\":-60,\"reason\":\"stolen\"}").getStatusCode())
            .isEqualTo(HttpStatus.OK); // 0: STOCK_OUT
        assertThat(Api.as(http, TestTokens.school(udise))
            .post(path, "{\"commodity\":\"RICE\",\"quantityKg\":5,\"reason\":\"x\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(
                Api.as(http, TestTokens.officer("578"))
                    .post(path, "{\"commodity\":\"RICE\",\"quantityKg\":5,\"reason\":\"x\"}"),
                HttpStatus.NOT_FOUND, "school.not-found");

        // the first receipt rises from out to low (no crossing down); ADEQUATE to LOW and
        // LOW to STOCK_OUT are crossings
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.STOCK, udise, "in.mdm.school.StockLow.v1")).hasSize(2));
    }

    @Test
    void aKitchensStockReceivesItsDeliveriesAndFeedsTheSchoolsItCooksFor() {
        String udise = "33060100041";
        school(udise);
        String kitchen = (String) admin().post("/api/v1/kitchens", """
                {"name":"Sarcarsamakulam Kitchen","districtCode":"569","blockCode":"6114","capacityMeals":2000}""")
            .getBody()
            .get("id");
        admin().put("/api/v1/schools/" + udise, """
                {"name":"School %s","districtCode":"569","blockCode":"6114","category":"PRIMARY_WITH_UPPER_PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL","kitchenId":"%s"}""".formatted(udise, kitchen));
        admin().put("/api/v1/schools/" + udise + "/enrollments/" + in.mdm.events.AcademicYear.of(TODAY),
                "{\"primary\":50,\"upperPrimary\":40}");
        String delivery = (String) admin()
            .post("/api/v1/deliveries",
                    """
                            {"supplierId":"%s","kitchenId":"%s","commodity":"RICE","quantityKg":200,"promisedDate":"%s"}"""
                        .formatted(supplier(), kitchen, TODAY))
            .getBody()
            .get("id");
        assertThat(Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/deliveries/" + delivery + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":200}".formatted(TODAY))
            .getStatusCode()).isEqualTo(HttpStatus.OK);

        Api.as(http, TestTokens.school(udise))
            .post("/api/v1/meals/reports",
                    """
                            {"udiseCode":"%s","date":"%s","attendancePrimary":40,"attendanceUpperPrimary":30,"mealsServed":70}"""
                        .formatted(udise, TODAY.minusDays(1)));
        List<Map<String, Object>> stock = Api.as(http, TestTokens.officer("569"))
            .exchange(HttpMethod.GET, "/api/v1/stock/kitchens/" + kitchen, null, List.class)
            .getBody();
        assertThat(stock).singleElement().satisfies(rice -> {
            assertThat(new BigDecimal(rice.get("quantityKg").toString())).isEqualByComparingTo("191.5"); // 200
                                                                                                         // -
                                                                                                         // 8.5
            // 50 × 100 g + 40 × 150 g = 11 kg a day: 191.5 / 11 = 17.4 days
            assertThat(new BigDecimal(rice.get("daysOfStock").toString())).isEqualByComparingTo("17.4");
            assertThat(rice).containsEntry("status", "ADEQUATE");
        });
        assertThat(jdbc.sql("select count(*) from stock_balances where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single()).as("the school keeps no stock of its own").isZero();
        assertProblem(Api.as(http, TestTokens.officer("578")).get("/api/v1/stock/kitchens/" + kitchen),
                HttpStatus.NOT_FOUND, "kitchen.not-found");
        assertProblem(
                Api.as(http, TestTokens.officer("569"))
                    .post("/api/v1/stock/kitchens/" + kitchen + "/adjustments",
                            "{\"commodity\":\"RICE\",\"quantityKg\":-200,\"reason\":\"count\"}"),
                HttpStatus.CONFLICT, "stock.insufficient");
    }

    @Test
    void normsAreDataThatOnlyAnAdminChanges() {
        assertThat(Api.as(http, TestTokens.officer("569"))
            .put("/api/v1/stock/norms/OTHER", "{\"primaryGrams\":50,\"upperPrimaryGrams\":75}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> changed = admin()
            .put("/api/v1/stock/norms/OTHER", "{\"primaryGrams\":50,\"upperPrimaryGrams\":75}")
            .getBody();
        assertThat(changed).containsEntry("updatedBy", "state.admin");
        assertThat(new BigDecimal(changed.get("upperPrimaryGrams").toString())).isEqualByComparingTo("75");
        List<Map<String, Object>> norms = admin().exchange(HttpMethod.GET, "/api/v1/stock/norms", null, List.class)
            .getBody();
        assertThat(norms).filteredOn(n -> n.get("commodity").equals("RICE"))
            .singleElement()
            .satisfies(
                    n -> assertThat(new BigDecimal(n.get("upperPrimaryGrams").toString())).isEqualByComparingTo("150"));
        admin().put("/api/v1/stock/norms/OTHER", "{\"primaryGrams\":0,\"upperPrimaryGrams\":0}");
    }

    @Test
    void deliveriesAreReceivedOnceAndFlaggedWhenLate() {
        String udise = "33060100021";
        school(udise);
        assertProblem(admin().post("/api/v1/deliveries", """
                {"supplierId":"%s","commodity":"RICE","quantityKg":10,"promisedDate":"%s"}""".formatted(supplier(),
                TODAY)), HttpStatus.BAD_REQUEST, "delivery.one-target");
        assertProblem(
                admin().post("/api/v1/deliveries",
                        """
                                {"supplierId":"%s","udiseCode":"%s","commodity":"RICE","quantityKg":10,"promisedDate":"%s"}"""
                            .formatted(UUID.randomUUID(), udise, TODAY)),
                HttpStatus.BAD_REQUEST, "delivery.unknown-supplier");
        String id = deliver(udise, "WHEAT", "10");
        assertProblem(
                Api.as(http, TestTokens.school(udise))
                    .post("/api/v1/deliveries/" + id + "/receipt",
                            "{\"receivedOn\":\"%s\",\"quantityKg\":10}".formatted(TODAY)),
                HttpStatus.CONFLICT, "delivery.already-received");
        assertProblem(Api.as(http, TestTokens.school("33060100099")).get("/api/v1/deliveries/" + id),
                HttpStatus.NOT_FOUND, "delivery.not-found");

        // recorded after its promised date and not received: late at once
        Map<String, Object> recordedLate = admin()
            .post("/api/v1/deliveries",
                    """
                            {"supplierId":"%s","udiseCode":"%s","commodity":"PULSES","quantityKg":12.5,"promisedDate":"%s"}"""
                        .formatted(supplier(), udise, TODAY.minusDays(3)))
            .getBody();
        assertThat(recordedLate).containsEntry("status", "DELAYED");
        String late = (String) recordedLate.get("id");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.DELIVERIES, udise, "in.mdm.school.DeliveryDelayed.v1"))
                        .hasSize(1)
                        .allSatisfy(e -> assertThat(new String(e.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("\"daysLate\":3")));
        // one promised for today becomes late when the hourly check finds it past its
        // day,
        // once
        String due = (String) admin()
            .post("/api/v1/deliveries",
                    """
                            {"supplierId":"%s","udiseCode":"%s","commodity":"OIL","quantityKg":2,"promisedDate":"%s"}"""
                        .formatted(supplier(), udise, TODAY))
            .getBody()
            .get("id");
        assertThat(admin().get("/api/v1/deliveries/" + due).getBody()).containsEntry("status", "SCHEDULED");
        assertThat(deliveries.flagDelayed(TODAY.plusDays(2))).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.flagDelayed(TODAY.plusDays(2))).isZero();
        assertThat(admin().get("/api/v1/deliveries/" + due).getBody()).containsEntry("status", "DELAYED");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.DELIVERIES, udise, "in.mdm.school.DeliveryDelayed.v1"))
                        .as("the late one once, the due one once")
                        .hasSize(2));
        // a late delivery that arrives is still received
        assertThat(Api.as(http, TestTokens.school(udise))
            .post("/api/v1/deliveries/" + late + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":12}".formatted(TODAY))
            .getBody()).containsEntry("status", "RECEIVED");
        assertThat(balance(udise, "PULSES")).isEqualByComparingTo("12");
    }

    @Test
    void anApprovedTransferMovesStockAtomicallyOnceOrIsRefusedWithNothingMoved() throws Exception {
        String from = "33060100031";
        String to = "33060100032";
        school(from);
        school(to);
        deliver(from, "RICE", "100");

        UUID transferId = UUID.randomUUID();
        TransferApproved approved = new TransferApproved(DomainEvent.newId(), Instant.now(), transferId, from, to,
                "RICE", new BigDecimal("40.250"), "deo.569");
        send(approved);
        // the receiver has no balance row until the transfer has run
        await().atMost(Duration.ofSeconds(30))
            .ignoreExceptionsInstanceOf(EmptyResultDataAccessException.class)
            .untilAsserted(() -> assertThat(balance(to, "RICE")).isEqualByComparingTo("40.25"));
        assertThat(balance(from, "RICE")).isEqualByComparingTo("59.75");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    Events.of(SchoolTopics.TRANSFERS, transferId.toString(), "in.mdm.school.TransferExecuted.v1"))
                .hasSize(1));

        // the same event again, and a new event for the same transfer: nothing changes
        send(approved);
        send(new TransferApproved(DomainEvent.newId(), Instant.now(), transferId, from, to, "RICE",
                new BigDecimal("40.250"), "deo.569"));
        UUID tooMuch = UUID.randomUUID();
        send(new TransferApproved(DomainEvent.newId(), Instant.now(), tooMuch, from, to, "RICE",
                new BigDecimal("59.751"), "deo.569"));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    jdbc.sql("select status || ': ' || reason from stock_transfers where transfer_id = :id")
                        .param("id", tooMuch)
                        .query(String.class)
                        .optional())
                .hasValueSatisfying(s -> assertThat(s).startsWith("REFUSED: school " + from)));
        assertThat(balance(from, "RICE")).isEqualByComparingTo("59.75");
        assertThat(balance(to, "RICE")).isEqualByComparingTo("40.25");
        assertThat(jdbc.sql("select count(*) from stock_ledger where reference = :r")
            .param("r", "transfer:" + transferId)
            .query(Integer.class)
            .single()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    Events.of(SchoolTopics.TRANSFERS, tooMuch.toString(), "in.mdm.school.TransferRefused.v1"))
                .hasSize(1));
        assertThat(Events.of(SchoolTopics.TRANSFERS, transferId.toString(), "in.mdm.school.TransferExecuted.v1"))
            .hasSize(1);

        // both are on record, as hand-entered transfers are
        assertThat(Api.as(http, TestTokens.officer("569")).get("/api/v1/stock/transfers/" + transferId).getBody())
            .containsEntry("source", "APPROVED")
            .containsEntry("status", "EXECUTED")
            .containsEntry("createdBy", "deo.569")
            .containsEntry("fromUdiseCode", from)
            .containsEntry("toUdiseCode", to)
            .containsEntry("refusal", null);
        assertThat((String) admin().get("/api/v1/stock/transfers/" + tooMuch).getBody().get("refusal"))
            .isEqualTo("school " + from + " has 59.750 kg of RICE, less than the 59.751 kg to transfer");
        assertProblem(Api.as(http, TestTokens.officer("578")).get("/api/v1/stock/transfers/" + transferId),
                HttpStatus.NOT_FOUND, "stock.transfer.not-found");
    }

    /** Adjustments answer the school's balances, a list. */
    record AdjustApi(Api api) {
        ResponseEntity<List> post(String path, String json) {
            return api.exchange(HttpMethod.POST, path, json, List.class);
        }
    }

    private void send(TransferApproved event) throws Exception {
        kafka.send(OptimizationTopics.TRANSFERS, event.aggregateId(), OPTIMIZATION.encode(event)).get();
    }

}
