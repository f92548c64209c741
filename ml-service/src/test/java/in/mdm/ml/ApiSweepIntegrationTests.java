package in.mdm.ml;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.ml.feature.MealHistory;
import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

/**
 * Every operation ml-service documents: 401 without a token, 400 problems for parameters
 * and bodies that are not what it documents, never a 5xx; another area's schools, scores,
 * forecasts, interventions, weather and cascades are a 404 to every caller outside it.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    static final String SCHOOL = "33020100101";

    static final String CASCADE_NODE = "GET /api/v1/ml/cascade/nodes/{kind}/{code}";

    @Autowired
    JdbcClient jdbc;

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // a school of Chennai (district 568, block 6301) as school-service's events place
        // it,
        // with a risk score, a stored forecast and an accepted intervention
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into school_features (udise_code, district_code, block_code, enrollment, meals)
                values (:u, '568', '6301', 120, :meals) on conflict do nothing""")
            .param("u", SCHOOL)
            .param("meals", new MealHistory().toBytes())
            .update();
        jdbc.sql("""
                insert into risk_scores (udise_code, district_code, block_code, for_date, score, level, model_version,
                                         scored_at)
                values (:u, '568', '6301', :today, 55.0, 'HIGH', 'sweep', :now) on conflict do nothing""")
            .param("u", SCHOOL)
            .param("today", today)
            .param("now", now)
            .update();
        String forecast = """
                {"udiseCode":"%s","districtCode":"568","blockCode":"6301","asOf":"%s","method":"ensemble",
                 "weights":{},"backtest":null,"days":[]}""".formatted(SCHOOL, today);
        jdbc.sql("""
                insert into demand_forecasts (udise_code, district_code, block_code, as_of, model_version, forecast,
                                              made_at)
                values (:u, '568', '6301', :today, 'sweep', cast(:f as jsonb), :now) on conflict do nothing""")
            .param("u", SCHOOL)
            .param("today", today)
            .param("f", forecast)
            .param("now", now)
            .update();
        jdbc.sql("""
                insert into interventions (id, udise_code, district_code, block_code, kind, status, risk_before,
                                           risk_expected, cost_rupees, accepted_by, accepted_at, outcome_due)
                values (:id, :u, '568', '6301', 'INFRASTRUCTURE', 'ACCEPTED', 55.0, 30.0, 25000, 'officer-568', :now,
                        :due)""")
            .param("id", UUID.randomUUID())
            .param("u", SCHOOL)
            .param("now", now)
            .param("due", today.plusDays(60))
            .update();
        return sweep.outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6302 in the same district", TestTokens.blockOfficer("6302"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            .value("udiseCode", SCHOOL)
            .value("districtCode", "568")
            .value("blockCode", "6301")
            .value(CASCADE_NODE, "kind", "school")
            .value(CASCADE_NODE, "code", SCHOOL)
            .unbound(operation -> operation.contains("/api/v1/ml/models/"),
                    "the state's model registry (versions, audit, rollback), no area's data")
            .unbound("GET /api/v1/ml/retrain/{id}", "a state-wide retraining job, ADMIN only")
            .unbound("GET /api/v1/ml/forecast/runs/{id}", "a state-wide forecast run, ADMIN only");
    }

}
