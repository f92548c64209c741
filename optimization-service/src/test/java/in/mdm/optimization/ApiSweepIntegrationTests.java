package in.mdm.optimization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

/**
 * Every operation optimization-service documents: 401 without a token, 400 problems for
 * parameters and bodies that are not what it documents, never a 5xx; another area's
 * transfer plans, calculations and what-if runs are a 404 to every caller outside it.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    static final String FROM = "33020100101";

    static final String TO = "33020100102";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // two schools of Chennai (district 568, block 6301), a calculation of the block
        // and its
        // recommendation between them, waiting for a decision, and a finished what-if run
        locations.record(FROM, "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record(TO, "568", "6301", Instant.now(), UUID.randomUUID());
        Timestamp now = Timestamp.from(Instant.now());
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                insert into optimization_runs (id, district_code, block_code, commodity, horizon_days, status, progress,
                                               requested_by, created_at, finished_at, sites, recommendations)
                values (:id, '568', '6301', 'RICE', 7, 'DONE', 100, 'deo.568', :now, :now, 2, 1)""")
            .param("id", run)
            .param("now", now)
            .update();
        UUID plan = UUID.randomUUID();
        jdbc.sql("""
                insert into transfer_plans (id, from_udise_code, to_udise_code, commodity, quantity_kg, status, reason,
                                            source, run_id, district_code)
                values (:id, :from, :to, 'RICE', 40, 'PROPOSED', 'Rice at the receiver covers 1 day', 'OPTIMIZER',
                        :run, '568')""")
            .param("id", plan)
            .param("from", FROM)
            .param("to", TO)
            .param("run", run)
            .update();
        UUID scenario = UUID.randomUUID();
        jdbc.sql("""
                insert into scenario_runs (id, status, requested_by, district_code, block_code, days, runs, seed,
                                           perturbations, runs_done, progress, schools, baseline_mean, baseline_p10,
                                           baseline_p90, scenario_mean, scenario_p10, scenario_p90, diff_mean, diff_p10,
                                           diff_p90, daily, created_at, started_at, finished_at, heartbeat_at)
                values (:id, 'SUCCEEDED', 'deo.568', '568', '6301', 2, 5, 1, '[]', 5, 100, 2, 10, 8, 12, 14, 11, 17, 4,
                        2, 6, '{"baseline":[5,5],"scenario":[7,7]}', :now, :now, :now, :now)""")
            .param("id", scenario)
            .param("now", now)
            .update();
        jdbc.sql("""
                insert into scenario_results (scenario_id, level, code, district_code, block_code, baseline_mean,
                                              baseline_p10, baseline_p90, scenario_mean, scenario_p10, scenario_p90,
                                              diff_mean, diff_p10, diff_p90)
                values (:id, 'SCHOOL', :school, '568', '6301', 5, 4, 6, 7, 5, 9, 2, 1, 3)""")
            .param("id", scenario)
            .param("school", TO)
            .update();
        return sweep.outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6303 in the same district", TestTokens.blockOfficer("6303"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            .value("GET /api/v1/optimization/transfers/{id}", "id", plan.toString())
            .value("PUT /api/v1/optimization/approve/{id}", "id", plan.toString())
            .value("PUT /api/v1/optimization/reject/{id}", "id", plan.toString())
            .body("PUT /api/v1/optimization/reject/{id}", "{\"reason\":\"the road is closed\"}")
            .value("GET /api/v1/optimization/calculate/{id}", "id", run.toString())
            .value("GET /api/v1/optimization/scenarios/{id}", "id", scenario.toString())
            .value("GET /api/v1/optimization/scenarios/{id}/results", "id", scenario.toString())
            .value("udiseCode", FROM)
            .value("districtCode", "568")
            .value("runId", run.toString());
    }

}
