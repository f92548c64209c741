package in.mdm.school;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.AcademicYear;
import in.mdm.events.CloudEventCodec;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.StockCounted;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * StockCounted: one event per site and commodity whose balance a transaction changed,
 * with the balance at its end, its days of stock and status, the site's place and
 * supplier; nothing for a change rolled back; every balance again on an ADMIN's recount.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class StockCountedIntegrationTests {

    static final String COUNTED = "in.mdm.school.StockCounted.v1";

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CloudEventCodec codec;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    Api officer() {
        return Api.as(http, TestTokens.officer("569"));
    }

    /** A school of 50 primary and 40 upper-primary children, cooking at the kitchen. */
    void school(String udise, String kitchen) {
        String kitchenField = kitchen == null ? "" : ",\"kitchenId\":\"" + kitchen + "\"";
        String body = """
                {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6114",
                 "category":"PRIMARY_WITH_UPPER_PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"%s}"""
            .formatted(udise, udise, kitchenField);
        assertThat(admin().post("/api/v1/schools", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        admin().put("/api/v1/schools/" + udise + "/enrollments/" + AcademicYear.of(TODAY),
                "{\"primary\":50,\"upperPrimary\":40}");
    }

    String kitchen(String name) {
        return (String) admin().post("/api/v1/kitchens", """
                {"name":"%s","districtCode":"569","blockCode":"6114","capacityMeals":2000}""".formatted(name))
            .getBody()
            .get("id");
    }

    /** A supplier serving the schools and kitchens; its id and code. */
    String[] supplier(List<String> schools, List<String> kitchens) {
        String code = "SC-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map> created = admin().post("/api/v1/suppliers", """
                {"code":"%s","name":"Civil Supplies","kind":"CIVIL_SUPPLIES_CORPORATION","servesSchools":[%s],
                 "servesKitchens":[%s]}""".formatted(code, quoted(schools), quoted(kitchens)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new String[] { (String) created.getBody().get("id"), code };
    }

    static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + v + "\"").toList());
    }

    void deliver(String supplierId, String udise, String commodity, String kg) {
        ResponseEntity<Map> scheduled = admin().post("/api/v1/deliveries", """
                {"supplierId":"%s","udiseCode":"%s","commodity":"%s","quantityKg":%s,"promisedDate":"%s"}"""
            .formatted(supplierId, udise, commodity, kg, TODAY));
        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(officer()
            .post("/api/v1/deliveries/" + scheduled.getBody().get("id") + "/receipt",
                    "{\"receivedOn\":\"%s\",\"quantityKg\":%s}".formatted(TODAY, kg))
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    void adjust(String path, String commodity, String kg) {
        assertThat(officer().exchange(HttpMethod.POST, path,
                "{\"commodity\":\"%s\",\"quantityKg\":%s,\"reason\":\"count\"}".formatted(commodity, kg), List.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static String report(String udise, LocalDate date, int primary, int upper) {
        return """
                {"udiseCode":"%s","date":"%s","attendancePrimary":%d,"attendanceUpperPrimary":%d,"mealsServed":%d}"""
            .formatted(udise, date, primary, upper, primary + upper);
    }

    /** The StockCounted of a site (UDISE code or kitchen id), oldest first. */
    List<StockCounted> counted(String site) {
        return Events.of(SchoolTopics.STOCK_LEVELS, site, COUNTED).stream().map(r -> {
            CloudEvent envelope = KafkaMessageFactory.createReader(r).toEvent();
            return codec.decode(envelope, StockCounted.class);
        }).toList();
    }

    List<StockCounted> counted(String site, String commodity) {
        return counted(site).stream().filter(e -> e.commodity().equals(commodity)).toList();
    }

    /** Waits for exactly n events of the site and commodity, and that no more come. */
    List<StockCounted> awaitCounted(String site, String commodity, int n) {
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(counted(site, commodity)).hasSizeGreaterThanOrEqualTo(n));
        List<StockCounted> events = counted(site, commodity);
        assertThat(events).as("StockCounted of %s %s", site, commodity).hasSize(n);
        return events;
    }

    static StockCounted last(List<StockCounted> events) {
        return events.get(events.size() - 1);
    }

    BigDecimal schoolBalance(String udise, String commodity) {
        return jdbc.sql("select quantity_kg from stock_balances where udise_code = :u and commodity = :c")
            .param("u", udise)
            .param("c", commodity)
            .query(BigDecimal.class)
            .single();
    }

    @Test
    void aBatchOfReportsPublishesOneCountPerSiteAndCommodityWithTheBalanceAfterIt() {
        String kitchen = kitchen("Counting Kitchen");
        String a = "33061300001";
        String b = "33061300002";
        String own = "33061300003";
        String alone = "33061300004";
        school(a, kitchen);
        school(b, kitchen);
        school(own, null);
        school(alone, null);
        String[] supplier = supplier(List.of(own), List.of(kitchen));
        adjust("/api/v1/stock/kitchens/" + kitchen + "/adjustments", "RICE", "500");
        deliver(supplier[0], own, "RICE", "100");
        deliver(supplier[0], own, "PULSES", "20");
        deliver(supplier[0], alone, "RICE", "50");
        awaitCounted(kitchen, "RICE", 1);
        awaitCounted(own, "RICE", 1);
        awaitCounted(own, "PULSES", 1);
        awaitCounted(alone, "RICE", 1);

        // the kitchen's two schools, the school with its own store on two days, another
        // school: 5 reports, 7 ledger entries, 4 balances changed
        String batch = "{\"reports\":[" + String.join(",", report(a, TODAY.minusDays(1), 40, 30),
                report(b, TODAY.minusDays(1), 40, 30), report(own, TODAY.minusDays(2), 40, 30),
                report(own, TODAY.minusDays(1), 40, 30), report(alone, TODAY.minusDays(1), 40, 30)) + "]}";
        assertThat(officer().post("/api/v1/meals/reports/batch", batch).getBody()).containsEntry("created", 5);
        assertThat(jdbc.sql("select count(*) from stock_ledger where udise_code = :u and kind = 'CONSUMPTION'")
            .param("u", own)
            .query(Integer.class)
            .single()).as("two days, two commodities").isEqualTo(4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(counted(kitchen, "RICE")).hasSize(2);
            assertThat(counted(own, "RICE")).hasSize(2);
            assertThat(counted(own, "PULSES")).hasSize(2);
            assertThat(counted(alone, "RICE")).hasSize(2);
        });
        // and no more (a transaction's events leave the outbox together): the schools a
        // kitchen cooks for keep no stock of their own
        assertThat(counted(kitchen)).hasSize(2);
        assertThat(counted(own)).hasSize(4);
        assertThat(counted(alone)).hasSize(2);
        assertThat(counted(a)).isEmpty();
        assertThat(counted(b)).isEmpty();

        // 500 - 2 × (40 × 100 g + 30 × 150 g) = 483 kg; the enrollment of its schools
        // eats
        // 2 × (50 × 100 g + 40 × 150 g) = 22 kg a day: 21.9 days
        assertThat(last(counted(kitchen, "RICE"))).satisfies(e -> {
            assertThat(e.kitchenId()).isEqualTo(UUID.fromString(kitchen));
            assertThat(e.udiseCode()).isNull();
            assertThat(e.quantityKg()).isEqualByComparingTo("483");
            assertThat(e.daysOfStock()).isEqualByComparingTo("21.9");
            assertThat(e.status()).isEqualTo("ADEQUATE");
            assertThat(e.supplierCode()).isEqualTo(supplier[1]);
            assertThat(e.districtCode()).isEqualTo("569");
            assertThat(e.blockCode()).isEqualTo("6114");
        });
        // 100 - 2 × 8.5 = 83 kg at its typical day of 8.5 kg: 9.7 days
        assertThat(last(counted(own, "RICE"))).satisfies(e -> {
            assertThat(e.udiseCode()).isEqualTo(own);
            assertThat(e.kitchenId()).isNull();
            assertThat(e.quantityKg()).isEqualByComparingTo("83").isEqualByComparingTo(schoolBalance(own, "RICE"));
            assertThat(e.daysOfStock()).isEqualByComparingTo("9.7");
            assertThat(e.status()).isEqualTo("ADEQUATE");
            assertThat(e.supplierCode()).isEqualTo(supplier[1]);
        });
        // 20 - 2 × (40 × 20 g + 30 × 30 g) = 16.6 kg at 1.7 kg a day: 9.7 days
        assertThat(last(counted(own, "PULSES")).quantityKg()).isEqualByComparingTo("16.6");
        // 50 - 8.5 = 41.5 kg: 4.8 days, LOW; no supplier is assigned to it
        assertThat(last(counted(alone, "RICE"))).satisfies(e -> {
            assertThat(e.quantityKg()).isEqualByComparingTo("41.5");
            assertThat(e.daysOfStock()).isEqualByComparingTo("4.8");
            assertThat(e.status()).isEqualTo("LOW");
            assertThat(e.supplierCode()).isNull();
        });
    }

    @Test
    void aDeliveryAndAnAdjustmentEachPublishOne() {
        String udise = "33061300011";
        school(udise, null);
        String[] supplier = supplier(List.of(udise), List.of());
        deliver(supplier[0], udise, "RICE", "30");
        assertThat(awaitCounted(udise, "RICE", 1)).singleElement().satisfies(e -> {
            assertThat(e.quantityKg()).isEqualByComparingTo("30");
            // 30 kg for 50 × 100 g + 40 × 150 g = 11 kg a day of its enrollment
            assertThat(e.daysOfStock()).isEqualByComparingTo("2.7");
            assertThat(e.status()).isEqualTo("LOW");
        });
        adjust("/api/v1/stock/schools/" + udise + "/adjustments", "RICE", "55");
        assertThat(last(awaitCounted(udise, "RICE", 2))).satisfies(e -> {
            assertThat(e.quantityKg()).isEqualByComparingTo("85");
            assertThat(e.daysOfStock()).isEqualByComparingTo("7.7");
            assertThat(e.status()).isEqualTo("ADEQUATE");
        });
    }

    @Test
    void anExecutedTransferPublishesOneForEachSchool() {
        String from = "33061300021";
        String to = "33061300022";
        school(from, null);
        school(to, null);
        String[] supplier = supplier(List.of(from), List.of());
        deliver(supplier[0], from, "RICE", "100");
        awaitCounted(from, "RICE", 1);

        assertThat(officer()
            .post("/api/v1/stock/transfers",
                    """
                            {"from":"%s","to":"%s","commodity":"RICE","quantityKg":40,"reason":"closer to the children"}"""
                        .formatted(from, to))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(last(awaitCounted(from, "RICE", 2)).quantityKg()).isEqualByComparingTo("60");
        assertThat(awaitCounted(to, "RICE", 1)).singleElement().satisfies(e -> {
            assertThat(e.quantityKg()).isEqualByComparingTo("40");
            assertThat(e.supplierCode()).isNull();
        });
    }

    @Test
    void aChangeRolledBackPublishesNothing() {
        String from = "33061300031";
        String to = "33061300032";
        school(from, null);
        school(to, null);
        String[] supplier = supplier(List.of(from), List.of());
        deliver(supplier[0], from, "RICE", "100");
        awaitCounted(from, "RICE", 1);
        // the receiver's ledger refuses the entry, after the sender's balance was taken
        // down in the same transaction
        jdbc.sql("""
                create or replace function refuse_transfer_in() returns trigger language plpgsql as $$
                begin
                    if new.udise_code = '%s' then
                        raise exception 'refused for the test';
                    end if;
                    return new;
                end $$""".formatted(to)).update();
        jdbc.sql("""
                create trigger refuse_transfer_in before insert on stock_ledger
                for each row execute function refuse_transfer_in()""").update();
        try {
            ResponseEntity<Map> failed = officer().post("/api/v1/stock/transfers", """
                    {"from":"%s","to":"%s","commodity":"RICE","quantityKg":40,"reason":"refused"}""".formatted(from,
                    to));
            assertThat(failed.getStatusCode().is2xxSuccessful()).isFalse();
        }
        finally {
            jdbc.sql("drop trigger refuse_transfer_in on stock_ledger").update();
        }
        assertThat(schoolBalance(from, "RICE")).isEqualByComparingTo("100");

        // a change after it is published: the one before it was not
        adjust("/api/v1/stock/schools/" + from + "/adjustments", "RICE", "1");
        assertThat(awaitCounted(from, "RICE", 2)).extracting(StockCounted::quantityKg)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("100"), new BigDecimal("101"));
        assertThat(counted(to)).isEmpty();
    }

    @Test
    void aRecountPublishesEveryBalanceOnceForAnAdminOnly() {
        String udise = "33061300041";
        school(udise, null);
        String kitchen = kitchen("Recount Kitchen");
        String[] supplier = supplier(List.of(udise), List.of(kitchen));
        deliver(supplier[0], udise, "OIL", "5");
        adjust("/api/v1/stock/kitchens/" + kitchen + "/adjustments", "WHEAT", "70");
        awaitCounted(udise, "OIL", 1);
        awaitCounted(kitchen, "WHEAT", 1);

        assertThat(officer().post("/api/v1/stock/recount", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, TestTokens.school(udise)).post("/api/v1/stock/recount", null).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        long balances = jdbc
            .sql("select (select count(*) from stock_balances) + (select count(*) from kitchen_stock_balances)")
            .query(Long.class)
            .single();
        ResponseEntity<Map> accepted = admin().post("/api/v1/stock/recount", null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/v1/stock/recount/" + accepted.getBody().get("id"));
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(admin().get(location).getBody()).containsEntry("status", "SUCCEEDED"));
        Map<String, Object> job = admin().get(location).getBody();
        assertThat(job).containsEntry("progress", 100).containsEntry("requestedBy", "state.admin");
        assertThat(((Number) job.get("balances")).longValue()).isEqualTo(balances);
        assertThat(((Number) job.get("published")).longValue()).isEqualTo(balances);

        // each balance once more, as it stands
        assertThat(last(awaitCounted(udise, "OIL", 2))).satisfies(e -> {
            assertThat(e.quantityKg()).isEqualByComparingTo("5");
            assertThat(e.status()).isEqualTo("ADEQUATE");
            // 50 × 5 g + 40 × 7.5 g = 0.55 kg a day of its enrollment
            assertThat(e.daysOfStock()).isEqualByComparingTo("9.0");
            assertThat(e.supplierCode()).isEqualTo(supplier[1]);
            assertThat(e.districtCode()).isEqualTo("569");
        });
        assertThat(last(awaitCounted(kitchen, "WHEAT", 2))).satisfies(e -> {
            assertThat(e.kitchenId()).isEqualTo(UUID.fromString(kitchen));
            assertThat(e.quantityKg()).isEqualByComparingTo("70");
            assertThat(e.daysOfStock()).as("it cooks for no school yet").isNull();
            assertThat(e.supplierCode()).isEqualTo(supplier[1]);
        });
        assertThat(admin().get("/api/v1/stock/recount/" + UUID.randomUUID()).getBody()).containsEntry("code",
                "stock.recount.not-found");
    }

}
