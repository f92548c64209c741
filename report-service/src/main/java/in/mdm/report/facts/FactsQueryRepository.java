package in.mdm.report.facts;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.AcademicYear;
import in.mdm.events.Jurisdiction;

/**
 * Aggregates of the read models to a scope's child areas and a period, each in one
 * set-based statement. A scope's schools are those of {@code fact_schools} inside it; its
 * child areas are the state's districts, a district's blocks, a block's (or a school's)
 * schools. The SQL never holds a caller's value: the scope's code is a bound parameter
 * and the columns come from {@link #area} and {@link #within}.
 * <p>
 * A <em>school day</em> is a day on which any school of the state reported: the expected
 * reports of a period are its schools times its school days.
 */
@Repository
public class FactsQueryRepository {

    /** Rows a streamed table fetches at a time. */
    static final int FETCH_SIZE = 2_000;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate streaming;

    FactsQueryRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** The column of fact_schools (alias s) a scope's child areas are. */
    static String area(Jurisdiction.Level level) {
        return switch (level) {
            case STATE -> "s.district_code";
            case DISTRICT -> "s.block_code";
            case BLOCK, SCHOOL -> "s.udise_code";
        };
    }

    /** The schools (alias s) inside a scope, bound to {@code :scope}. */
    static String within(Jurisdiction.Level level) {
        return switch (level) {
            case STATE -> "true";
            case DISTRICT -> "s.district_code = :scope";
            case BLOCK -> "s.block_code = :scope";
            case SCHOOL -> "s.udise_code = :scope";
        };
    }

    /** Whether any school of the read models lies in the scope. */
    public boolean known(Jurisdiction scope) {
        return jdbc.sql("select exists (select 1 from fact_schools s where " + within(scope.level()) + ")")
            .param("scope", scope.code())
            .query(Boolean.class)
            .single();
    }

    /** Days on which any school reported, in the period. */
    public long schoolDays(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(distinct day) from fact_school_days where day between :from and :to")
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    }

