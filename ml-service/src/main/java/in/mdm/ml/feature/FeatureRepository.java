package in.mdm.ml.feature;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.platform.directory.SchoolPlaces;
import in.mdm.platform.directory.TableSchoolPlaces;

/** The feature store's tables. */
@Repository
class FeatureRepository {

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    FeatureRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Where the store places schools and blocks: what area filters are checked by. */
    SchoolPlaces places() {
        return new TableSchoolPlaces(jdbc, "school_features");
    }

    /** A school's row. */
    record SchoolRow(String udiseCode, String districtCode, String blockCode, boolean rural, int enrollment,
            Integer previousEnrollment, byte[] meals, LocalDate lastReportOn, LocalDate inspectionDueOn) {
    }

    Map<String, SchoolRow> schools(Collection<String> udiseCodes, boolean forUpdate) {
        Map<String, SchoolRow> rows = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                select udise_code, district_code, block_code, rural, enrollment, previous_enrollment, meals,
                       last_report_on, inspection_due_on
                  from school_features where udise_code = any(:codes)""" + (forUpdate ? " for update" : ""))
            .param("codes", new SqlArrayValue("text", udiseCodes.toArray()))
            .query((rs, n) -> schoolRow(rs))
            .list()
            .forEach(r -> rows.put(r.udiseCode(), r));
        return rows;
    }

    /** Schools of a district or block (either may be null), by UDISE code. */
    List<String> districtCodes() {
        return jdbc.sql("select distinct district_code from school_features where district_code is not null order by 1")
            .query(String.class)
            .list();
    }

    List<String> schoolsIn(String districtCode, String blockCode, int limit) {
        return jdbc.sql("""
                select udise_code from school_features
                 where (cast(:district as varchar) is null or district_code = :district)
                   and (cast(:block as varchar) is null or block_code = :block)
                 order by udise_code limit :limit""")
            .param("district", districtCode)
            .param("block", blockCode)
            .param("limit", limit)
            .query(String.class)
            .list();
    }

    /**
     * Schools with a meal history after {@code after} in UDISE order, at most
     * {@code limit}, optionally within a district or block.
     */
    List<SchoolRow> histories(String after, String districtCode, String blockCode, int limit) {
        return jdbc.sql("""
                select udise_code, district_code, block_code, rural, enrollment, previous_enrollment, meals,
                       last_report_on, inspection_due_on
                  from school_features
                 where udise_code > :after and meals is not null
                   and (cast(:district as varchar) is null or district_code = :district)
                   and (cast(:block as varchar) is null or block_code = :block)
                 order by udise_code limit :limit""")
            .param("after", after)
            .param("district", districtCode)
            .param("block", blockCode)
            .param("limit", limit)
            .query((rs, n) -> schoolRow(rs))
            .list();
    }

    /** Schools with a meal history. */
    int countHistories() {
        return jdbc.sql("select count(*) from school_features where meals is not null").query(Integer.class).single();
    }

    private static SchoolRow schoolRow(ResultSet rs) throws SQLException {
        return new SchoolRow(rs.getString("udise_code"), rs.getString("district_code"), rs.getString("block_code"),
                rs.getBoolean("rural"), rs.getInt("enrollment"), rs.getObject("previous_enrollment", Integer.class),
                rs.getBytes("meals"), rs.getObject("last_report_on", LocalDate.class),
                rs.getObject("inspection_due_on", LocalDate.class));
    }

    /** Writes the schools' meal histories (creating rows for schools not known yet). */
    void saveMeals(List<SchoolRow> rows) {
        template.batchUpdate("""
                insert into school_features (udise_code, meals, last_report_on) values (?, ?, ?)
                on conflict (udise_code) do update
                   set meals = excluded.meals, last_report_on = excluded.last_report_on, updated_at = now()""", rows,
                1000, (ps, row) -> {
                    ps.setString(1, row.udiseCode());
                    ps.setBytes(2, row.meals());
                    ps.setObject(3, row.lastReportOn());
                });
    }

    /** A school's place and kind, unless a newer event placed it already. */
    record Placed(String udiseCode, String districtCode, String blockCode, boolean rural, Instant at) {
    }

    void place(List<Placed> places) {
        template.batchUpdate("""
                insert into school_features (udise_code, district_code, block_code, rural, school_at)
                values (?, ?, ?, ?, ?)
                on conflict (udise_code) do update
                   set district_code = excluded.district_code, block_code = excluded.block_code,
                       rural = excluded.rural, school_at = excluded.school_at, updated_at = now()
                 where school_features.school_at is null or school_features.school_at < excluded.school_at""", places,
                1000, (ps, p) -> {
                    ps.setString(1, p.udiseCode());
                    ps.setString(2, p.districtCode());
                    ps.setString(3, p.blockCode());
                    ps.setBoolean(4, p.rural());
                    ps.setTimestamp(5, Timestamp.from(p.at()));
                });
    }

    /** A school's enrollment, unless a newer event gave it already. */
    record Enrolled(String udiseCode, String districtCode, String blockCode, int enrollment, Instant at) {
    }

    void enroll(List<Enrolled> enrollments) {
        template.batchUpdate(
                """
                        insert into school_features (udise_code, district_code, block_code, enrollment, enrollment_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (udise_code) do update
                           set previous_enrollment = case when school_features.enrollment_at is null then null
                                                          else school_features.enrollment end,
                               enrollment = excluded.enrollment, enrollment_at = excluded.enrollment_at,
                               district_code = coalesce(school_features.district_code, excluded.district_code),
                               block_code = coalesce(school_features.block_code, excluded.block_code), updated_at = now()
                         where school_features.enrollment_at is null or school_features.enrollment_at < excluded.enrollment_at""",
                enrollments, 1000, (ps, e) -> {
                    ps.setString(1, e.udiseCode());
                    ps.setString(2, e.districtCode());
                    ps.setString(3, e.blockCode());
                    ps.setInt(4, e.enrollment());
                    ps.setTimestamp(5, Timestamp.from(e.at()));
                });
    }

    void inspectionOverdue(String udiseCode, LocalDate dueOn, Instant at) {
        jdbc.sql(
                """
                        insert into school_features (udise_code, inspection_due_on, inspection_at) values (:udise, :due, :at)
                        on conflict (udise_code) do update
                           set inspection_due_on = excluded.inspection_due_on, inspection_at = excluded.inspection_at,
                               updated_at = now()
                         where school_features.inspection_at is null or school_features.inspection_at < excluded.inspection_at""")
            .param("udise", udiseCode)
            .param("due", dueOn)
            .param("at", Timestamp.from(at))
            .update();
    }

    void stock(String site, String commodity, BigDecimal daysOfStock, String status, Instant at) {
        jdbc.sql(
                """
                        insert into site_stock (site, commodity, days_of_stock, status, observed_at)
                        values (:site, :commodity, :days, :status, :at)
                        on conflict (site, commodity) do update
                           set days_of_stock = excluded.days_of_stock, status = excluded.status, observed_at = excluded.observed_at
                         where site_stock.observed_at < excluded.observed_at""")
            .param("site", site)
            .param("commodity", commodity)
            .param("days", daysOfStock)
            .param("status", status)
            .param("at", Timestamp.from(at))
            .update();
    }

    void kitchen(UUID kitchenId, List<String> schools, Instant at) {
        template.batchUpdate(
                """
                        insert into kitchen_schools (udise_code, kitchen_id, observed_at) values (?, ?, ?)
                        on conflict (udise_code) do update set kitchen_id = excluded.kitchen_id, observed_at = excluded.observed_at
                         where kitchen_schools.observed_at < excluded.observed_at""",
                schools, 1000, (ps, udise) -> {
                    ps.setString(1, udise);
                    ps.setObject(2, kitchenId);
                    ps.setTimestamp(3, Timestamp.from(at));
                });
    }

    void delay(UUID deliveryId, String site, String supplierCode, LocalDate expectedOn, int daysLate, Instant at) {
        jdbc.sql("""
                insert into delivery_delays (delivery_id, site, supplier_code, expected_on, days_late, observed_at)
                values (:id, :site, :supplier, :expected, :late, :at)
                on conflict (delivery_id) do update
                   set days_late = greatest(delivery_delays.days_late, excluded.days_late)""")
            .param("id", deliveryId)
            .param("site", site)
            .param("supplier", supplierCode)
            .param("expected", expectedOn)
            .param("late", daysLate)
            .param("at", Timestamp.from(at))
            .update();
    }

    void released(String level, String code, Instant at) {
        jdbc.sql("""
                insert into fund_scopes (level, code, last_release_at) values (:level, :code, :at)
                on conflict (level, code) do update set last_release_at = excluded.last_release_at
                 where fund_scopes.last_release_at is null or fund_scopes.last_release_at < excluded.last_release_at""")
            .param("level", level)
            .param("code", code)
            .param("at", Timestamp.from(at))
            .update();
    }

    void utilized(String level, String code, BigDecimal percent, Instant at) {
        jdbc.sql("""
                insert into fund_scopes (level, code, utilized_percent, utilized_at) values (:level, :code, :pct, :at)
                on conflict (level, code) do update
                   set utilized_percent = excluded.utilized_percent, utilized_at = excluded.utilized_at
                 where fund_scopes.utilized_at is null or fund_scopes.utilized_at < excluded.utilized_at""")
            .param("level", level)
            .param("code", code)
            .param("pct", percent)
            .param("at", Timestamp.from(at))
            .update();
    }

    /** Adds to districts' daily counts. */
    record DistrictDelta(String districtCode, LocalDate day, int reports, int noFunds) {
    }

    void countDistrictDays(Collection<DistrictDelta> deltas) {
        template.batchUpdate("""
                insert into district_days (district_code, day, reports, no_funds) values (?, ?, ?, ?)
                on conflict (district_code, day) do update
                   set reports = district_days.reports + excluded.reports,
                       no_funds = district_days.no_funds + excluded.no_funds""", deltas, 1000, (ps, d) -> {
            ps.setString(1, d.districtCode());
            ps.setObject(2, d.day());
            ps.setInt(3, d.reports());
            ps.setInt(4, d.noFunds());
        });
    }

    /**
     * Per district, the share of reports without a meal for want of funds in its last 5
     * report days up to a day.
     */
    Map<String, Double> noFundsShare(Collection<String> districts, LocalDate upTo) {
        Map<String, Double> shares = new HashMap<>();
        if (districts.isEmpty()) {
            return shares;
        }
        jdbc.sql("""
                select district_code, sum(no_funds)::float8 / greatest(1, sum(reports)) as share
                  from (select district_code, reports, no_funds,
                               row_number() over (partition by district_code order by day desc) as n
                          from district_days where district_code = any(:districts) and day <= :upTo
                           and day > cast(:upTo as date) - 14) d
                 where n <= 5 group by district_code""")
            .param("districts", new SqlArrayValue("text", districts.toArray()))
            .param("upTo", upTo)
            .query((rs, n) -> shares.put(rs.getString(1), rs.getDouble(2)))
            .list();
        return shares;
    }

    /** The kitchen of each school that has one. */
    Map<String, UUID> kitchens(Collection<String> udiseCodes) {
        Map<String, UUID> kitchens = new HashMap<>();
        jdbc.sql("select udise_code, kitchen_id from kitchen_schools where udise_code = any(:codes)")
            .param("codes", new SqlArrayValue("text", udiseCodes.toArray()))
            .query((rs, n) -> kitchens.put(rs.getString(1), rs.getObject(2, UUID.class)))
            .list();
        return kitchens;
    }

    Map<UUID, Integer> kitchenSizes(Collection<UUID> kitchens) {
        Map<UUID, Integer> sizes = new HashMap<>();
        if (kitchens.isEmpty()) {
            return sizes;
        }
        jdbc.sql("select kitchen_id, count(*) from kitchen_schools where kitchen_id = any(:ids) group by kitchen_id")
            .param("ids", new SqlArrayValue("uuid", kitchens.toArray()))
            .query((rs, n) -> sizes.put(rs.getObject(1, UUID.class), rs.getInt(2)))
            .list();
        return sizes;
    }

    /** A site's latest crossing into low or out of one commodity. */
    record Stock(String commodity, double daysOfStock, Instant observedAt) {
    }

    /** Per site, its latest stock report of each commodity. */
    Map<String, List<Stock>> stock(Collection<String> sites) {
        Map<String, List<Stock>> stock = new HashMap<>();
        jdbc.sql("""
                select site, commodity, coalesce(days_of_stock, 0), observed_at
                  from site_stock where site = any(:sites)""")
            .param("sites", new SqlArrayValue("text", sites.toArray()))
            .query((rs, n) -> stock.computeIfAbsent(rs.getString(1), s -> new java.util.ArrayList<>())
                .add(new Stock(rs.getString(2), rs.getDouble(3), rs.getTimestamp(4).toInstant())))
            .list();
        return stock;
    }

    /** A late delivery at a site. */
    record Delay(String site, String supplierCode, int daysLate, Instant observedAt) {
    }

    List<Delay> delays(Collection<String> sites, Instant since) {
        return jdbc.sql("""
                select site, supplier_code, days_late, observed_at from delivery_delays
                 where site = any(:sites) and observed_at >= :since""")
            .param("sites", new SqlArrayValue("text", sites.toArray()))
            .param("since", Timestamp.from(since))
            .query((rs, n) -> new Delay(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
            .list();
    }

    Map<String, Integer> supplierDelays(Collection<String> suppliers, Instant since, Instant until) {
        Map<String, Integer> counts = new HashMap<>();
        if (suppliers.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select supplier_code, count(*) from delivery_delays
                 where supplier_code = any(:suppliers) and observed_at >= :since and observed_at < :until
                 group by supplier_code""")
            .param("suppliers", new SqlArrayValue("text", suppliers.toArray()))
            .param("since", Timestamp.from(since))
            .param("until", Timestamp.from(until))
            .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
            .list();
        return counts;
    }

