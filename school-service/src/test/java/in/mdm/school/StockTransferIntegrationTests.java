package in.mdm.school;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transfers entered by hand: between schools and kitchens, in one transaction or not at
 * all, idempotent by the client's reference, within the caller's jurisdiction.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class StockTransferIntegrationTests {

    static final String TRANSFERS = "/api/v1/stock/transfers";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    Api officer() {
        return Api.as(http, TestTokens.officer("569"));
    }

    void school(String udise, String district, String block) {
        assertThat(admin()
            .post("/api/v1/schools",
                    """
                            {"udiseCode":"%s","name":"School %s","districtCode":"%s","blockCode":"%s","category":"PRIMARY_WITH_UPPER_PRIMARY",
                             "management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                        .formatted(udise, udise, district, block))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    String kitchen(String name) {
        ResponseEntity<Map> created = admin().post("/api/v1/kitchens", """
                {"name":"%s","districtCode":"569","blockCode":"6114","capacityMeals":1500}""".formatted(name));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    /** Stock in by an adjustment (an opening count). */
    void stock(String site, String commodity, String kg) {
        String path = site.length() == 11 ? "/api/v1/stock/schools/" + site + "/adjustments"
                : "/api/v1/stock/kitchens/" + site + "/adjustments";
        assertThat(
                admin()
                    .exchange(HttpMethod.POST, path,
                            "{\"commodity\":\"%s\",\"quantityKg\":%s,\"reason\":\"opening count\"}".formatted(commodity,
                                    kg),
                            List.class)
                    .getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    static String transfer(String from, String to, String commodity, String kg, String reference) {
        return """
                {"from":"%s","to":"%s","commodity":"%s","quantityKg":%s,"reason":"school closed for repairs","clientReference":%s}"""
            .formatted(from, to, commodity, kg, reference == null ? "null" : "\"" + reference + "\"");
    }

    BigDecimal balance(String site, String commodity) {
        return site.length() == 11
                ? jdbc.sql("select quantity_kg from stock_balances where udise_code = :s and commodity = :c")
                    .param("s", site)
                    .param("c", commodity)
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null)
                : jdbc.sql("select quantity_kg from kitchen_stock_balances where kitchen_id = :s and commodity = :c")
                    .param("s", UUID.fromString(site))
                    .param("c", commodity)
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null);
    }

    int ledgerEntries() {
        return jdbc.sql("select (select count(*) from stock_ledger) + (select count(*) from kitchen_stock_ledger)")
            .query(Integer.class)
            .single();
    }

    int transfersRecorded() {
        return jdbc.sql("select count(*) from stock_transfers").query(Integer.class).single();
    }

    List<Map<String, Object>> ledger(String udise) {
        return (List<Map<String, Object>>) admin().get("/api/v1/stock/schools/" + udise + "/ledger?commodity=RICE")
            .getBody()
            .get("items");
    }

    /**
     * TransferRefused records on the broker whose payload names this sending school and
     * quantity.
     */
    static List<String> refusedEvents(String fromUdise, String quantity) {
        return KafkaProbe.onTestBroker()
            .readAll(SchoolTopics.TRANSFERS, Duration.ofSeconds(3))
            .stream()
            .filter(r -> r.headers().lastHeader("ce_type") != null
                    && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                        .equals("in.mdm.school.TransferRefused.v1"))
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .filter(payload -> payload.contains(fromUdise) && payload.contains(quantity))
            .toList();
    }

    @Test
    void aTransferBetweenSchoolsMovesBothBalancesInOneStepWithLedgerEntriesThatReferenceEachOther() {
        String from = "33080200001";
        String to = "33080200002";
        school(from, "569", "6114");
        school(to, "569", "6114");
        stock(from, "RICE", "100");
        String reference = UUID.randomUUID().toString();

        ResponseEntity<Map> done = officer().post(TRANSFERS, transfer(from, to, "RICE", "40.25", reference));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) done.getBody().get("transferId");
        assertThat(done.getHeaders().getLocation()).hasToString(TRANSFERS + "/" + id);
        assertThat(done.getBody()).containsEntry("status", "EXECUTED")
            .containsEntry("source", "MANUAL")
            .containsEntry("fromUdiseCode", from)
            .containsEntry("toUdiseCode", to)
            .containsEntry("createdBy", "deo.569")
            .containsEntry("reason", "school closed for repairs")
            .containsEntry("clientReference", reference);
        assertThat(balance(from, "RICE")).isEqualByComparingTo("59.75");
        assertThat(balance(to, "RICE")).isEqualByComparingTo("40.25");
        assertThat(ledger(from)).first().satisfies(e -> {
            assertThat(e).containsEntry("kind", "TRANSFER_OUT")
                .containsEntry("reference", "transfer:" + id)
                .containsEntry("reason", "transfer to school " + to + ": school closed for repairs");
            assertThat(new BigDecimal(e.get("quantityKg").toString())).isEqualByComparingTo("-40.25");
            assertThat(new BigDecimal(e.get("balanceKg").toString())).isEqualByComparingTo("59.75");
        });
        assertThat(ledger(to)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("kind", "TRANSFER_IN")
                .containsEntry("reference", "transfer:" + id)
                .containsEntry("reason", "transfer from school " + from + ": school closed for repairs");
            assertThat(new BigDecimal(e.get("balanceKg").toString())).isEqualByComparingTo("40.25");
        });
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.TRANSFERS, id, "in.mdm.school.TransferExecuted.v1"))
                .hasSize(1));

        // the same request again: the same transfer, 200, nothing moves a second time
        int entries = ledgerEntries();
        ResponseEntity<Map> again = officer().post(TRANSFERS, transfer(from, to, "RICE", "40.250", reference));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("transferId", id);
        assertThat(balance(from, "RICE")).isEqualByComparingTo("59.75");
        assertThat(ledgerEntries()).isEqualTo(entries);
        // the same reference with other content is a conflict
        assertProblem(officer().post(TRANSFERS, transfer(from, to, "RICE", "40", reference)), HttpStatus.CONFLICT,
                "stock.transfer.client-reference-conflict");
        assertProblem(officer().post(TRANSFERS, transfer(to, from, "RICE", "40.25", reference)), HttpStatus.CONFLICT,
                "stock.transfer.client-reference-conflict");
        // a reference is its author's: the state admin's own use of it is another
        // transfer
        assertThat(admin().post(TRANSFERS, transfer(from, to, "RICE", "0.75", reference)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertThat(balance(from, "RICE")).isEqualByComparingTo("59");
        assertThat(balance(to, "RICE")).isEqualByComparingTo("41");

        assertThat(officer().get(TRANSFERS + "/" + id).getBody()).containsEntry("transferId", id)
            .containsEntry("status", "EXECUTED");
        assertProblem(Api.as(http, TestTokens.officer("568")).get(TRANSFERS + "/" + id), HttpStatus.NOT_FOUND,
                "stock.transfer.not-found");
        assertProblem(officer().get(TRANSFERS + "/" + UUID.randomUUID()), HttpStatus.NOT_FOUND,
                "stock.transfer.not-found");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.TRANSFERS, id, "in.mdm.school.TransferExecuted.v1"))
                .as("one event for one transfer")
                .hasSize(1));
    }

    @Test
    void aTransferThatWouldDriveStockNegativeIsRefusedWithNothingWrittenAndItsReferenceStaysFree() {
        String from = "33080200011";
        String to = "33080200012";
        school(from, "569", "6114");
        school(to, "569", "6114");
        stock(from, "RICE", "20");
        stock(to, "RICE", "5");
        int entries = ledgerEntries();
        int recorded = transfersRecorded();
        String reference = UUID.randomUUID().toString();

        ResponseEntity<Map> refused = officer().post(TRANSFERS, transfer(from, to, "RICE", "20.001", reference));
        assertProblem(refused, HttpStatus.CONFLICT, "stock.insufficient");
        assertThat((String) refused.getBody().get("detail")).contains("school " + from + " has 20.000 kg of RICE");
        // a commodity the sender never had: refused, and no empty balance appears at
        // either end
        assertProblem(officer().post(TRANSFERS, transfer(from, to, "PULSES", "1", null)), HttpStatus.CONFLICT,
                "stock.insufficient");

        assertThat(balance(from, "RICE")).isEqualByComparingTo("20");
        assertThat(balance(to, "RICE")).isEqualByComparingTo("5");
        assertThat(balance(from, "PULSES")).isNull();
        assertThat(balance(to, "PULSES")).isNull();
        assertThat(ledgerEntries()).isEqualTo(entries);
        assertThat(transfersRecorded()).isEqualTo(recorded);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(refusedEvents(from, "20.001")).hasSize(1));

        // the refusal did not use up the reference: once the stock is there, the same
        // request goes through
        stock(from, "RICE", "0.001");
        ResponseEntity<Map> done = officer().post(TRANSFERS, transfer(from, to, "RICE", "20.001", reference));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(balance(from, "RICE")).isEqualByComparingTo("0");
        assertThat(balance(to, "RICE")).isEqualByComparingTo("25.001");
        assertThat(jdbc.sql("select status from stock_balances where udise_code = :u and commodity = 'RICE'")
            .param("u", from)
            .query(String.class)
            .single()).isEqualTo("STOCK_OUT");
        // emptied by a transfer: a crossing into out, as by any other movement
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.STOCK, from, "in.mdm.school.StockLow.v1")).hasSize(1));
    }

    @Test
    void kitchensSendAndReceiveLikeSchoolsAndPublishNoSchoolEvent() {
        String udise = "33080200021";
        school(udise, "569", "6114");
        String first = kitchen("Transfer Kitchen One");
        String second = kitchen("Transfer Kitchen Two");
        stock(first, "RICE", "200");

        ResponseEntity<Map> kitchenToSchool = officer().post(TRANSFERS, transfer(first, udise, "RICE", "50", null));
        assertThat(kitchenToSchool.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(kitchenToSchool.getBody()).containsEntry("fromKitchenId", first)
            .containsEntry("toUdiseCode", udise)
            .containsEntry("fromUdiseCode", null);
        assertThat(officer().post(TRANSFERS, transfer(udise, second, "RICE", "10", null)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> kitchenToKitchen = officer().post(TRANSFERS, transfer(first, second, "RICE", "30.5", null));
        assertThat(kitchenToKitchen.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(balance(first, "RICE")).isEqualByComparingTo("119.5");
        assertThat(balance(second, "RICE")).isEqualByComparingTo("40.5");
        assertThat(balance(udise, "RICE")).isEqualByComparingTo("40");

        String id = (String) kitchenToKitchen.getBody().get("transferId");
        List<Map<String, Object>> ledger = Api.as(http, TestTokens.officer("569"))
            .exchange(HttpMethod.GET, "/api/v1/stock/kitchens/" + second + "/ledger", null, List.class)
            .getBody();
        assertThat(ledger).extracting(
                e -> e.get("kind") + " " + e.get("quantityKg") + " " + e.get("balanceKg") + " " + e.get("reference"))
            .containsExactly("TRANSFER_IN 30.5 40.5 transfer:" + id,
                    "TRANSFER_IN 10.0 10.0 transfer:"
                            + jdbc.sql("select transfer_id from stock_transfers where from_udise = :u")
                                .param("u", udise)
                                .query(UUID.class)
                                .single());
        assertThat(ledger.get(0).get("reason"))
            .isEqualTo("transfer from kitchen " + first + ": school closed for repairs");

        // too much from a kitchen: nothing moves
        int entries = ledgerEntries();
        assertProblem(officer().post(TRANSFERS, transfer(second, first, "RICE", "40.501", null)), HttpStatus.CONFLICT,
                "stock.insufficient");
        assertThat(balance(first, "RICE")).isEqualByComparingTo("119.5");
        assertThat(balance(second, "RICE")).isEqualByComparingTo("40.5");
        assertThat(ledgerEntries()).isEqualTo(entries);

        // TransferExecuted names schools: a transfer with a kitchen end publishes none (a
        // later school one does)
        String other = "33080200022";
        school(other, "569", "6114");
        String schools = (String) officer().post(TRANSFERS, transfer(udise, other, "RICE", "1", null))
            .getBody()
            .get("transferId");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.TRANSFERS, schools, "in.mdm.school.TransferExecuted.v1"))
                        .hasSize(1));
        assertThat(Events.of(SchoolTopics.TRANSFERS, id, "in.mdm.school.TransferExecuted.v1")).isEmpty();
    }

    @Test
    void badRequestsAre400sAndEndsOutsideTheJurisdiction404s() {
        String a = "33080200031";
        String b = "33080200032";
        String otherBlock = "33080200033";
        String otherDistrict = "33080200034";
        school(a, "569", "6114");
        school(b, "569", "6114");
        school(otherBlock, "569", "6112");
        school(otherDistrict, "568", "900568");
        stock(a, "RICE", "100");
        int entries = ledgerEntries();

        assertProblem(officer().post(TRANSFERS, transfer(a, a, "RICE", "1", null)), HttpStatus.BAD_REQUEST,
                "stock.transfer.same-site");
        assertInvalid(officer().post(TRANSFERS, transfer(a, b, "RICE", "0", null)), "quantityKg");
        assertInvalid(officer().post(TRANSFERS, transfer(a, b, "RICE", "-5", null)), "quantityKg");
        assertInvalid(officer().post(TRANSFERS, transfer("3308020003", b, "RICE", "1", null)), "from");
        assertInvalid(
                officer().post(TRANSFERS, transfer(a, b, "RICE", "1", null).replace("school closed for repairs", " ")),
                "reason");
        assertThat(officer().post(TRANSFERS, transfer(a, b, "RICE", "1", null).replace("}", ",\"approvedBy\":\"x\"}"))
            .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(officer().post(TRANSFERS, transfer(a, b, "SUGAR", "1", null)).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);

        assertProblem(officer().post(TRANSFERS, transfer(a, UUID.randomUUID().toString(), "RICE", "1", null)),
                HttpStatus.NOT_FOUND, "kitchen.not-found");
        assertProblem(officer().post(TRANSFERS, transfer(a, "33080299999", "RICE", "1", null)), HttpStatus.NOT_FOUND,
                "school.not-found");
        assertProblem(Api.as(http, TestTokens.officer("568")).post(TRANSFERS, transfer(a, b, "RICE", "1", null)),
                HttpStatus.NOT_FOUND, "school.not-found");
        // an officer must cover both ends
        assertProblem(officer().post(TRANSFERS, transfer(a, otherDistrict, "RICE", "1", null)), HttpStatus.NOT_FOUND,
                "school.not-found");
        assertProblem(
                Api.as(http, TestTokens.blockOfficer("6114"))
                    .post(TRANSFERS, transfer(a, otherBlock, "RICE", "1", null)),
                HttpStatus.NOT_FOUND, "school.not-found");
        assertThat(
                Api.as(http, TestTokens.school(a)).post(TRANSFERS, transfer(a, b, "RICE", "1", null)).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        ProblemAssertions
            .assertTokenRequired(token -> Api.as(http, token).post(TRANSFERS, transfer(a, b, "RICE", "1", null)));
        assertThat(ledgerEntries()).as("nothing moved").isEqualTo(entries);

        assertThat(Api.as(http, TestTokens.blockOfficer("6114"))
            .post(TRANSFERS, transfer(a, b, "RICE", "1", null))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(officer().post(TRANSFERS, transfer(a, otherBlock, "RICE", "2", null)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> acrossDistricts = admin().post(TRANSFERS, transfer(a, otherDistrict, "RICE", "3", null));
        assertThat(acrossDistricts.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(officer().get(TRANSFERS + "/" + acrossDistricts.getBody().get("transferId")),
                HttpStatus.NOT_FOUND, "stock.transfer.not-found");
        assertThat(balance(a, "RICE")).isEqualByComparingTo("94");
        assertThat(balance(otherDistrict, "RICE")).isEqualByComparingTo("3");
    }

    @Test
    void concurrentTransfersKeepTheTotalAndOneReferenceMovesStockOnce() throws Exception {
        String a = "33080200041";
        String b = "33080200042";
        school(a, "569", "6114");
        school(b, "569", "6114");
        stock(a, "RICE", "30");
        stock(b, "RICE", "30");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // opposite directions at once, more than either school holds in all: some go
            // through, some are refused
            List<Callable<HttpStatusCode>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String from = i % 2 == 0 ? a : b;
                String to = i % 2 == 0 ? b : a;
                calls.add(() -> officer().post(TRANSFERS, transfer(from, to, "RICE", "7", null)).getStatusCode());
            }
            List<HttpStatusCode> answers = new ArrayList<>();
            for (Future<HttpStatusCode> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).allMatch(s -> s == HttpStatus.CREATED || s == HttpStatus.CONFLICT);
            long executed = answers.stream().filter(s -> s == HttpStatus.CREATED).count();
            assertThat(balance(a, "RICE").add(balance(b, "RICE"))).isEqualByComparingTo("60");
            assertThat(jdbc
                .sql("select count(*) from stock_ledger where udise_code in (:a, :b) and kind like 'TRANSFER_%'")
                .param("a", a)
                .param("b", b)
                .query(Long.class)
                .single()).isEqualTo(2 * executed);
            // each school's ledger adds up to its balance
            for (String udise : List.of(a, b)) {
                assertThat(jdbc
                    .sql("select sum(quantity_kg) from stock_ledger where udise_code = :u and commodity = 'RICE'")
                    .param("u", udise)
                    .query(BigDecimal.class)
                    .single()).isEqualByComparingTo(balance(udise, "RICE"));
            }

            // the same reference four times at once: one transfer
            String reference = UUID.randomUUID().toString();
            BigDecimal before = balance(a, "RICE");
            List<Callable<ResponseEntity<Map>>> same = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                same.add(() -> officer().post(TRANSFERS, transfer(a, b, "RICE", "0.5", reference)));
            }
            List<ResponseEntity<Map>> results = new ArrayList<>();
            for (Future<ResponseEntity<Map>> f : pool.invokeAll(same)) {
                results.add(f.get());
            }
            assertThat(results).extracting(r -> r.getStatusCode().value()).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(results).extracting(r -> r.getBody().get("transferId"))
                .containsOnly(results.get(0).getBody().get("transferId"));
            assertThat(balance(a, "RICE")).isEqualByComparingTo(before.subtract(new BigDecimal("0.5")));
        }
        finally {
            pool.shutdownNow();
        }
    }

}
