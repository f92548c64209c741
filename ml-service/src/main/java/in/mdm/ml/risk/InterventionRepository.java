package in.mdm.ml.risk;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** Interventions accepted, and their outcomes. */
@Repository
class InterventionRepository {

    private final JdbcClient jdbc;

    InterventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AcceptedIntervention t) {
        jdbc.sql("""
                insert into interventions (id, udise_code, district_code, block_code, kind, status, risk_before,
                                           risk_expected, cost_rupees, note, accepted_by, accepted_at, outcome_due)
                values (:id, :udise, :district, :block, :kind, 'ACCEPTED', :before, :expected, :cost, :note, :by, :at,
                        :due)""")
            .param("id", t.id())
            .param("udise", t.udiseCode())
            .param("district", t.districtCode())
            .param("block", t.blockCode())
            .param("kind", t.kind())
            .param("before", BigDecimal.valueOf(t.riskBefore()))
            .param("expected", BigDecimal.valueOf(t.riskExpected()))
            .param("cost", t.costRupees())
            .param("note", t.note())
            .param("by", t.acceptedBy())
            .param("at", Timestamp.from(t.acceptedAt()))
            .param("due", t.outcomeDue())
            .update();
    }

    Optional<AcceptedIntervention> find(UUID id) {
        return jdbc.sql("select * from interventions where id = :id").param("id", id).query(this::map).optional();
    }

    PageResponse<AcceptedIntervention> page(String districtCode, String status, JurisdictionScope.Condition within,
            int page, int size) {
        return PagedQuery.select(jdbc, "*", "interventions", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                    and (cast(:status as varchar) is null or status = :status)""")
            .param("district", districtCode)
            .param("status", status)
            .orderBy("accepted_at desc, id")
            .fetch(page, size, this::map);
    }

    /**
     * Records the outcome of every intervention due by {@code today}: the school's latest
     * risk score; returns how many.
     */
    int evaluateDue(LocalDate today, Instant at) {
        return jdbc.sql("""
                update interventions i set status = 'EVALUATED', risk_after = r.score, evaluated_at = :at
                  from risk_scores r
                 where r.udise_code = i.udise_code and i.status = 'ACCEPTED' and i.outcome_due <= :today""")
            .param("today", today)
            .param("at", Timestamp.from(at))
            .update();
    }

    private AcceptedIntervention map(ResultSet rs, int n) throws SQLException {
        BigDecimal after = rs.getBigDecimal("risk_after");
        Timestamp evaluated = rs.getTimestamp("evaluated_at");
        return new AcceptedIntervention(rs.getObject("id", UUID.class), rs.getString("udise_code"),
                rs.getString("district_code"), rs.getString("block_code"), rs.getString("kind"), rs.getString("status"),
                rs.getBigDecimal("risk_before").doubleValue(), rs.getBigDecimal("risk_expected").doubleValue(),
                after == null ? null : after.doubleValue(), rs.getInt("cost_rupees"), rs.getString("note"),
                rs.getString("accepted_by"), rs.getTimestamp("accepted_at").toInstant(),
                rs.getObject("outcome_due", LocalDate.class), evaluated == null ? null : evaluated.toInstant());
    }

}