    /** Each child area's performance in the period, by area code. */
    public List<Figures.AreaPerformance> performance(Jurisdiction scope, LocalDate from, LocalDate to) {
        String sql = """
                with per_school as (
                    select %1$s as area, s.udise_code, s.name,
                           coalesce(e.primary_count + e.upper_primary, 0) as enrolled,
                           coalesce(d.reports, 0) as reports, coalesce(d.timely, 0) as timely,
                           coalesce(d.attendance, 0) as attendance, coalesce(d.meals, 0) as meals,
                           coalesce(d.no_meal, 0) as no_meal
                      from fact_schools s
                      left join fact_enrollment e on e.udise_code = s.udise_code and e.academic_year = :year
                      left join (select udise_code, count(*) as reports,
                                        count(*) filter (where cast(first_reported_at at time zone 'Asia/Kolkata' as date) <= day) as timely,
                                        sum(attendance) as attendance, sum(meals_served) as meals,
                                        count(*) filter (where meals_served = 0) as no_meal
                                   from fact_school_days where day between :from and :to
                                  group by udise_code) d on d.udise_code = s.udise_code
                     where %2$s)
                select area, case when count(*) = 1 and %3$s then min(name) end as name, count(*) as schools,
                       sum(enrolled) as enrolled, sum(reports) as reports, sum(timely) as timely,
                       sum(attendance) as attendance, sum(enrolled * reports) as enrolled_days, sum(meals) as meals,
                       sum(no_meal) as no_meal
                  from per_school group by area order by area"""
            .formatted(area(scope.level()), within(scope.level()), schoolLevel(scope.level()));
        return jdbc.sql(sql)
            .param("scope", scope.code())
            .param("year", AcademicYear.of(to))
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.AreaPerformance(rs.getString("area"), rs.getString("name"),
                    rs.getLong("schools"), rs.getLong("enrolled"), rs.getLong("reports"), rs.getLong("timely"),
                    rs.getLong("attendance"), rs.getLong("enrolled_days"), rs.getLong("meals"), rs.getLong("no_meal")))
            .list();
    }

    /**
     * Reported days without a meal, by reason (UNKNOWN when none was given), most first.
     */
    public List<Figures.Count> noMealReasons(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(d.no_meal_reason, 'UNKNOWN') as reason, count(*) as n
                  from fact_school_days d join fact_schools s on s.udise_code = d.udise_code
                 where d.day between :from and :to and d.meals_served = 0 and %s
                 group by 1 order by 2 desc, 1""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Count(rs.getString("reason"), rs.getLong("n")))
            .list();
    }

    /**
     * Each day of the period with a report: attendance, enrollment of the reporting
     * schools, meals.
     */
    public List<Figures.DayTrend> trend(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d.day, sum(d.attendance) as attendance,
                       sum(coalesce(e.primary_count + e.upper_primary, 0)) as enrolled, sum(d.meals_served) as meals,
                       count(*) as reports
                  from fact_school_days d join fact_schools s on s.udise_code = d.udise_code
                  left join fact_enrollment e on e.udise_code = d.udise_code and e.academic_year = :year
                 where d.day between :from and :to and %s
                 group by d.day order by d.day""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("year", AcademicYear.of(to))
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.DayTrend(rs.getObject("day", LocalDate.class), rs.getLong("attendance"),
                    rs.getLong("enrolled"), rs.getLong("meals"), rs.getLong("reports")))
            .list();
    }

    /**
     * Money by child area: allocations of the academic year the period ends in, releases
     * and utilization (by month) in the period. Allocations and releases made for a level
     * above the child areas (the state's own) are under area {@code null}.
     */
    public List<Figures.AreaMoney> money(Jurisdiction scope, LocalDate from, LocalDate to) {
        String placed = """
                select x.amount, x.kind,
                       case x.scope_level when 'DISTRICT' then x.scope_code when 'SCHOOL' then ps.district_code
                            when 'BLOCK' then (select min(b.district_code) from fact_schools b where b.block_code = x.scope_code) end as district_code,
                       case x.scope_level when 'BLOCK' then x.scope_code when 'SCHOOL' then ps.block_code end as block_code,
                       case x.scope_level when 'SCHOOL' then x.scope_code end as udise_code
                  from (select 'A' as kind, total as amount, scope_level, scope_code from fact_allocations where academic_year = :year
                        union all
                        select 'R', amount, scope_level, scope_code from fact_releases where day between :from and :to) x
                  left join fact_schools ps on x.scope_level = 'SCHOOL' and ps.udise_code = x.scope_code""";
        String sql = """
                with money as (
                    select %1$s as area, s.kind, s.amount from (%3$s) s where %2$s
                    union all
                    select %1$s, 'U', u.amount from fact_utilizations u join fact_schools s on s.udise_code = u.udise_code
                     where u.month between date_trunc('month', cast(:from as date)) and :to and %2$s)
                select area, coalesce(sum(amount) filter (where kind = 'A'), 0) as allocated,
                       coalesce(sum(amount) filter (where kind = 'R'), 0) as released,
                       coalesce(sum(amount) filter (where kind = 'U'), 0) as utilized
                  from money group by area order by area nulls first"""
            .formatted(area(scope.level()), moneyWithin(scope.level()), placed);
        return jdbc.sql(sql)
            .param("scope", scope.code())
            .param("year", AcademicYear.of(to))
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.AreaMoney(rs.getString("area"), rs.getBigDecimal("allocated"),
                    rs.getBigDecimal("released"), rs.getBigDecimal("utilized")))
            .list();
    }

    /** Utilization in the period's months by expense category. */
    public List<Figures.Amount> utilizationByCategory(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select u.category, sum(u.amount) as amount
                  from fact_utilizations u join fact_schools s on s.udise_code = u.udise_code
                 where u.month between date_trunc('month', cast(:from as date)) and :to and %s
                 group by 1 order by 1""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Amount(rs.getString("category"), rs.getBigDecimal("amount")))
            .list();
    }

    private static final String LATEST_RISK = """
            select distinct on (r.udise_code) r.udise_code, r.day, r.score, r.level, s.name, %1$s as area
              from fact_risk_days r join fact_schools s on s.udise_code = r.udise_code
             where r.day <= :to and %2$s
             order by r.udise_code, r.day desc""";

    /**
     * Schools by the level of their latest score up to the period's end: ml-service
     * publishes a score only when it changes, so a school scored before the period and
     * not since keeps that level.
     */
    public List<Figures.Count> riskLevels(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc
            .sql("select level, count(*) as n from ("
                    + LATEST_RISK.formatted(area(scope.level()), within(scope.level()))
                    + ") l group by level order by level")
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Count(rs.getString("level"), rs.getLong("n")))
            .list();
    }

    /** Each child area's schools by the level of their latest score. */
    public List<Figures.AreaRisk> riskByArea(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc
            .sql("""
                    select area, count(*) as scored, count(*) filter (where level = 'CRITICAL') as critical,
                           count(*) filter (where level = 'HIGH') as high, count(*) filter (where level = 'MEDIUM') as medium,
                           count(*) filter (where level = 'LOW') as low, avg(score) as mean
                      from (%s) l group by area order by area"""
                .formatted(LATEST_RISK.formatted(area(scope.level()), within(scope.level()))))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.AreaRisk(rs.getString("area"), rs.getLong("scored"), rs.getLong("critical"),
                    rs.getLong("high"), rs.getLong("medium"), rs.getLong("low"), rs.getDouble("mean")))
            .list();
    }

    /** The schools with the highest latest score up to the period's end. */
    public List<Figures.SchoolRisk> topRisk(Jurisdiction scope, LocalDate from, LocalDate to, int limit) {
        return jdbc
            .sql("select * from (" + LATEST_RISK.formatted(area(scope.level()), within(scope.level()))
                    + ") l order by score desc, udise_code limit :limit")
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .param("limit", limit)
            .query((rs, n) -> new Figures.SchoolRisk(rs.getString("udise_code"), rs.getString("name"),
                    rs.getString("area"), rs.getObject("day", LocalDate.class), rs.getDouble("score"),
                    rs.getString("level")))
            .list();
    }

    /** Alerts raised in the period about the scope's schools, by severity. */
    public List<Figures.Count> alertsBySeverity(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(a.severity, 'UNKNOWN') as severity, count(*) as n
                  from fact_alerts a
                  left join fact_schools s on s.udise_code = a.udise_code
                 where a.raised_at >= cast(:from as date) and a.raised_at < cast(:to as date) + 1
                   and (%s or (:level = 'STATE'))
                 group by 1 order by 1""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("level", scope.level().name())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Count(rs.getString("severity"), rs.getLong("n")))
            .list();
    }

    /** Inspections reported overdue in the period for the scope's schools. */
    public long inspectionsOverdue(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc
            .sql("""
                    select count(*) from fact_inspections_overdue i join fact_schools s on s.udise_code = i.udise_code
                     where cast(i.occurred_at at time zone 'Asia/Kolkata' as date) between :from and :to and %s"""
                .formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    }

    /**
     * Deliveries received in the period (by the day they arrived) at schools and kitchens
     * of the scope, and how many came by their promised date.
     */
    public Figures.Deliveries deliveries(Jurisdiction scope, LocalDate from, LocalDate to) {
        // the facts carry their place: alias s gives within() its district, block and
        // school columns
        return jdbc.sql("""
                select count(*) as received, count(*) filter (where s.on_time) as on_time
                  from fact_deliveries_received s
                 where s.received_on between :from and :to and %s""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Deliveries(rs.getLong("received"), rs.getLong("on_time")))
            .single();
    }

    /** Inspections of the scope's schools in the period and their mean score. */
    public Figures.Scores inspectionScores(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*) as n, avg(i.score) as mean
                  from fact_inspections i join fact_schools s on s.udise_code = i.udise_code
                 where i.inspected_on between :from and :to and %s""".formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> {
                java.math.BigDecimal mean = rs.getBigDecimal("mean");
                return new Figures.Scores(rs.getLong("n"), mean == null ? null : mean.doubleValue());
            })
            .single();
    }

    /** Stock counted and deliveries late in the period. */
    public Figures.Supply supply(Jurisdiction scope, LocalDate from, LocalDate to) {
        return jdbc
            .sql("""
                    select (select count(*) from fact_stock_days k join fact_schools s on s.udise_code = k.udise_code
                             where k.day between :from and :to and %1$s) as stock_days,
                           (select count(*) from fact_stock_days k join fact_schools s on s.udise_code = k.udise_code
                             where k.day between :from and :to and k.status = 'STOCK_OUT' and %1$s) as stock_out,
                           (select count(*) from fact_stock_days k join fact_schools s on s.udise_code = k.udise_code
                             where k.day between :from and :to and k.status = 'LOW' and %1$s) as low,
                           (select count(*) from fact_deliveries_delayed l join fact_schools s on s.udise_code = l.udise_code
                             where l.expected_on between :from and :to and %1$s) as late,
                           (select coalesce(avg(l.days_late), 0) from fact_deliveries_delayed l join fact_schools s on s.udise_code = l.udise_code
                             where l.expected_on between :from and :to and %1$s) as mean_late"""
                .formatted(within(scope.level())))
            .param("scope", scope.code())
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Figures.Supply(rs.getLong("stock_days"), rs.getLong("stock_out"), rs.getLong("low"),
                    rs.getLong("late"), rs.getDouble("mean_late")))
            .single();
    }

    // Streamed tables: rows one at a time from a server-side cursor (inside a
    // transaction), never all in memory.

    /**
     * Schools that missed at least one school day of the period: code, name, area, days
     * reported, days missed.
     */
    public void nonReporting(Jurisdiction scope, LocalDate from, LocalDate to, Consumer<Object[]> row) {
        stream("""
                with days as (select count(distinct day) as n from fact_school_days where day between :from and :to)
                select s.udise_code, s.name, %1$s as area, coalesce(r.n, 0) as reported, days.n - coalesce(r.n, 0) as missed
                  from fact_schools s cross join days
                  left join (select udise_code, count(*) as n from fact_school_days where day between :from and :to
                              group by udise_code) r on r.udise_code = s.udise_code
                 where %2$s and coalesce(r.n, 0) < days.n
                 order by missed desc, s.udise_code"""
            .formatted(area(scope.level()), within(scope.level())), params(scope, from, to),
                rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5) },
                row);
    }

    /**
     * Inspections reported overdue in the period: school, name, due on, last inspected
     * on.
     */
    public void overdueInspections(Jurisdiction scope, LocalDate from, LocalDate to, Consumer<Object[]> row) {
        stream("""
                select s.udise_code, s.name, i.due_on, i.last_inspected_on
                  from fact_inspections_overdue i join fact_schools s on s.udise_code = i.udise_code
                 where cast(i.occurred_at at time zone 'Asia/Kolkata' as date) between :from and :to and %s
                 order by i.due_on, s.udise_code""".formatted(within(scope.level())), params(scope, from, to),
                rs -> new Object[] { rs.getString(1), rs.getString(2), date(rs, 3), date(rs, 4) }, row);
    }

    /**
     * Every reported school day of the period: school, name, day, attendance, enrolled,
     * meals, reason. A state's month is about a million rows.
     */
    public void schoolDayRows(Jurisdiction scope, LocalDate from, LocalDate to, Consumer<Object[]> row) {
        stream("""
                select s.udise_code, s.name, d.day, d.attendance, coalesce(e.primary_count + e.upper_primary, 0),
                       d.meals_served, d.no_meal_reason
                  from fact_school_days d join fact_schools s on s.udise_code = d.udise_code
                  left join fact_enrollment e on e.udise_code = d.udise_code and e.academic_year = :year
                 where d.day between :from and :to and %s
                 order by s.udise_code, d.day""".formatted(within(scope.level())), params(scope, from, to),
                rs -> new Object[] { rs.getString(1), rs.getString(2), date(rs, 3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getString(7) },
                row);
    }

    /** The service's audit trail in the period, oldest first. */
    public void auditEntries(LocalDate from, LocalDate to, Consumer<Object[]> row) {
        stream("""
                select seq, occurred_at, actor, action, method, path, status, entity_type, entity_id
                  from audit_trail
                 where occurred_at >= cast(:from as date) and occurred_at < cast(:to as date) + 1
                 order by seq""", Map.of("from", from, "to", to), rs -> {
            Timestamp at = rs.getTimestamp(2);
            int status = rs.getInt(7);
            return new Object[] { rs.getLong(1), at.toInstant().toString(), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.wasNull() ? null : (long) status, rs.getString(8),
                    rs.getString(9) };
        }, row);
    }

    /** Entries of the audit trail in the period. */
    public long auditCount(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*) from audit_trail
                 where occurred_at >= cast(:from as date) and occurred_at < cast(:to as date) + 1""")
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    }

    @FunctionalInterface
    private interface RowMapper {

        Object[] map(ResultSet rs) throws SQLException;

    }

    private void stream(String sql, Map<String, ?> params, RowMapper mapper, Consumer<Object[]> row) {
        streaming.query(sql, new MapSqlParameterSource(params), rs -> {
            row.accept(mapper.map(rs));
        });
    }

    private static Map<String, Object> params(Jurisdiction scope, LocalDate from, LocalDate to) {
        return Map.of("scope", scope.code(), "from", from, "to", to, "year", AcademicYear.of(to));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** Whether the child areas are schools (then each area has a name). */
    private static String schoolLevel(Jurisdiction.Level level) {
        return level == Jurisdiction.Level.BLOCK || level == Jurisdiction.Level.SCHOOL ? "true" : "false";
    }

    /**
     * The placed money rows (alias s, with district, block, school columns) inside a
     * scope.
     */
    private static String moneyWithin(Jurisdiction.Level level) {
        return switch (level) {
            case STATE -> "true";
            case DISTRICT -> "s.district_code = :scope";
            case BLOCK -> "s.block_code = :scope";
            case SCHOOL -> "s.udise_code = :scope";
        };
    }

    static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

}
