package in.mdm.optimization.transfer;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A calculation left RUNNING by an instance that stopped is failed when an instance
 * starts, not left RUNNING for ever; one started a moment ago is left alone.
 */
@MdmIntegrationTest
class CalculationRecoveryIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecommendationService recommendations;

    @Test
    void aCalculationLeftRunningByAStoppedInstanceIsFailedAndALiveOneIsLeftAlone() {
        UUID stale = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        insert(stale, "now() - interval '2 hours'");
        insert(live, "now()");
        recommendations.failCalculationsLeftUnfinished();
        assertThat(status(stale)).isEqualTo("FAILED");
        assertThat(status(live)).isEqualTo("RUNNING");
        assertThat(jdbc.sql("select error from optimization_runs where id = :id")
            .param("id", stale)
            .query(String.class)
            .single()).contains("stopped");
    }

    private void insert(UUID id, String createdAt) {
        jdbc.sql("insert into optimization_runs (id, district_code, horizon_days, status, requested_by, created_at)"
                + " values (:id, '9999', 7, 'RUNNING', 'test', " + createdAt + ")")
            .param("id", id)
            .update();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from optimization_runs where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

}
