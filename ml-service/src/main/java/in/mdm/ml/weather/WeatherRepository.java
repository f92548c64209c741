package in.mdm.ml.weather;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** The weather tables: fetches, forecast blocks, days and warnings. */
@Repository
class WeatherRepository {

    /**
     * Weather rows carry their district only: block officers and headmasters see none.
     */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", null, null);

    private final JdbcClient jdbc;

    WeatherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A district's last fetch. */
    record Fetch(String districtCode, String source, Instant fetchedAt, Instant attemptedAt, boolean stale,
            String lastError) {
    }

    /** A day's rain as last fetched. */
    record DayRain(LocalDate day, double rainMm, boolean heavy) {
    }

    /** A warning as issued. */
    record Issued(UUID id, String districtCode, String kind, String severity, int grade, Instant validFrom,
            Instant validTo, BigDecimal measure, String description, String source, Instant issuedAt,
            Instant updatedAt) {
    }

    void fetched(String districtCode, DistrictCentres.Centre at, String source, Instant now) {
        jdbc.sql(
                """
                        insert into weather_fetches (district_code, latitude, longitude, source, fetched_at, attempted_at, stale,
                                                     last_error)
                        values (:district, :latitude, :longitude, :source, :now, :now, false, null)
                        on conflict (district_code) do update
                            set latitude = excluded.latitude, longitude = excluded.longitude, source = excluded.source,
                                fetched_at = excluded.fetched_at, attempted_at = excluded.attempted_at, stale = false,
                                last_error = null""")
            .param("district", districtCode)
            .param("latitude", at.latitude())
            .param("longitude", at.longitude())
            .param("source", source)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** The last attempt failed: what was fetched before is kept, and marked stale. */
    void failed(String districtCode, DistrictCentres.Centre at, String error, Instant now) {
        jdbc.sql("""
                insert into weather_fetches (district_code, latitude, longitude, attempted_at, stale, last_error)
                values (:district, :latitude, :longitude, :now, true, :error)
                on conflict (district_code) do update
                    set attempted_at = excluded.attempted_at, stale = true, last_error = excluded.last_error""")
            .param("district", districtCode)
            .param("latitude", at.latitude())
            .param("longitude", at.longitude())
            .param("now", Timestamp.from(now))
            .param("error", error.length() > 300 ? error.substring(0, 300) : error)
            .update();
    }

    void saveBlocks(String districtCode, List<ForecastBlocks.Block> blocks, String source, Instant now) {
        for (ForecastBlocks.Block block : blocks) {
            jdbc.sql(
                    """
                            insert into weather_forecasts (district_code, block_start, rain_mm, max_temp_c, max_wind_kmh, source,
                                                           fetched_at)
                            values (:district, :start, :rain, :temperature, :wind, :source, :now)
                            on conflict (district_code, block_start) do update
                                set rain_mm = excluded.rain_mm, max_temp_c = excluded.max_temp_c,
                                    max_wind_kmh = excluded.max_wind_kmh, source = excluded.source,
                                    fetched_at = excluded.fetched_at""")
                .param("district", districtCode)
                .param("start", Timestamp.from(block.start()))
                .param("rain", block.rainMm())
                .param("temperature", block.maxTemperatureC())
                .param("wind", block.maxWindKmh())
                .param("source", source)
                .param("now", Timestamp.from(now))
                .update();
        }
    }

    void saveDays(String districtCode, List<ForecastBlocks.Day> days, String source, Instant now) {
        for (ForecastBlocks.Day day : days) {
            if (day.rainMm() == null) {
                continue;
            }
            jdbc.sql("""
                    insert into weather_days (district_code, day, rain_mm, heavy_rain, source, fetched_at)
                    values (:district, :day, :rain, :heavy, :source, :now)
                    on conflict (district_code, day) do update
                        set rain_mm = excluded.rain_mm, heavy_rain = excluded.heavy_rain, source = excluded.source,
                            fetched_at = excluded.fetched_at""")
                .param("district", districtCode)
                .param("day", day.day())
                .param("rain", day.rainMm())
                .param("heavy", day.rainMm() >= WarningRules.HEAVY_RAIN_MM)
                .param("source", source)
                .param("now", Timestamp.from(now))
                .update();
        }
    }

    /**
     * Issues a warning unless the same district, kind and period has one of the same or a
     * graver grade; returns its id when issued or made graver (news), empty otherwise.
     */
    Optional<UUID> issue(String districtCode, WarningRules.Warning w, String source, Instant now) {
        return jdbc
            .sql("""
                    insert into weather_warnings (id, district_code, kind, severity, grade, valid_from, valid_to, measure,
                                                  description, source, issued_at, updated_at)
                    values (:id, :district, :kind, :severity, :grade, :from, :to, :measure, :description, :source, :now, :now)
                    on conflict (district_code, kind, valid_from) do update
                        set severity = excluded.severity, grade = excluded.grade, measure = excluded.measure,
                            description = excluded.description, source = excluded.source, updated_at = excluded.updated_at
                        where weather_warnings.grade < excluded.grade
                    returning id""")
            .param("id", UUID.randomUUID())
            .param("district", districtCode)
            .param("kind", w.kind())
            .param("severity", w.severity())
            .param("grade", w.grade())
            .param("from", Timestamp.from(w.validFrom()))
            .param("to", Timestamp.from(w.validTo()))
            .param("measure", Math.round(w.measure() * 10) / 10.0)
            .param("description", w.description())
            .param("source", source)
            .param("now", Timestamp.from(now))
            .query(UUID.class)
            .optional();
    }

    Optional<Fetch> fetch(String districtCode) {
        return jdbc.sql("""
                select district_code, source, fetched_at, attempted_at, stale, last_error
                  from weather_fetches where district_code = :district""")
            .param("district", districtCode)
            .query((rs, n) -> new Fetch(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                    rs.getBoolean(5), rs.getString(6)))
            .optional();
    }

    boolean known(String districtCode) {
        return jdbc.sql("select exists (select 1 from weather_fetches where district_code = :district)")
            .param("district", districtCode)
            .query(Boolean.class)
            .single();
    }

    /** Blocks from {@code from}, earliest first. */
    List<WeatherResponse.Block> blocks(String districtCode, Instant from) {
        return jdbc.sql("""
                select block_start, rain_mm, max_temp_c, max_wind_kmh, source, fetched_at
                  from weather_forecasts
                 where district_code = :district and block_start >= :from
                 order by block_start""")
            .param("district", districtCode)
            .param("from", Timestamp.from(from))
            .query((rs, n) -> new WeatherResponse.Block(instant(rs, 1),
                    instant(rs, 1).plus(java.time.Duration.ofHours(ForecastBlocks.BLOCK_HOURS)), rs.getBigDecimal(2),
                    rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), instant(rs, 6)))
            .list();
    }