    /** A jurisdiction's funds. */
    record Funds(Instant lastReleaseAt, BigDecimal utilizedPercent) {
    }

    Map<String, Funds> funds() {
        Map<String, Funds> funds = new HashMap<>();
        jdbc.sql("select level, code, last_release_at, utilized_percent from fund_scopes").query((rs, n) -> {
            Timestamp released = rs.getTimestamp(3);
            return funds.put(rs.getString(1) + ":" + rs.getString(2),
                    new Funds(released == null ? null : released.toInstant(), rs.getBigDecimal(4)));
        }).list();
        return funds;
    }

    /** A school's features as of a day. */
    record Snapshot(String udiseCode, LocalDate asOf, float[] features) {
    }

    void snapshot(List<Snapshot> snapshots) {
        template.batchUpdate("""
                insert into feature_snapshots (udise_code, as_of, features) values (?, ?, ?)
                on conflict (udise_code, as_of) do update set features = excluded.features""", snapshots, 1000,
                (ps, s) -> {
                    Float[] boxed = new Float[s.features().length];
                    for (int i = 0; i < boxed.length; i++) {
                        boxed[i] = s.features()[i];
                    }
                    ps.setArray(3, ps.getConnection().createArrayOf("real", boxed));
                    ps.setString(1, s.udiseCode());
                    ps.setObject(2, s.asOf());
                });
    }

    /** Snapshots of days in [from, to], with the school's meal history, in date order. */
    void snapshots(LocalDate from, LocalDate to, SnapshotVisitor visitor) {
        template.query("""
                select s.udise_code, s.as_of, s.features, f.meals from feature_snapshots s
                  join school_features f on f.udise_code = s.udise_code
                 where s.as_of between ? and ? order by s.as_of""", (RowCallbackHandler) rs -> {
            Array array = rs.getArray(3);
            Object[] values = (Object[]) array.getArray();
            float[] features = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                features[i] = ((Number) values[i]).floatValue();
            }
            visitor.visit(rs.getString(1), rs.getObject(2, LocalDate.class), features, rs.getBytes(4));
        }, from, to);
    }

    interface SnapshotVisitor {

        void visit(String udiseCode, LocalDate asOf, float[] features, byte[] meals);

    }

    LocalDate[] snapshotRange() {
        return jdbc.sql("select min(as_of), max(as_of) from feature_snapshots")
            .query((rs, n) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
            .single();
    }

}
