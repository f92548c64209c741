package in.mdm.ml.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** The latest score of every school. */
@Repository
class RiskRepository {

    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private static final TypeReference<List<Factor>> FACTORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final JsonMapper json;

    RiskRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Previous scores and levels, by school. */
    Map<String, RiskScore> previous(Collection<String> udiseCodes) {
        Map<String, RiskScore> previous = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return previous;
        }
        jdbc.sql("select * from risk_scores where udise_code = any(:codes)")
            .param("codes", new SqlArrayValue("text", udiseCodes.toArray()))
            .query(this::map)
            .list()
            .forEach(r -> previous.put(r.udiseCode(), r));
        return previous;
    }

    void save(List<RiskScore> scores) {
        template.batchUpdate(
                """
                        insert into risk_scores (udise_code, district_code, block_code, for_date, score, level, model_version,
                                                 factors, scored_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                        on conflict (udise_code) do update
                           set district_code = excluded.district_code, block_code = excluded.block_code,
                               for_date = excluded.for_date, score = excluded.score, level = excluded.level,
                               model_version = excluded.model_version, factors = excluded.factors, scored_at = excluded.scored_at
                         where risk_scores.for_date <= excluded.for_date""",
                scores, 1000, (ps, s) -> {
                    ps.setString(1, s.udiseCode());
                    ps.setString(2, s.districtCode());
                    ps.setString(3, s.blockCode());
                    ps.setObject(4, s.forDate());
                    ps.setBigDecimal(5, java.math.BigDecimal.valueOf(s.score()));
                    ps.setString(6, s.level());
                    ps.setString(7, s.modelVersion());
                    ps.setString(8, json.writeValueAsString(s.factors()));
                    ps.setTimestamp(9, Timestamp.from(s.scoredAt()));
                });
    }

    PageResponse<RiskScore> page(String districtCode, String blockCode, String level, String orderBy,
            JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "risk_scores", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                    and (cast(:block as varchar) is null or block_code = :block)
                    and (cast(:level as varchar) is null or level = :level)""")
            .param("district", districtCode)
            .param("block", blockCode)
            .param("level", level)
            .orderBy(orderBy)
            .fetch(page, size, this::map);
    }

    private RiskScore map(ResultSet rs, int row) throws SQLException {
        return new RiskScore(rs.getString("udise_code"), rs.getString("district_code"), rs.getString("block_code"),
                rs.getObject("for_date", LocalDate.class), rs.getBigDecimal("score").doubleValue(),
                rs.getString("level"), rs.getString("model_version"), json.readValue(rs.getString("factors"), FACTORS),
                rs.getTimestamp("scored_at").toInstant());
    }

    /** Schools whose latest risk score is CRITICAL: the pulse gauge. */
    long countCritical() {
        return jdbc.sql("select count(*) from risk_scores where level = 'CRITICAL'").query(Long.class).single();
    }

}
