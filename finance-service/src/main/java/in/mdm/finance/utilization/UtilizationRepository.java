package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class UtilizationRepository {

    record School(String udiseCode, String districtCode, String blockCode) {
    }

    record MonthRow(LocalDate month, SpendingCategory category, BigDecimal amount) {
    }

    record MealMonth(LocalDate month, long meals, BigDecimal expected) {
    }

    record IdleRelease(UUID releaseId, String udiseCode, String academicYear, BigDecimal released,
            BigDecimal utilized) {
    }

    /** A row lies where its district, block and school are. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    UtilizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<School> school(String udiseCode, JurisdictionScope.Condition within) {
        return jdbc
            .sql("select udise_code, district_code, block_code from school_directory where udise_code = :udise and "
                    + within.sql())
            .param("udise", udiseCode)
            .params(within.params())
            .query((rs, row) -> new School(rs.getString("udise_code"), rs.getString("district_code"),
                    rs.getString("block_code")))
            .optional();
    }

    /**
     * Stores a month's spending in a category; false when the school's spending of it is
     * recorded already.
     */
    boolean insert(UtilizationRecord r) {
        return jdbc
            .sql("""
                    insert into utilization_records (id, udise_code, academic_year, month, district_code, block_code, category,
                                                     amount, recorded_by, recorded_at)
                    values (:id, :udise, :year, :month, :district, :block, :category, :amount, :by, :at)
                    on conflict (udise_code, month, category) do nothing""")
            .param("id", r.id())
            .param("udise", r.udiseCode())
            .param("year", r.academicYear())
            .param("month", r.month())
            .param("district", r.districtCode())
            .param("block", r.blockCode())
            .param("category", r.category().name())
            .param("amount", r.amount())
            .param("by", r.recordedBy())
            .param("at", Timestamp.from(r.recordedAt()))
            .update() == 1;
    }

    BigDecimal released(String udiseCode, String year) {
        return jdbc.sql(
                "select coalesce(sum(released), 0.00) from allocations where udise_code = :udise and academic_year = :year")
            .param("udise", udiseCode)
            .param("year", year)
            .query(BigDecimal.class)
            .single();
    }

    BigDecimal utilized(String udiseCode, String year) {
        return jdbc.sql(
                "select coalesce(sum(amount), 0.00) from utilization_records where udise_code = :udise and academic_year = :year")
            .param("udise", udiseCode)
            .param("year", year)
            .query(BigDecimal.class)
            .single();
    }

    List<MonthRow> months(String udiseCode, String year) {
        return jdbc.sql("""
                select month, category, amount from utilization_records
                where udise_code = :udise and academic_year = :year order by month, category""")
            .param("udise", udiseCode)
            .param("year", year)
            .query((rs, row) -> new MonthRow(rs.getDate("month").toLocalDate(),
                    SpendingCategory.valueOf(rs.getString("category")), rs.getBigDecimal("amount")))
            .list();
    }

    /**
     * Meals served per month between two days, and what they should have cost at the
     * rates in force on each day.
     */
    List<MealMonth> meals(String udiseCode, LocalDate from, LocalDate until) {
        return jdbc
            .sql("""
                    select cast(date_trunc('month', d.served_on) as date) as month,
                           sum(d.meals_primary + d.meals_upper_primary) as meals,
                           coalesce(sum(d.meals_primary * coalesce(p.rate, 0) + d.meals_upper_primary * coalesce(u.rate, 0)), 0.00) as expected
                    from daily_meals d
                    left join lateral (select rate_per_child_day as rate from cost_norms
                                       where category = 'PRIMARY' and effective_from <= d.served_on
                                       order by effective_from desc limit 1) p on true
                    left join lateral (select rate_per_child_day as rate from cost_norms
                                       where category = 'UPPER_PRIMARY' and effective_from <= d.served_on
                                       order by effective_from desc limit 1) u on true
                    where d.udise_code = :udise and d.served_on >= :from and d.served_on < :until
                    group by 1 order by 1""")
            .param("udise", udiseCode)
            .param("from", from)
            .param("until", until)
            .query((rs, row) -> new MealMonth(rs.getDate("month").toLocalDate(), rs.getLong("meals"),
                    rs.getBigDecimal("expected")))
            .list();
    }

    /**
     * Each allocated school's year in scope: released, utilized and percent (half-even,
     * as the report); only those outside the band when {@code flaggedOnly}.
     */
    PageResponse<UtilizationSummary> summaries(String year, String districtCode, String blockCode, boolean flaggedOnly,
            BigDecimal bandLow, BigDecimal bandHigh, JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery
            .select(jdbc, "*",
                    """
                            (select a.udise_code, a.district_code, a.block_code, a.released, coalesce(u.utilized, 0.00) as utilized,
                                    case when a.released = 0 then null
                                         else round_half_even(coalesce(u.utilized, 0.00) * 100 / a.released, 2) end as utilized_percent
                             from allocations a
                             left join (select udise_code, sum(amount) as utilized from utilization_records
                                        where academic_year = :year group by udise_code) u on u.udise_code = a.udise_code
                             where a.academic_year = :year
                               and (cast(:district as varchar) is null or a.district_code = :district)
                               and (cast(:block as varchar) is null or a.block_code = :block)) s""",
                    within)
            .where("""
                    not cast(:flaggedOnly as boolean)
                           or (utilized_percent is null and utilized > 0)
                           or utilized_percent < :low or utilized_percent > :high""")
            .param("year", year)
            .param("district", districtCode)
            .param("block", blockCode)
            .param("flaggedOnly", flaggedOnly)
            .param("low", bandLow)
            .param("high", bandHigh)
            .orderBy("udise_code")
            .fetch(page, size,
                    (rs, row) -> new UtilizationSummary(rs.getString("udise_code"), rs.getString("district_code"),
                            rs.getString("block_code"), rs.getBigDecimal("released"), rs.getBigDecimal("utilized"),
                            rs.getBigDecimal("utilized_percent")));
    }

    /** Records that a threshold was crossed; false when it had been signalled already. */
    boolean markCrossed(String udiseCode, String year, int threshold, Instant at) {
        return jdbc.sql("""
                insert into budget_threshold_crossings (udise_code, academic_year, threshold, crossed_at)
                values (:udise, :year, :threshold, :at) on conflict do nothing""")
            .param("udise", udiseCode)
            .param("year", year)
            .param("threshold", threshold)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

    /**
     * Applies a day's meal report unless a later report of that day was applied already.
     */
    /**
     * A school's meals of a day, split by stage, as of a report made at {@code eventAt}.
     */
    record Meals(String udiseCode, LocalDate day, int primary, int upperPrimary, Instant eventAt) {
    }

    /**
     * Applies many schools' days in one statement, each unless a later report is stored
     * (the latest here counts).
     */
    void upsertMealsAll(List<Meals> meals) {
        Map<String, Meals> newest = new LinkedHashMap<>();
        for (Meals m : meals) {
            newest.merge(m.udiseCode() + "/" + m.day(), m, (a, b) -> b.eventAt().isBefore(a.eventAt()) ? a : b);
        }
        if (newest.isEmpty()) {
            return;
        }
        List<Meals> rows = List.copyOf(newest.values());
        jdbc.sql("""
                insert into daily_meals (udise_code, served_on, meals_primary, meals_upper_primary, last_event_at)
                select * from unnest(:udise, cast(:day as date[]), cast(:primary as int[]), cast(:upper as int[]),
                                     cast(:at as timestamptz[]))
                on conflict (udise_code, served_on) do update set
                    meals_primary = excluded.meals_primary, meals_upper_primary = excluded.meals_upper_primary,
                    last_event_at = excluded.last_event_at
                where daily_meals.last_event_at <= excluded.last_event_at""")
            .param("udise", new SqlArrayValue("text", rows.stream().map(Meals::udiseCode).toArray()))
            .param("day", new SqlArrayValue("text", rows.stream().map(m -> m.day().toString()).toArray()))
            .param("primary", new SqlArrayValue("text", rows.stream().map(m -> String.valueOf(m.primary())).toArray()))
            .param("upper",
                    new SqlArrayValue("text", rows.stream().map(m -> String.valueOf(m.upperPrimary())).toArray()))
            .param("at", new SqlArrayValue("text", rows.stream().map(m -> m.eventAt().toString()).toArray()))
            .update();
    }

    /**
     * Releases released before {@code before} whose school has recorded no spending for
     * the year since, not yet signalled.
     */
    List<IdleRelease> idleReleases(Instant before) {
        return jdbc.sql("""
                select r.id, r.udise_code, r.academic_year, r.amount,
                       (select coalesce(sum(u.amount), 0.00) from utilization_records u
                        where u.udise_code = r.udise_code and u.academic_year = r.academic_year) as utilized
                from fund_releases r
                where r.status = 'RELEASED' and r.released_at < :before
                  and not exists (select 1 from idle_release_signals s where s.release_id = r.id)
                  and not exists (select 1 from utilization_records u
                                  where u.udise_code = r.udise_code and u.academic_year = r.academic_year
                                    and u.recorded_at > r.released_at)
                order by r.released_at limit 1000""")
            .param("before", Timestamp.from(before))
            .query((rs, row) -> new IdleRelease(rs.getObject("id", UUID.class), rs.getString("udise_code"),
                    rs.getString("academic_year"), rs.getBigDecimal("amount"), rs.getBigDecimal("utilized")))
            .list();
    }

    /** False when the release was signalled already (by another replica's run, say). */
    boolean markIdleSignalled(UUID releaseId, Instant at) {
        return jdbc
            .sql("insert into idle_release_signals (release_id, signaled_at) values (:id, :at) on conflict do nothing")
            .param("id", releaseId)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

}
