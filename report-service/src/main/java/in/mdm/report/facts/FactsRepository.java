package in.mdm.report.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * Writes the read models: every statement takes a whole batch (arrays unnested) and
 * keeps, per key, the newest event by {@code occurred_at}; an older or repeated event
 * changes nothing.
 */
@Repository
class FactsRepository {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final JdbcClient jdbc;

    FactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record School(String udise, String name, String district, String block, Instant at) {
    }

    record Enrollment(String udise, String academicYear, int primary, int upperPrimary, Instant at) {
    }

    record SchoolDay(String udise, LocalDate day, int attendance, int mealsServed, String reason, Instant at) {
    }

    record StockDay(String udise, String commodity, LocalDate day, BigDecimal quantity, BigDecimal days, String status,
            Instant at) {
    }

    record Delayed(UUID deliveryId, String udise, String supplier, String commodity, LocalDate expectedOn, int daysLate,
            Instant at) {
    }

    record Overdue(String udise, LocalDate dueOn, LocalDate lastInspectedOn, Instant at) {
    }

    record Received(UUID deliveryId, String udise, UUID kitchenId, String district, String block, String commodity,
            LocalDate promisedOn, LocalDate receivedOn, boolean onTime, java.math.BigDecimal quantityKg, Instant at) {
    }

    record Inspected(UUID inspectionId, String udise, LocalDate inspectedOn, int score, LocalDate nextDueOn,
            Instant at) {
    }

    record RiskDay(String udise, LocalDate day, double score, String level, String model, Instant at) {
    }

