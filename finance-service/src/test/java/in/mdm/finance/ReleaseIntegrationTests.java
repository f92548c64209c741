package in.mdm.finance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.FinanceTopics;
import in.mdm.events.finance.FundReleaseApproved;
import in.mdm.events.finance.FundReleaseRejected;
import in.mdm.events.finance.FundReleaseRequested;
import in.mdm.events.finance.FundReleased;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.finance.Fixtures.rupees;
import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The release workflow on the real PostgreSQL and Kafka: tranches, level-by-level
 * approval, every refusal.
 */
@MdmIntegrationTest
class ReleaseIntegrationTests {

    static final String RELEASES = "/api/v1/financial/releases";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Release(UUID releaseId, UUID allocationId, String kind, Integer quarter, BigDecimal trancheAmount,
            BigDecimal releasePercent, BigDecimal amount, String status, String pendingLevel, String rejectedBy,
            String rejectionReason, List<Map<String, Object>> approvals) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin;

    @BeforeEach
    void adminCalls() {
        admin = Http.as(port, TestTokens.admin());
    }

    @Test
    void quarterOneOf149160At95PercentReleases35425_50AfterTheDistrictTheBlockAndTheSchoolApprove() {
        UUID allocation = Fixtures.allocate(jdbc, admin, "33210100001", "2035-36", 100, 0, "521", "5210");

        Release requested = request(admin, allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1}");
        // 149 160.00 × 25 % = 37 290.00; 95 % of it = 35 425.50 (the rest held back)
        assertThat(requested.trancheAmount()).isEqualTo(rupees("37290.00"));
        assertThat(requested.amount()).isEqualTo(rupees("35425.50"));
        assertThat(requested.status()).isEqualTo("PENDING");
        assertThat(requested.pendingLevel()).isEqualTo("DISTRICT");

        assertThat(approve(TestTokens.officer("521"), requested).pendingLevel()).isEqualTo("BLOCK");
        assertThat(approve(TestTokens.blockOfficer("5210"), requested).pendingLevel()).isEqualTo("SCHOOL");
        Release released = approve(TestTokens.school("33210100001"), requested);

        assertThat(released.status()).isEqualTo("RELEASED");
        assertThat(released.pendingLevel()).isNull();
        assertThat(released.approvals()).extracting(a -> a.get("level") + " by " + a.get("approvedBy"))
            .containsExactly("DISTRICT by deo.521", "BLOCK by beo.5210", "SCHOOL by hm.33210100001");
        assertThat(jdbc.sql("select released from allocations where id = ?")
            .param(allocation)
            .query(BigDecimal.class)
            .single()).isEqualTo(rupees("35425.50"));
        // a released fund can no longer be rejected; the school approving again changes
        // nothing
        assertProblem(admin.post(RELEASES + "/" + requested.releaseId() + "/reject", "{\"reason\":\"Too late\"}"),
                HttpStatus.CONFLICT, "finance.release.not-pending");
        assertThat(approve(TestTokens.school("33210100001"), requested)).isEqualTo(released);
        assertThat(jdbc.sql("select released from allocations where id = ?")
            .param(allocation)
            .query(BigDecimal.class)
            .single()).isEqualTo(rupees("35425.50"));

        List<DomainEvent> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> releaseEvents(requested.releaseId()), list -> list.size() == 5);
        // events of one transaction may reach Kafka in any order; each kind once
        // (approvals once per level)
        assertThat(events).filteredOn(FundReleaseRequested.class::isInstance)
            .singleElement()
            .isInstanceOfSatisfying(FundReleaseRequested.class, e -> {
                assertThat(e.amount()).isEqualTo(rupees("35425.50"));
                assertThat(e.scope()).isEqualTo(Jurisdiction.school("33210100001"));
                assertThat(e.kind()).isEqualTo("QUARTERLY");
            });
        assertThat(events).filteredOn(FundReleaseApproved.class::isInstance)
            .extracting(e -> ((FundReleaseApproved) e).level())
            .containsExactlyInAnyOrder("DISTRICT", "BLOCK", "SCHOOL");
        assertThat(events).filteredOn(FundReleased.class::isInstance)
            .singleElement()
            .isInstanceOfSatisfying(FundReleased.class, e -> {
                assertThat(e.amount()).isEqualTo(rupees("35425.50"));
                assertThat(e.allocationId()).isEqualTo(allocation);
            });
    }

    @Test
    void everyIllegalTransitionIsRefusedWithAProblemAndApprovingTwiceChangesNothing() {
        UUID allocation = Fixtures.allocate(jdbc, admin, "33220100001", "2035-36", 100, 0, "522", "5220");
        Http district = Http.as(port, TestTokens.officer("522"));
        Release release = request(district, allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":2,\"releasePercent\":93}");
        assertThat(release.amount()).isEqualTo(rupees("34679.70")); // 37 290.00 × 93 %
        String approve = RELEASES + "/" + release.releaseId() + "/approve";
        String reject = RELEASES + "/" + release.releaseId() + "/reject";

        // out of order: the block and the school before the district
        assertProblem(Http.as(port, TestTokens.blockOfficer("5220")).post(approve, ""), HttpStatus.CONFLICT,
                "finance.release.out-of-order");
        assertProblem(Http.as(port, TestTokens.school("33220100001")).post(approve, ""), HttpStatus.CONFLICT,
                "finance.release.out-of-order");
        // the requesting officer may not approve the request
        assertProblem(district.post(approve, ""), HttpStatus.CONFLICT, "finance.release.own-request");
        // the state approves no level; another district does not see the release
        assertProblem(admin.post(approve, ""), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(Http.as(port, TestTokens.officer("523")).post(approve, ""), HttpStatus.NOT_FOUND,
                "finance.release.not-found");
        assertProblem(Http.as(port, TestTokens.school("33220100002")).post(approve, ""), HttpStatus.NOT_FOUND,
                "finance.release.not-found");
        assertProblem(Http.as(port, null).post(approve, ""), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        assertThat(jdbc.sql("select count(*) from fund_release_approvals where release_id = ?")
            .param(release.releaseId())
            .query(Long.class)
            .single()).isZero();

        // another district officer of the same district approves, twice: one approval,
        // the second answer the same
        Http otherDeo = Http.as(port,
                TestTokens.token().subject("adeo.522").roles("OFFICER").jurisdiction("DISTRICT", "522").build());
        Release once = approve(otherDeo.post(approve, "", Release.class));
        Release twice = approve(otherDeo.post(approve, "", Release.class));
        assertThat(twice).isEqualTo(once);
        assertThat(once.pendingLevel()).isEqualTo("BLOCK");
        assertThat(jdbc.sql("select count(*) from fund_release_approvals where release_id = ?")
            .param(release.releaseId())
            .query(Long.class)
            .single()).isEqualTo(1L);

        // the district cannot decide again once it is the block's turn
        assertProblem(district.post(reject, "{\"reason\":\"Late\"}"), HttpStatus.CONFLICT,
                "finance.release.out-of-order");
        assertInvalid(Http.as(port, TestTokens.blockOfficer("5220")).post(reject, "{}"), "reason");
        Release rejected = Http.as(port, TestTokens.blockOfficer("5220"))
            .post(reject, "{\"reason\":\"Utilisation certificate missing\"}", Release.class)
            .getBody();
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectedBy()).isEqualTo("beo.5220");
        assertThat(rejected.rejectionReason()).isEqualTo("Utilisation certificate missing");

        assertProblem(Http.as(port, TestTokens.school("33220100001")).post(approve, ""), HttpStatus.CONFLICT,
                "finance.release.not-pending");
        assertProblem(admin.post(reject, "{\"reason\":\"again\"}"), HttpStatus.CONFLICT, "finance.release.not-pending");
        assertThat(jdbc.sql("select released from allocations where id = ?")
            .param(allocation)
            .query(BigDecimal.class)
            .single()).isEqualTo(rupees("0.00"));
        List<DomainEvent> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> releaseEvents(release.releaseId()), list -> list.size() == 3);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
            .containsExactlyInAnyOrder("FundReleaseRequested", "FundReleaseApproved", "FundReleaseRejected");
        assertThat(events).filteredOn(FundReleaseRejected.class::isInstance)
            .singleElement()
            .satisfies(e -> assertThat(((FundReleaseRejected) e).level()).isEqualTo("BLOCK"));

        // a rejected quarter may be requested again
        assertThat(request(district, allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":2}").status())
            .isEqualTo("PENDING");
    }

    @Test
    void holdBackOutsideTheBandASecondTrancheOfAQuarterAndReleasesBeyondTheAllocationAreRefused() {
        UUID allocation = Fixtures.allocate(jdbc, admin, "33230100001", "2035-36", 10, 0, "524", "5240");
        // 10 × 6.78 × 220 = 14 916.00; tranche 3 729.00
        assertProblem(
                admin.post(RELEASES,
                        body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1,\"releasePercent\":92.99}")),
                HttpStatus.BAD_REQUEST, "finance.release.percent-out-of-band");
        assertProblem(
                admin.post(RELEASES,
                        body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1,\"releasePercent\":97.01}")),
                HttpStatus.BAD_REQUEST, "finance.release.percent-out-of-band");
        assertProblem(admin.post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\"}")), HttpStatus.BAD_REQUEST,
                "finance.release.quarter-required");
        assertProblem(admin.post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1,\"amount\":5}")),
                HttpStatus.BAD_REQUEST, "finance.release.amount-not-allowed");
        assertProblem(admin.post(RELEASES, body(allocation, "{\"kind\":\"EMERGENCY\",\"amount\":100}")),
                HttpStatus.BAD_REQUEST, "finance.release.emergency-needs-amount-and-reason");
        assertInvalid(admin.post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":5}")), "quarter");
        assertInvalid(admin.post(RELEASES, "{\"kind\":\"QUARTERLY\"}"), "allocationId");
        assertProblem(admin.post(RELEASES, body(allocation, "{\"kind\":\"SOMETIME\"}")), HttpStatus.BAD_REQUEST,
                "request.invalid-value");
        assertProblem(admin.post(RELEASES, body(UUID.randomUUID(), "{\"kind\":\"QUARTERLY\",\"quarter\":1}")),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(
                Http.as(port, TestTokens.officer("525"))
                    .post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1}")),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(
                Http.as(port, TestTokens.school("33230100001"))
                    .post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1}")),
                HttpStatus.FORBIDDEN, "auth.forbidden");

        request(admin, allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1,\"releasePercent\":97}");
        assertProblem(admin.post(RELEASES, body(allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1}")),
                HttpStatus.CONFLICT, "finance.release.tranche-exists");
        // 3 617.13 pending (97 % of 3 729.00): an emergency of 11 298.88 would commit 14
        // 916.01, one paisa too many
        assertProblem(
                admin.post(RELEASES,
                        body(allocation, "{\"kind\":\"EMERGENCY\",\"amount\":11298.88,\"reason\":\"Flood\"}")),
                HttpStatus.CONFLICT, "finance.release.exceeds-allocation");
        Release emergency = request(admin, allocation,
                "{\"kind\":\"EMERGENCY\",\"amount\":11298.87,\"reason\":\"Flood\"}");
        assertThat(emergency.amount()).isEqualTo(rupees("11298.87"));

        // lowering the allocation by hand below the pending emergency, then approving it:
        // the release is refused at the
        // school's approval and nothing of that approval is written
        admin.put("/api/v1/financial/allocations/" + allocation, "{\"amount\":5000.00,\"reason\":\"Audit finding\"}");
        String approve = RELEASES + "/" + emergency.releaseId() + "/approve";
        approve(Http.as(port, TestTokens.officer("524")).post(approve, "", Release.class));
        approve(Http.as(port, TestTokens.blockOfficer("5240")).post(approve, "", Release.class));
        assertProblem(Http.as(port, TestTokens.school("33230100001")).post(approve, ""), HttpStatus.CONFLICT,
                "finance.release.exceeds-allocation");
        assertThat(jdbc.sql("select count(*) from fund_release_approvals where release_id = ?")
            .param(emergency.releaseId())
            .query(Long.class)
            .single()).isEqualTo(2L);
        assertThat(jdbc.sql("select released from allocations where id = ?")
            .param(allocation)
            .query(BigDecimal.class)
            .single()).isEqualTo(rupees("0.00"));
    }

    @Test
    void anEmergencyNamingAQuarterAZeroTrancheAndAStateOfficerDecidingAreRefused() {
        UUID allocation = Fixtures.allocate(jdbc, admin, "33230200001", "2035-36", 10, 0, "524", "5241");
        assertProblem(
                admin.post(RELEASES,
                        body(allocation, "{\"kind\":\"EMERGENCY\",\"amount\":100,\"reason\":\"Flood\",\"quarter\":1}")),
                HttpStatus.BAD_REQUEST, "finance.release.quarter-not-allowed");
        assertProblem(
                admin.post(RELEASES,
                        body(allocation,
                                "{\"kind\":\"EMERGENCY\",\"amount\":100,\"reason\":\"Flood\",\"releasePercent\":95}")),
                HttpStatus.BAD_REQUEST, "finance.release.quarter-not-allowed");

        // a school with no children enrolled has an allocation of 0.00: its tranches come
        // to nothing
        UUID empty = Fixtures.allocate(jdbc, admin, "33230200002", "2035-36", 0, 0, "524", "5241");
        assertProblem(admin.post(RELEASES, body(empty, "{\"kind\":\"QUARTERLY\",\"quarter\":1}")), HttpStatus.CONFLICT,
                "finance.release.nothing-to-release");

        // an officer of the state sees the release but approves and rejects at no level
        Release release = request(admin, allocation, "{\"kind\":\"QUARTERLY\",\"quarter\":1}");
        Http stateOfficer = Http.as(port,
                TestTokens.token().subject("so.33").roles("OFFICER").jurisdiction("STATE", "33").build());
        assertProblem(stateOfficer.post(RELEASES + "/" + release.releaseId() + "/approve", ""), HttpStatus.CONFLICT,
                "finance.release.no-approval-level");
        assertProblem(stateOfficer.post(RELEASES + "/" + release.releaseId() + "/reject", "{\"reason\":\"No\"}"),
                HttpStatus.CONFLICT, "finance.release.no-approval-level");
        assertThat(jdbc.sql("select status || ':' || pending_level from fund_releases where id = ?")
            .param(release.releaseId())
            .query(String.class)
            .single()).isEqualTo("PENDING:DISTRICT");
        assertThat(jdbc.sql("select count(*) from fund_release_approvals where release_id = ?")
            .param(release.releaseId())
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void thePendingDashboardCountsEachLevelInsideTheCallersJurisdiction() {
        UUID first = Fixtures.allocate(jdbc, admin, "33240100001", "2036-37", 100, 0, "526", "5260");
        UUID second = Fixtures.allocate(jdbc, admin, "33240100002", "2036-37", 100, 0, "526", "5261");
        Release a = request(admin, first, "{\"kind\":\"QUARTERLY\",\"quarter\":1}");
        request(admin, second, "{\"kind\":\"QUARTERLY\",\"quarter\":1}");
        approve(Http.as(port, TestTokens.officer("526"))
            .post(RELEASES + "/" + a.releaseId() + "/approve", "", Release.class));

        List<Map<String, Object>> district = Http.as(port, TestTokens.officer("526"))
            .getForObject(RELEASES + "/pending", List.class);
        assertThat(district).extracting(m -> m.get("level") + ":" + m.get("releases") + ":" + m.get("amount"))
            .containsExactly("DISTRICT:1:35425.5", "BLOCK:1:35425.5");
        List<Map<String, Object>> block = Http.as(port, TestTokens.blockOfficer("5261"))
            .getForObject(RELEASES + "/pending", List.class);
        assertThat(block).extracting(m -> m.get("level") + ":" + m.get("releases")).containsExactly("DISTRICT:1");
        assertThat(Http.as(port, TestTokens.officer("527")).getForObject(RELEASES + "/pending", List.class)).isEmpty();

        Map<String, Object> history = Http.as(port, TestTokens.officer("526"))
            .getForObject(RELEASES + "?pendingLevel=BLOCK", Map.class);
        assertThat((List<Map<String, Object>>) history.get("items")).extracting(m -> m.get("releaseId"))
            .containsExactly(a.releaseId().toString());
        assertInvalid(admin.get(RELEASES + "?status=DONE"), "status");
        assertProblem(Http.as(port, TestTokens.officer("527")).get(RELEASES + "/" + a.releaseId()),
                HttpStatus.NOT_FOUND, "finance.release.not-found");
    }

    @Test
    void concurrentRequestsNeverCommitMoreThanTheAllocation() throws Exception {
        UUID allocation = Fixtures.allocate(jdbc, admin, "33250100001", "2036-37", 10, 0, "528", "5280");
        // 14 916.00 allocated: eight simultaneous emergency requests of 4 000.00, at most
        // three fit
        String body = body(allocation, "{\"kind\":\"EMERGENCY\",\"amount\":4000.00,\"reason\":\"Cyclone\"}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ResponseEntity<Map>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> admin.post(RELEASES, body)));
            }
            long created = 0;
            for (java.util.concurrent.Future<ResponseEntity<Map>> answer : answers) {
                ResponseEntity<Map> response = answer.get();
                if (response.getStatusCode() == HttpStatus.CREATED) {
                    created++;
                }
                else {
                    assertProblem(response, HttpStatus.CONFLICT, "finance.release.exceeds-allocation");
                }
            }
            assertThat(created).isEqualTo(3);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select sum(amount) from fund_releases where allocation_id = ?")
            .param(allocation)
            .query(BigDecimal.class)
            .single()).isEqualTo(rupees("12000.00"));
    }

    private Release request(Http as, UUID allocation, String fields) {
        ResponseEntity<Release> response = as.post(RELEASES, body(allocation, fields), Release.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private Release approve(String token, Release release) {
        return approve(Http.as(port, token).post(RELEASES + "/" + release.releaseId() + "/approve", "", Release.class));
    }

    private static Release approve(ResponseEntity<Release> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String body(UUID allocation, String fields) {
        return "{\"allocationId\":\"" + allocation + "\"," + fields.substring(1);
    }

    private static List<DomainEvent> releaseEvents(UUID releaseId) {
        return Fixtures.events(FinanceTopics.RELEASES)
            .stream()
            .filter(e -> e.aggregateId().equals(releaseId.toString()))
            .toList();
    }

}
