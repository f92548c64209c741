package in.mdm.platform.testapp;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.security.Role;
import in.mdm.platform.testapp.ProbeApplication.ProbeService;
import in.mdm.testkit.MdmIntegrationTest;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's copy of school locations, fed by SchoolRegistered over Kafka, places
 * schools for the jurisdiction checks (what each condition selects is tested in
 * {@code JurisdictionScopeSqlTests}).
 */
@MdmIntegrationTest
class SchoolLocationsIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-locations");
        registry.add("mdm.service.schema", () -> "probe_locations");
        registry.add("mdm.school-locations.enabled", () -> "true");
        // an earlier test of this module lets the broker auto-create the topic with one
        // partition, which the
        // platform then grows to three: see the new partitions within a second, not after
        // five minutes
        registry.add("spring.kafka.consumer.properties.metadata.max.age.ms", () -> "1000");
    }

    @Autowired
    ProbeService probes;

    @Autowired
    SchoolLocations locations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegisteredSchoolsLocationArrivesByEventAndScopesQueries() {
        probes.register("33020100777", "PUMS Located", false); // district 568, block 6301
        await().atMost(Duration.ofSeconds(30)).until(() -> locations.find("33020100777").isPresent());
        assertThat(locations.find("33020100777")).get()
            .isEqualTo(new SchoolLocations.Location("33020100777", "568", "6301"));

        assertThat(placedWithin(Jurisdiction.district("568"), "33020100777")).isTrue();
        assertThat(placedWithin(Jurisdiction.block("6301"), "33020100777")).isTrue();
        assertThat(placedWithin(Jurisdiction.district("569"), "33020100777")).isFalse();
        assertThat(placedWithin(Jurisdiction.district("568"), "33999999999")).as("unknown school").isFalse();

        assertThat(countVisible(officer(Jurisdiction.district("568")))).isEqualTo(1);
        assertThat(countVisible(officer(Jurisdiction.block("6302")))).isZero();
        assertThat(countVisible(officer(Jurisdiction.school("33020100777")))).isEqualTo(1);
        assertThat(countVisible(officer(Jurisdiction.state("33")))).isEqualTo(1);
    }

    @Test
    void anOlderEventNeverOverwritesANewerLocation() {
        Instant now = Instant.now();
        assertThat(locations.record("33020100888", "570", "6400", now, UUID.randomUUID())).isTrue();
        assertThat(locations.record("33020100888", "568", "6301", now.minusSeconds(60), UUID.randomUUID())).isFalse();
        assertThat(locations.find("33020100888").orElseThrow().districtCode()).isEqualTo("570");
        assertThat(locations.record("33020100888", "571", "6500", now.plusSeconds(1), UUID.randomUUID())).isTrue();
        assertThat(locations.find("33020100888").orElseThrow().districtCode()).isEqualTo("571");
    }

    private boolean placedWithin(Jurisdiction jurisdiction, String udise) {
        return locations.find(udise)
            .map(l -> JurisdictionScope.of(jurisdiction).covers(l.districtCode(), l.blockCode(), l.udiseCode()))
            .orElse(false);
    }

    private long countVisible(Caller caller) {
        JurisdictionScope.Condition condition = JurisdictionScope.of(caller)
            .where(JurisdictionScope.Columns.school("p.udise_code"));
        return jdbc.sql("select count(*) from probes p where p.udise_code = '33020100777' and " + condition.sql())
            .params(condition.params())
            .query(Long.class)
            .single();
    }

    private static Caller officer(Jurisdiction jurisdiction) {
        return new Caller("t", "t", Set.of(Role.OFFICER), jurisdiction, Set.of(), null, null);
    }

}
