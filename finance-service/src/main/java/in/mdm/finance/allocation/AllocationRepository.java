package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.security.JurisdictionScope;

@Repository
class AllocationRepository {

    private static final String SCHOOL_COLUMNS = """
            id, udise_code, academic_year, district_code, block_code, enrolled_primary, enrolled_upper_primary,
            rate_primary, rate_upper_primary, school_days_primary, school_days_upper_primary, centre_share_percent,
            calculated_amount, adjustment, amount, centre_share, state_share, released, calculated_at, adjusted_at""";

    /** A row lies where its district, block and school are. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    AllocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The norm of each category in force on a day (the latest effective on or before it).
     */
    List<CostNorm> normsOn(LocalDate day) {
        return jdbc
            .sql("""
                    select distinct on (category) category, rate_per_child_day, school_days, centre_share_percent, effective_from,
                                                  created_by, created_at
                    from cost_norms where effective_from <= :day
                    order by category, effective_from desc""")
            .param("day", day)
            .query(AllocationRepository::mapNorm)
            .list();
    }

    List<CostNorm> allNorms() {
        return jdbc
            .sql("""
                    select category, rate_per_child_day, school_days, centre_share_percent, effective_from, created_by, created_at
                    from cost_norms order by effective_from desc, category""")
            .query(AllocationRepository::mapNorm)
            .list();
    }

    /**
     * Adds one category's norm; false when that category already has a norm from that
     * date.
     */
    boolean insertNorm(CostNorm norm) {
        return jdbc.sql("""
                insert into cost_norms (category, rate_per_child_day, school_days, centre_share_percent, effective_from,
                                        created_by, created_at)
                values (:category, :rate, :days, :centre, :from, :by, :at)
                on conflict (category, effective_from) do nothing""")
            .param("category", norm.category().name())
            .param("rate", norm.ratePerChildDay())
            .param("days", norm.schoolDays())
            .param("centre", norm.centreSharePercent())
            .param("from", norm.effectiveFrom())
            .param("by", norm.createdBy())
            .param("at", Timestamp.from(norm.createdAt()))
            .update() == 1;
    }

    /**
     * Calculates and upserts the allocation of every enrolled school of the year in
     * scope, in one statement: the arithmetic runs in PostgreSQL on exact numerics
     * (centre share rounded half-even to the paisa, state share the rest). Answers the
     * totals of the rows written.
     */
    AllocationTotals calculate(String academicYear, String districtCode, String blockCode, CostNorms norms,
            Instant at) {
        return calculate(academicYear, districtCode, blockCode, null, norms, at);
    }

    /**
     * The same for one school or area. A recalculated allocation keeps its adjustment and
     * never falls below what has been released: amount = greatest(calculated +
     * adjustment, released), split again at the norms' centre share.
     */
    AllocationTotals calculate(String academicYear, String districtCode, String blockCode, String udiseCode,
            CostNorms norms, Instant at) {
        return jdbc
            .sql("""
                    with calculated as (
                        select udise_code, academic_year, district_code, block_code, primary_count, upper_primary_count,
                               primary_count * cast(:ratePrimary as numeric(10, 2)) * cast(:daysPrimary as integer)
                                   + upper_primary_count * cast(:rateUpperPrimary as numeric(10, 2)) * cast(:daysUpperPrimary as integer) as amount
                        from enrollments
                        where academic_year = :year
                          and (cast(:district as varchar) is null or district_code = :district)
                          and (cast(:block as varchar) is null or block_code = :block)
                          and (cast(:udise as varchar) is null or udise_code = :udise)
                    ), shared as (
                        select c.*, round_half_even(amount * cast(:centre as numeric(5, 2)) / 100, 2) as centre_share
                        from calculated c
                    ), upserted as (
                        insert into allocations (id, udise_code, academic_year, district_code, block_code, enrolled_primary,
                                                 enrolled_upper_primary, rate_primary, rate_upper_primary, school_days_primary,
                                                 school_days_upper_primary, centre_share_percent, calculated_amount,
                                                 amount, centre_share, state_share, calculated_at)
                        select gen_random_uuid(), udise_code, academic_year, district_code, block_code, primary_count,
                               upper_primary_count, cast(:ratePrimary as numeric(10, 2)), cast(:rateUpperPrimary as numeric(10, 2)),
                               cast(:daysPrimary as integer), cast(:daysUpperPrimary as integer), cast(:centre as numeric(5, 2)),
                               amount, amount, centre_share, amount - centre_share, :at
                        from shared
                        on conflict (udise_code, academic_year) do update set
                            district_code = excluded.district_code, block_code = excluded.block_code,
                            enrolled_primary = excluded.enrolled_primary, enrolled_upper_primary = excluded.enrolled_upper_primary,
                            rate_primary = excluded.rate_primary, rate_upper_primary = excluded.rate_upper_primary,
                            school_days_primary = excluded.school_days_primary,
                            school_days_upper_primary = excluded.school_days_upper_primary,
                            centre_share_percent = excluded.centre_share_percent,
                            calculated_amount = excluded.calculated_amount,
                            amount = greatest(excluded.calculated_amount + allocations.adjustment, allocations.released),
                            centre_share = case
                                when allocations.adjustment = 0 and allocations.released <= excluded.calculated_amount
                                    then excluded.centre_share
                                else round_half_even(greatest(excluded.calculated_amount + allocations.adjustment, allocations.released)
                                                     * excluded.centre_share_percent / 100, 2) end,
                            state_share = greatest(excluded.calculated_amount + allocations.adjustment, allocations.released) - case
                                when allocations.adjustment = 0 and allocations.released <= excluded.calculated_amount
                                    then excluded.centre_share
                                else round_half_even(greatest(excluded.calculated_amount + allocations.adjustment, allocations.released)
                                                     * excluded.centre_share_percent / 100, 2) end,
                            calculated_at = excluded.calculated_at
                        returning amount, centre_share, state_share
                    )
                    select count(*) as schools, coalesce(sum(amount), 0.00) as total,
                           coalesce(sum(centre_share), 0.00) as centre_share, coalesce(sum(state_share), 0.00) as state_share
                    from upserted""")
            .param("year", academicYear)
            .param("district", districtCode)
            .param("block", blockCode)
            .param("udise", udiseCode)
            .param("ratePrimary", norms.ratePrimary())
            .param("rateUpperPrimary", norms.rateUpperPrimary())
            .param("daysPrimary", norms.schoolDaysPrimary())
            .param("daysUpperPrimary", norms.schoolDaysUpperPrimary())
            .param("centre", norms.centreSharePercent())
            .param("at", Timestamp.from(at))
            .query((rs, row) -> mapTotals(academicYear, rs))
            .single();
    }

