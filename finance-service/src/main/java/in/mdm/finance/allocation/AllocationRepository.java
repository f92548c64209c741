package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AllocationRepository {

    /** A cost norm row: one category's rate, days and centre share effective from a date. */
    record Norm(String category, BigDecimal ratePerChildDay, int schoolDays,
            BigDecimal centreSharePercent, LocalDate effectiveFrom) {
    }

    /** Totals of a set of allocations. */
    record Totals(int schools, BigDecimal total, BigDecimal centreShare, BigDecimal stateShare) {
    }

    private final JdbcClient jdbc;

    AllocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The norm of each category in force on a day (the latest effective on or before it). */
    List<Norm> normsOn(LocalDate day) {
        return jdbc.sql("""
                select distinct on (category) category, rate_per_child_day, school_days, centre_share_percent, effective_from
                from cost_norms where effective_from <= :day
                order by category, effective_from desc""")
                .param("day", day)
                .query((rs, row) -> new Norm(rs.getString("category"), rs.getBigDecimal("rate_per_child_day"),
                        rs.getInt("school_days"), rs.getBigDecimal("centre_share_percent"),
                        rs.getDate("effective_from").toLocalDate()))
                .list();
    }

    /**
     * Calculates and upserts the allocation of every enrolled school of the year in scope, in one statement: the
     * arithmetic runs in PostgreSQL on exact numerics (centre share rounded half-even to the paisa, state share
     * the rest). Answers the totals of the rows written.
     */
    Totals calculate(String academicYear, String districtCode, String blockCode, CostNorms norms, Instant at) {
        return jdbc.sql("""
                with calculated as (
                    select udise_code, academic_year, district_code, block_code, primary_count, upper_primary_count,
                           primary_count * cast(:ratePrimary as numeric(10, 2)) * cast(:days as integer)
                               + upper_primary_count * cast(:rateUpperPrimary as numeric(10, 2)) * cast(:days as integer) as amount
                    from enrollments
                    where academic_year = :year
                      and (cast(:district as varchar) is null or district_code = :district)
                      and (cast(:block as varchar) is null or block_code = :block)
                ), shared as (
                    select c.*, round_half_even(amount * cast(:centre as numeric(5, 2)) / 100, 2) as centre_share
                    from calculated c
                ), upserted as (
                    insert into allocations (id, udise_code, academic_year, district_code, block_code, enrolled_primary,
                                             enrolled_upper_primary, rate_primary, rate_upper_primary, school_days,
                                             amount, centre_share, state_share, calculated_at)
                    select gen_random_uuid(), udise_code, academic_year, district_code, block_code, primary_count,
                           upper_primary_count, cast(:ratePrimary as numeric(10, 2)), cast(:rateUpperPrimary as numeric(10, 2)),
                           cast(:days as integer), amount, centre_share, amount - centre_share, :at
                    from shared
                    on conflict (udise_code, academic_year) do update set
                        district_code = excluded.district_code, block_code = excluded.block_code,
                        enrolled_primary = excluded.enrolled_primary, enrolled_upper_primary = excluded.enrolled_upper_primary,
                        rate_primary = excluded.rate_primary, rate_upper_primary = excluded.rate_upper_primary,
                        school_days = excluded.school_days, amount = excluded.amount, centre_share = excluded.centre_share,
                        state_share = excluded.state_share, calculated_at = excluded.calculated_at
                    returning amount, centre_share, state_share
                )
                select count(*) as schools, coalesce(sum(amount), 0.00) as total,
                       coalesce(sum(centre_share), 0.00) as centre_share, coalesce(sum(state_share), 0.00) as state_share
                from upserted""")
                .param("year", academicYear).param("district", districtCode).param("block", blockCode)
                .param("ratePrimary", norms.ratePrimary()).param("rateUpperPrimary", norms.rateUpperPrimary())
                .param("days", norms.schoolDays()).param("centre", norms.centreSharePercent())
                .param("at", Timestamp.from(at))
                .query(AllocationRepository::mapTotals)
                .single();
    }

    Optional<SchoolAllocationResponse> findSchool(String udiseCode, String academicYear) {
        return jdbc.sql("""
                select udise_code, academic_year, enrolled_primary, enrolled_upper_primary, rate_primary,
                       rate_upper_primary, school_days, amount, centre_share, state_share
                from allocations where udise_code = :udise and academic_year = :year""")
                .param("udise", udiseCode).param("year", academicYear)
                .query((rs, row) -> new SchoolAllocationResponse(rs.getString("udise_code"), rs.getString("academic_year"),
                        rs.getInt("enrolled_primary"), rs.getInt("enrolled_upper_primary"), rs.getBigDecimal("rate_primary"),
                        rs.getBigDecimal("rate_upper_primary"), rs.getInt("school_days"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("centre_share"), rs.getBigDecimal("state_share")))
                .optional();
    }

    /** Totals of the year's allocations in a district or block (exactly one of the two codes given). */
    Totals totals(String academicYear, String districtCode, String blockCode) {
        return jdbc.sql("""
                select count(*) as schools, coalesce(sum(amount), 0.00) as total,
                       coalesce(sum(centre_share), 0.00) as centre_share, coalesce(sum(state_share), 0.00) as state_share
                from allocations
                where academic_year = :year
                  and (cast(:district as varchar) is null or district_code = :district)
                  and (cast(:block as varchar) is null or block_code = :block)""")
                .param("year", academicYear).param("district", districtCode).param("block", blockCode)
                .query(AllocationRepository::mapTotals)
                .single();
    }

    private static Totals mapTotals(ResultSet rs, int row) throws SQLException {
        return new Totals(rs.getInt("schools"), rs.getBigDecimal("total"), rs.getBigDecimal("centre_share"),
                rs.getBigDecimal("state_share"));
    }
}