    Map<LocalDate, DayRain> days(String districtCode, LocalDate from, LocalDate to) {
        Map<LocalDate, DayRain> days = new HashMap<>();
        jdbc.sql("""
                select day, rain_mm, heavy_rain from weather_days
                 where district_code = :district and day between :from and :to""")
            .param("district", districtCode)
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new DayRain(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getBoolean(3)))
            .list()
            .forEach(d -> days.put(d.day(), d));
        return days;
    }

    List<Issued> active(String districtCode, Instant now) {
        return jdbc.sql("""
                select * from weather_warnings
                 where district_code = :district and valid_to > :now
                 order by valid_from, kind""")
            .param("district", districtCode)
            .param("now", Timestamp.from(now))
            .query(this::issued)
            .list();
    }

    PageResponse<Issued> page(String districtCode, String kind, Boolean active, Instant now,
            JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "weather_warnings", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                    and (cast(:kind as varchar) is null or kind = :kind)
                    and (cast(:active as boolean) is null or (valid_to > :now) = :active)""")
            .param("district", districtCode)
            .param("kind", kind)
            .param("active", active)
            .param("now", Timestamp.from(now))
            .orderBy("valid_from desc, district_code, kind, id")
            .fetch(page, size, this::issued);
    }

    private Issued issued(ResultSet rs, int row) throws SQLException {
        return new Issued(rs.getObject("id", UUID.class), rs.getString("district_code"), rs.getString("kind"),
                rs.getString("severity"), rs.getInt("grade"), instant(rs, "valid_from"), instant(rs, "valid_to"),
                rs.getBigDecimal("measure"), rs.getString("description"), rs.getString("source"),
                instant(rs, "issued_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

}
