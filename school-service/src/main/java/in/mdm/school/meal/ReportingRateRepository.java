package in.mdm.school.meal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.school.HeadmasterFields;

/**
 * Who reported a day's meals, and when, among the PM POSHAN schools of an area inside the
 * caller's jurisdiction.
 */
@Repository
class ReportingRateRepository {

    /**
     * For an area: its schools, those that reported, and those that reported by the
     * cut-off.
     */
    record Counts(long schools, long reported, long onTime) {
    }

    /** A school lies in its district and block. */
    private static final JurisdictionScope.Columns SCHOOL = JurisdictionScope.Columns.located("s.district_code",
            "s.block_code", "s.udise_code");

    private static final String AREA_FILTERS = """
            s.pm_poshan_eligible
              and (cast(:district as varchar) is null or s.district_code = :district)
              and (cast(:block as varchar) is null or s.block_code = :block)""";

    private static final String AREA = "schools s\nwhere " + AREA_FILTERS;

    private final JdbcClient jdbc;

    private final HeadmasterFields headmasters;

    ReportingRateRepository(JdbcClient jdbc, HeadmasterFields headmasters) {
        this.jdbc = jdbc;
        this.headmasters = headmasters;
    }

    /** The area is the district, the block, or (both null) the state. */
    Counts counts(LocalDate date, String districtCode, String blockCode, Instant cutoff,
            JurisdictionScope jurisdiction) {
        JurisdictionScope.Condition within = jurisdiction.where(SCHOOL);
        return jdbc
            .sql("""
                    select count(*), count(m.id), count(m.id) filter (where m.received_at <= :cutoff)
                    from %s and %s
                    """.formatted(AREA.replace("schools s\n",
                    "schools s left join meal_reports m on m.udise_code = s.udise_code and m.report_date = :date\n"),
                    within.sql()))
            .params(within.params())
            .param("district", districtCode)
            .param("block", blockCode)
            .param("date", date)
            .param("cutoff", Timestamp.from(cutoff))
            .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .single();
    }

    /** The area's schools with no report for the day. */
    PageResponse<ReportingRateResponse.NonReporter> nonReporters(LocalDate date, String districtCode, String blockCode,
            JurisdictionScope jurisdiction, int page, int size) {
        return PagedQuery
            .select(jdbc,
                    "s.udise_code, s.name, s.district_code, s.block_code, s.headmaster_name, s.headmaster_phone, "
                            + "s.headmaster_name_enc, s.headmaster_phone_enc",
                    "schools s", jurisdiction.where(SCHOOL))
            .where(AREA_FILTERS
                    + " and not exists (select 1 from meal_reports m where m.udise_code = s.udise_code and m.report_date = :date)")
            .param("district", districtCode)
            .param("block", blockCode)
            .param("date", date)
            .orderBy("s.district_code, s.block_code, s.udise_code")
            .fetch(page, size,
                    (rs, i) -> new ReportingRateResponse.NonReporter(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), headmasters.name(rs.getString(7), rs.getString(5)),
                            headmasters.phone(rs.getString(8), rs.getString(6))));
    }

    /** Daily meal reports received for a date, across the country: the pulse gauge. */
    long countReports(LocalDate date) {
        return jdbc.sql("select count(*) from meal_reports where report_date = :date")
            .param("date", date)
            .query(Long.class)
            .single();
    }

    /**
     * Schools in the directory, each expected to report: the pulse gauge's denominator.
     */
    long countSchools() {
        return jdbc.sql("select count(*) from schools").query(Long.class).single();
    }

}