    boolean exists(String udiseCode, String academicYear) {
        return jdbc.sql("select count(*) from allocations where udise_code = :udise and academic_year = :year")
            .param("udise", udiseCode)
            .param("year", academicYear)
            .query(Long.class)
            .single() > 0;
    }

    Optional<Allocation> findSchool(String udiseCode, String academicYear, JurisdictionScope.Condition within) {
        return jdbc
            .sql("select " + SCHOOL_COLUMNS + " from allocations where udise_code = :udise and academic_year = :year"
                    + " and " + within.sql())
            .param("udise", udiseCode)
            .param("year", academicYear)
            .params(within.params())
            .query(AllocationRepository::map)
            .optional();
    }

    /**
     * The allocation, locked until the end of the transaction; empty when unknown or
     * outside the scope.
     */
    Optional<Allocation> lock(UUID id, JurisdictionScope.Condition within) {
        return jdbc
            .sql("select " + SCHOOL_COLUMNS + " from allocations where id = :id and " + within.sql() + " for update")
            .param("id", id)
            .params(within.params())
            .query(AllocationRepository::map)
            .optional();
    }

    void adjust(UUID id, BigDecimal adjustment, CostNorms.Split split, Instant at) {
        jdbc.sql("""
                update allocations set adjustment = :adjustment, amount = :amount, centre_share = :centre,
                                       state_share = :state, adjusted_at = :at
                where id = :id""")
            .param("id", id)
            .param("adjustment", adjustment)
            .param("amount", split.amount())
            .param("centre", split.centreShare())
            .param("state", split.stateShare())
            .param("at", Timestamp.from(at))
            .update();
    }

    void addReleased(UUID id, BigDecimal amount) {
        jdbc.sql("update allocations set released = released + :amount where id = :id")
            .param("id", id)
            .param("amount", amount)
            .update();
    }

    /**
     * Totals of the year's allocations in a district or block (exactly one of the two
     * codes given), in scope.
     */
    AllocationTotals totals(String academicYear, String districtCode, String blockCode,
            JurisdictionScope.Condition within) {
        return jdbc
            .sql("""
                    select count(*) as schools, coalesce(sum(amount), 0.00) as total,
                           coalesce(sum(centre_share), 0.00) as centre_share, coalesce(sum(state_share), 0.00) as state_share
                    from allocations
                    where academic_year = :year
                      and (cast(:district as varchar) is null or district_code = :district)
                      and (cast(:block as varchar) is null or block_code = :block)
                      and %s"""
                .formatted(within.sql()))
            .param("year", academicYear)
            .param("district", districtCode)
            .param("block", blockCode)
            .params(within.params())
            .query((rs, row) -> mapTotals(academicYear, rs))
            .single();
    }

    private static AllocationTotals mapTotals(String academicYear, ResultSet rs) throws SQLException {
        return new AllocationTotals(academicYear, rs.getInt("schools"), rs.getBigDecimal("total"),
                rs.getBigDecimal("centre_share"), rs.getBigDecimal("state_share"));
    }

    private static CostNorm mapNorm(ResultSet rs, int row) throws SQLException {
        return new CostNorm(NormCategory.valueOf(rs.getString("category")), rs.getBigDecimal("rate_per_child_day"),
                rs.getInt("school_days"), rs.getBigDecimal("centre_share_percent"),
                rs.getDate("effective_from").toLocalDate(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Allocation map(ResultSet rs, int row) throws SQLException {
        Timestamp adjusted = rs.getTimestamp("adjusted_at");
        return new Allocation(rs.getObject("id", UUID.class), rs.getString("udise_code"), rs.getString("academic_year"),
                rs.getString("district_code"), rs.getString("block_code"), rs.getInt("enrolled_primary"),
                rs.getInt("enrolled_upper_primary"), rs.getBigDecimal("rate_primary"),
                rs.getBigDecimal("rate_upper_primary"), rs.getInt("school_days_primary"),
                rs.getInt("school_days_upper_primary"), rs.getBigDecimal("centre_share_percent"),
                rs.getBigDecimal("calculated_amount"), rs.getBigDecimal("adjustment"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("centre_share"), rs.getBigDecimal("state_share"), rs.getBigDecimal("released"),
                rs.getTimestamp("calculated_at").toInstant(), adjusted == null ? null : adjusted.toInstant());
    }

}
