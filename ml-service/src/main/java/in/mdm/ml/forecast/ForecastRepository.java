package in.mdm.ml.forecast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** The latest forecast of every school, and the runs that make them. */
@Repository
class ForecastRepository {

    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final JsonMapper json;

    ForecastRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    Optional<DemandForecast> find(String udiseCode) {
        return jdbc.sql("select forecast::text from demand_forecasts where udise_code = :u")
            .param("u", udiseCode)
            .query(String.class)
            .optional()
            .map(text -> json.readValue(text, DemandForecast.class));
    }

    /** The stored forecasts of these schools, by school. */
    Map<String, DemandForecast> previous(Collection<String> udiseCodes) {
        Map<String, DemandForecast> previous = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return previous;
        }
        jdbc.sql("select forecast::text from demand_forecasts where udise_code = any(:codes)")
            .param("codes", new SqlArrayValue("text", udiseCodes.toArray()))
            .query(String.class)
            .list()
            .forEach(text -> {
                DemandForecast forecast = json.readValue(text, DemandForecast.class);
                previous.put(forecast.udiseCode(), forecast);
            });
        return previous;
    }

    /** Saves forecasts; an older one (by {@code as_of}) never replaces a newer. */
    void save(List<DemandForecast> forecasts, Instant at) {
        template.batchUpdate("""
                insert into demand_forecasts (udise_code, district_code, block_code, as_of, model_version, forecast,
                                              made_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (udise_code) do update
                   set district_code = excluded.district_code, block_code = excluded.block_code,
                       as_of = excluded.as_of, model_version = excluded.model_version,
                       forecast = excluded.forecast, made_at = excluded.made_at
                 where demand_forecasts.as_of <= excluded.as_of""", forecasts, 1000, (ps, f) -> {
            ps.setString(1, f.udiseCode());
            ps.setString(2, f.districtCode());
            ps.setString(3, f.blockCode());
            ps.setObject(4, f.asOf());
            ps.setString(5, DemandForecaster.VERSION);
            ps.setString(6, json.writeValueAsString(f));
            ps.setTimestamp(7, Timestamp.from(at));
        });
    }

    PageResponse<DemandForecast> page(String districtCode, String blockCode, JurisdictionScope.Condition within,
            int page, int size) {
        return PagedQuery.select(jdbc, "forecast::text as forecast", "demand_forecasts", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                    and (cast(:block as varchar) is null or block_code = :block)""")
            .param("district", districtCode)
            .param("block", blockCode)
            .orderBy("udise_code")
            .fetch(page, size, (rs, n) -> json.readValue(rs.getString("forecast"), DemandForecast.class));
    }

    /** Starts a run unless one runs (false then). */
    boolean start(UUID id, String requestedBy, LocalDate asOf, int schools, Instant at) {
        try {
            jdbc.sql("""
                    insert into forecast_runs (id, status, requested_by, started_at, as_of, schools)
                    values (:id, 'RUNNING', :by, :at, :asOf, :schools)""")
                .param("id", id)
                .param("by", requestedBy)
                .param("at", Timestamp.from(at))
                .param("asOf", asOf)
                .param("schools", schools)
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    void priors(UUID id, Priors priors) {
        jdbc.sql("update forecast_runs set priors = cast(:priors as jsonb) where id = :id")
            .param("id", id)
            .param("priors", json.writeValueAsString(priors))
            .update();
    }

    /**
     * Adds a chunk's counts (in the chunk's transaction, so that they count what was
     * saved).
     */
    void progress(UUID id, int done, int forecast, int published) {
        jdbc.sql("""
                update forecast_runs set done = done + :done, forecast = forecast + :forecast,
                       published = published + :published where id = :id""")
            .param("id", id)
            .param("done", done)
            .param("forecast", forecast)
            .param("published", published)
            .update();
    }

    void finish(UUID id, String error, Instant at) {
        jdbc.sql("""
                update forecast_runs set status = :status, error = :error, finished_at = :at
                 where id = :id and status = 'RUNNING'""")
            .param("id", id)
            .param("status", error == null ? "SUCCEEDED" : "FAILED")
            .param("error", error)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Marks FAILED a run left RUNNING since before {@code stale} (its replica stopped),
     * so that it does not block the next.
     */
    int failStale(Instant stale, Instant now) {
        return jdbc.sql("""
                update forecast_runs set status = 'FAILED', finished_at = :now,
                       error = 'not finished: the replica running it stopped'
                 where status = 'RUNNING' and started_at < :stale""")
            .param("now", Timestamp.from(now))
            .param("stale", Timestamp.from(stale))
            .update();
    }

    Optional<ForecastRun> run(UUID id) {
        return jdbc.sql("select * from forecast_runs where id = :id").param("id", id).query(this::mapRun).optional();
    }

    /** The priors of the newest run that learnt them. */
    Optional<Priors> latestPriors() {
        return jdbc
            .sql("select priors::text from forecast_runs where priors is not null order by started_at desc limit 1")
            .query(String.class)
            .optional()
            .map(text -> json.readValue(text, Priors.class));
    }

    private ForecastRun mapRun(ResultSet rs, int n) throws SQLException {
        int schools = rs.getInt("schools");
        int done = rs.getInt("done");
        String priors = rs.getString("priors");
        String status = rs.getString("status");
        return new ForecastRun(rs.getObject("id", UUID.class), status, rs.getString("requested_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getObject("as_of", LocalDate.class), schools, done, rs.getInt("forecast"), rs.getInt("published"),
                "SUCCEEDED".equals(status) ? 100 : schools == 0 ? 0 : Math.min(99, done * 100 / schools),
                priors == null ? null : json.readValue(priors, Priors.class), rs.getString("error"));
    }

}
