package in.mdm.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;
import in.mdm.testkit.TestTokens;

/**
 * Every operation alert-service documents: 401 without a token (but the live streams,
 * entered with a ticket), 400 problems for parameters and bodies that are not what it
 * documents, never a 5xx; another area's alert is a 404 to every caller outside it.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Override
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep.open("/api/v1/alerts/stream", "/api/v1/alerts/ws");
    }

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // an open alert of a school of Chennai (district 568, block 6301)
        locations.record("33020100101", "568", "6301", Instant.now(), UUID.randomUUID());
        UUID alert = UUID.randomUUID();
        jdbc.sql("""
                insert into alerts (id, rule_code, alert_type, severity, status, title, message, scope_level,
                                    scope_code, udise_code, raised_at, last_seen_at)
                values (:id, 'stock.low', 'stock', 'WARNING', 'OPEN', 'Stock low', 'Rice covers one day', 'SCHOOL',
                        '33020100101', '33020100101', :raisedAt, :raisedAt)""")
            .param("id", alert)
            .param("raisedAt", Timestamp.from(Instant.now()))
            .update();
        return sweep.outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6302 in the same district", TestTokens.blockOfficer("6302"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            .value("id", alert.toString())
            .value("udiseCode", "33020100101")
            .value("school", "33020100101")
            .value("district", "568")
            .value("block", "6301")
            .value("scopeLevel", "SCHOOL")
            .value("scopeCode", "33020100101")
            .unbound(operation -> operation.contains("/api/v1/alerts/rules"), "the state's alert rules")
            .unbound(operation -> operation.contains("/api/v1/alerts/stream"),
                    "a stream carries the alerts of its ticket's caller only");
    }

}