    void schools(List<School> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_schools (udise_code, name, district_code, block_code, occurred_at)
                select distinct on (u) u, n, d, b, a
                  from unnest(:u, :n, :d, :b, cast(:a as timestamptz[])) as t(u, n, d, b, a)
                 order by u, a desc
                on conflict (udise_code) do update
                   set name = excluded.name, district_code = excluded.district_code, block_code = excluded.block_code,
                       occurred_at = excluded.occurred_at
                 where fact_schools.occurred_at < excluded.occurred_at""")
            .param("u", texts(rows, School::udise))
            .param("n", texts(rows, School::name))
            .param("d", texts(rows, School::district))
            .param("b", texts(rows, School::block))
            .param("a", texts(rows, School::at))
            .update();
    }

    void enrollments(List<Enrollment> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql(
                """
                        insert into fact_enrollment (udise_code, academic_year, primary_count, upper_primary, occurred_at)
                        select distinct on (u, y) u, y, p, up, a
                          from unnest(:u, :y, cast(:p as int[]), cast(:up as int[]), cast(:a as timestamptz[])) as t(u, y, p, up, a)
                         order by u, y, a desc
                        on conflict (udise_code, academic_year) do update
                           set primary_count = excluded.primary_count, upper_primary = excluded.upper_primary,
                               occurred_at = excluded.occurred_at
                         where fact_enrollment.occurred_at < excluded.occurred_at""")
            .param("u", texts(rows, Enrollment::udise))
            .param("y", texts(rows, Enrollment::academicYear))
            .param("p", texts(rows, Enrollment::primary))
            .param("up", texts(rows, Enrollment::upperPrimary))
            .param("a", texts(rows, Enrollment::at))
            .update();
    }

    /**
     * The newest report of a school's day replaces the earlier one; the first time the
     * day was reported is kept for timeliness.
     */
    void schoolDays(List<SchoolDay> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_school_days (udise_code, day, attendance, meals_served, no_meal_reason,
                                              first_reported_at, occurred_at)
                select distinct on (u, d) u, d, att, m, r, min(a) over (partition by u, d), a
                  from unnest(:u, cast(:d as date[]), cast(:att as int[]), cast(:m as int[]), :r,
                              cast(:a as timestamptz[])) as t(u, d, att, m, r, a)
                 order by u, d, a desc
                on conflict (udise_code, day) do update
                   set attendance = case when fact_school_days.occurred_at < excluded.occurred_at
                                         then excluded.attendance else fact_school_days.attendance end,
                       meals_served = case when fact_school_days.occurred_at < excluded.occurred_at
                                           then excluded.meals_served else fact_school_days.meals_served end,
                       no_meal_reason = case when fact_school_days.occurred_at < excluded.occurred_at
                                             then excluded.no_meal_reason else fact_school_days.no_meal_reason end,
                       first_reported_at = least(fact_school_days.first_reported_at, excluded.first_reported_at),
                       occurred_at = greatest(fact_school_days.occurred_at, excluded.occurred_at)""")
            .param("u", texts(rows, SchoolDay::udise))
            .param("d", texts(rows, SchoolDay::day))
            .param("att", texts(rows, SchoolDay::attendance))
            .param("m", texts(rows, SchoolDay::mealsServed))
            .param("r", texts(rows, SchoolDay::reason))
            .param("a", texts(rows, SchoolDay::at))
            .update();
    }

    void stockDays(List<StockDay> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql(
                """
                        insert into fact_stock_days (udise_code, commodity, day, quantity_kg, days_of_stock, status, occurred_at)
                        select distinct on (u, c, d) u, c, d, q, ds, s, a
                          from unnest(:u, :c, cast(:d as date[]), cast(:q as numeric[]), cast(:ds as numeric[]), :s,
                                      cast(:a as timestamptz[])) as t(u, c, d, q, ds, s, a)
                         order by u, c, d, a desc
                        on conflict (udise_code, commodity, day) do update
                           set quantity_kg = excluded.quantity_kg, days_of_stock = excluded.days_of_stock,
                               status = excluded.status, occurred_at = excluded.occurred_at
                         where fact_stock_days.occurred_at < excluded.occurred_at""")
            .param("u", texts(rows, StockDay::udise))
            .param("c", texts(rows, StockDay::commodity))
            .param("d", texts(rows, StockDay::day))
            .param("q", texts(rows, StockDay::quantity))
            .param("ds", texts(rows, StockDay::days))
            .param("s", texts(rows, StockDay::status))
            .param("a", texts(rows, StockDay::at))
            .update();
    }

    void delayed(List<Delayed> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_deliveries_delayed (delivery_id, udise_code, supplier_code, commodity, expected_on,
                                                     days_late, occurred_at)
                select distinct on (i) i, u, s, c, e, l, a
                  from unnest(cast(:i as uuid[]), :u, :s, :c, cast(:e as date[]), cast(:l as int[]),
                              cast(:a as timestamptz[])) as t(i, u, s, c, e, l, a)
                 order by i, a desc
                on conflict (delivery_id) do update
                   set days_late = excluded.days_late, occurred_at = excluded.occurred_at
                 where fact_deliveries_delayed.occurred_at < excluded.occurred_at""")
            .param("i", texts(rows, Delayed::deliveryId))
            .param("u", texts(rows, Delayed::udise))
            .param("s", texts(rows, Delayed::supplier))
            .param("c", texts(rows, Delayed::commodity))
            .param("e", texts(rows, Delayed::expectedOn))
            .param("l", texts(rows, Delayed::daysLate))
            .param("a", texts(rows, Delayed::at))
            .update();
    }

    /** Each delivery once: a receipt is final, so a redelivered event changes nothing. */
    void received(List<Received> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_deliveries_received (delivery_id, udise_code, kitchen_id, district_code, block_code,
                                                      commodity, promised_on, received_on, on_time, quantity_kg,
                                                      occurred_at)
                select distinct on (i) i, u, k, d, b, c, p, r, o, q, a
                  from unnest(cast(:i as uuid[]), :u, cast(:k as uuid[]), :d, :b, :c, cast(:p as date[]),
                              cast(:r as date[]), cast(:o as boolean[]), cast(:q as numeric[]),
                              cast(:a as timestamptz[])) as t(i, u, k, d, b, c, p, r, o, q, a)
                 order by i, a
                on conflict (delivery_id) do nothing""")
            .param("i", texts(rows, Received::deliveryId))
            .param("u", texts(rows, Received::udise))
            .param("k", texts(rows, Received::kitchenId))
            .param("d", texts(rows, Received::district))
            .param("b", texts(rows, Received::block))
            .param("c", texts(rows, Received::commodity))
            .param("p", texts(rows, Received::promisedOn))
            .param("r", texts(rows, Received::receivedOn))
            .param("o", texts(rows, Received::onTime))
            .param("q", texts(rows, Received::quantityKg))
            .param("a", texts(rows, Received::at))
            .update();
    }

    /** Each inspection once. */
    void inspected(List<Inspected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_inspections (inspection_id, udise_code, inspected_on, score, next_due_on, occurred_at)
                select distinct on (i) i, u, d, s, n, a
                  from unnest(cast(:i as uuid[]), :u, cast(:d as date[]), cast(:s as int[]), cast(:n as date[]),
                              cast(:a as timestamptz[])) as t(i, u, d, s, n, a)
                 order by i, a
                on conflict (inspection_id) do nothing""")
            .param("i", texts(rows, Inspected::inspectionId))
            .param("u", texts(rows, Inspected::udise))
            .param("d", texts(rows, Inspected::inspectedOn))
            .param("s", texts(rows, Inspected::score))
            .param("n", texts(rows, Inspected::nextDueOn))
            .param("a", texts(rows, Inspected::at))
            .update();
    }

    void overdue(List<Overdue> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_inspections_overdue (udise_code, due_on, last_inspected_on, occurred_at)
                select distinct on (u, d) u, d, l, a
                  from unnest(:u, cast(:d as date[]), cast(:l as date[]), cast(:a as timestamptz[])) as t(u, d, l, a)
                 order by u, d, a desc
                on conflict (udise_code, due_on) do update
                   set last_inspected_on = excluded.last_inspected_on, occurred_at = excluded.occurred_at
                 where fact_inspections_overdue.occurred_at < excluded.occurred_at""")
            .param("u", texts(rows, Overdue::udise))
            .param("d", texts(rows, Overdue::dueOn))
            .param("l", texts(rows, Overdue::lastInspectedOn))
            .param("a", texts(rows, Overdue::at))
            .update();
    }

    void riskDays(List<RiskDay> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fact_risk_days (udise_code, day, score, level, model_version, occurred_at)
                select distinct on (u, d) u, d, s, l, m, a
                  from unnest(:u, cast(:d as date[]), cast(:s as float8[]), :l, :m, cast(:a as timestamptz[]))
                       as t(u, d, s, l, m, a)
                 order by u, d, a desc
                on conflict (udise_code, day) do update
                   set score = excluded.score, level = excluded.level, model_version = excluded.model_version,
                       occurred_at = excluded.occurred_at
                 where fact_risk_days.occurred_at < excluded.occurred_at""")
            .param("u", texts(rows, RiskDay::udise))
            .param("d", texts(rows, RiskDay::day))
            .param("s", texts(rows, RiskDay::score))
            .param("l", texts(rows, RiskDay::level))
            .param("m", texts(rows, RiskDay::model))
            .param("a", texts(rows, RiskDay::at))
            .update();
    }

    void allocation(UUID id, String academicYear, String level, String code, int schools, BigDecimal total,
            BigDecimal centre, BigDecimal state, Instant at) {
        jdbc.sql("""
                insert into fact_allocations (allocation_id, academic_year, scope_level, scope_code, schools, total,
                                              centre_share, state_share, day, occurred_at)
                values (:id, :y, :l, :c, :n, :t, :cs, :ss, :day, :at)
                on conflict (allocation_id) do update
                   set academic_year = excluded.academic_year, scope_level = excluded.scope_level,
                       scope_code = excluded.scope_code, schools = excluded.schools, total = excluded.total,
                       centre_share = excluded.centre_share, state_share = excluded.state_share, day = excluded.day,
                       occurred_at = excluded.occurred_at
                 where fact_allocations.occurred_at < excluded.occurred_at""")
            .param("id", id)
            .param("y", academicYear)
            .param("l", level)
            .param("c", code)
            .param("n", schools)
            .param("t", total)
            .param("cs", centre)
            .param("ss", state)
            .param("day", day(at))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    void release(UUID id, UUID allocationId, String level, String code, BigDecimal amount, Instant at) {
        jdbc.sql("""
                insert into fact_releases (release_id, allocation_id, scope_level, scope_code, amount, day, occurred_at)
                values (:id, :a, :l, :c, :amount, :day, :at)
                on conflict (release_id) do nothing""")
            .param("id", id)
            .param("a", allocationId)
            .param("l", level)
            .param("c", code)
            .param("amount", amount)
            .param("day", day(at))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    void utilization(UUID id, String udise, LocalDate month, String category, BigDecimal amount, Instant at) {
        jdbc.sql("""
                insert into fact_utilizations (utilization_id, udise_code, month, category, amount, occurred_at)
                values (:id, :u, :m, :c, :amount, :at)
                on conflict (utilization_id) do update
                   set amount = excluded.amount, category = excluded.category, month = excluded.month,
                       occurred_at = excluded.occurred_at
                 where fact_utilizations.occurred_at < excluded.occurred_at""")
            .param("id", id)
            .param("u", udise)
            .param("m", month)
            .param("c", category)
            .param("amount", amount)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    void threshold(String level, String code, int threshold, BigDecimal utilizedPercent, Instant at) {
        jdbc.sql("""
                insert into fact_budget_thresholds (scope_level, scope_code, day, threshold_percent, utilized_percent,
                                                    occurred_at)
                values (:l, :c, :day, :t, :p, :at)
                on conflict (scope_level, scope_code, day) do update
                   set threshold_percent = excluded.threshold_percent, utilized_percent = excluded.utilized_percent,
                       occurred_at = excluded.occurred_at
                 where fact_budget_thresholds.occurred_at < excluded.occurred_at""")
            .param("l", level)
            .param("c", code)
            .param("day", day(at))
            .param("t", threshold)
            .param("p", utilizedPercent)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    void alertRaised(UUID id, String rule, String severity, String level, String code, String udise, Instant at) {
        jdbc.sql(
                """
                        insert into fact_alerts (alert_id, rule_code, severity, scope_level, scope_code, udise_code, raised_at)
                        values (:id, :r, :s, :l, :c, :u, :at)
                        on conflict (alert_id) do update
                           set rule_code = excluded.rule_code, severity = excluded.severity, scope_level = excluded.scope_level,
                               scope_code = excluded.scope_code, udise_code = excluded.udise_code, raised_at = excluded.raised_at""")
            .param("id", id)
            .param("r", rule)
            .param("s", severity)
            .param("l", level)
            .param("c", code)
            .param("u", udise)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    void alertResolved(UUID id, Instant at) {
        jdbc.sql("""
                insert into fact_alerts (alert_id, resolved_at) values (:id, :at)
                on conflict (alert_id) do update set resolved_at = excluded.resolved_at""")
            .param("id", id)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    /** The day (in India) an instant falls on. */
    static LocalDate day(Instant at) {
        return at.atZone(INDIA).toLocalDate();
    }

    private static <T> SqlArrayValue texts(List<T> rows, Function<T, Object> value) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = value.apply(rows.get(i));
            values[i] = v == null ? null : v.toString();
        }
        return new SqlArrayValue("text", values);
    }

}
