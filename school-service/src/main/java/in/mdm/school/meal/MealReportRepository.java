package in.mdm.school.meal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class MealReportRepository {

    /** Where a school is, for jurisdiction checks and flags. */
    record SchoolPlace(String udiseCode, String name, String districtCode, String blockCode, String headmasterPhone) {
    }

    /** A report lies where its school ({@code s}, joined) is. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("s.district_code", "s.block_code",
            "s.udise_code");

    private final JdbcClient jdbc;

    MealReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SchoolPlace> school(String udiseCode) {
        return jdbc.sql(
                "select udise_code, name, district_code, block_code, headmaster_phone from schools where udise_code = :u")
            .param("u", udiseCode)
            .query((rs, i) -> new SchoolPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)))
            .optional();
    }

    Optional<MealReportResponse> byClientId(UUID clientReportId) {
        return jdbc.sql("select * from meal_reports where client_report_id = :c")
            .param("c", clientReportId)
            .query(MealReportRepository::map)
            .optional();
    }

    Optional<MealReportResponse> bySchoolAndDate(String udiseCode, LocalDate date) {
        return jdbc.sql("select * from meal_reports where udise_code = :u and report_date = :d")
            .param("u", udiseCode)
            .param("d", date)
            .query(MealReportRepository::map)
            .optional();
    }

    Optional<MealReportResponse> find(UUID id) {
        return jdbc.sql("select * from meal_reports where id = :id")
            .param("id", id)
            .query(MealReportRepository::map)
            .optional();
    }

    /** Children enrolled in the academic year, or {@code null} when unknown. */
    Integer enrolled(String udiseCode, String academicYear) {
        return jdbc.sql(
                "select primary_count + upper_primary_count from enrollments where udise_code = :u and academic_year = :y")
            .param("u", udiseCode)
            .param("y", academicYear)
            .query(Integer.class)
            .optional()
            .orElse(null);
    }

    /**
     * Attendance of the school's last 30 meal days before the date: {count, min, max}.
     */
    int[] recentAttendance(String udiseCode, LocalDate before) {
        return jdbc.sql("""
                select count(*), coalesce(min(a), 0), coalesce(max(a), 0) from (
                    select attendance_primary + attendance_upper_primary as a from meal_reports
                    where udise_code = :u and report_date < :d and meals_served > 0
                    order by report_date desc limit 30) recent""")
            .param("u", udiseCode)
            .param("d", before)
            .query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
            .single();
    }

    boolean holiday(LocalDate date, String districtCode) {
        return jdbc.sql(
                "select exists (select 1 from holidays where holiday_date = :d and (district_code is null or district_code = :district))")
            .param("d", date)
            .param("district", districtCode)
            .query(Boolean.class)
            .single();
    }

    void insert(UUID id, MealReportRequest r, ReportChannel channel, String reportedBy, Instant receivedAt,
            List<MealReportFlag> flags) {
        jdbc.sql(
                """
                        insert into meal_reports (id, client_report_id, udise_code, report_date, attendance_primary,
                               attendance_upper_primary, meals_served, no_meal_reason, channel, reported_by, received_at, flags)
                        values (:id, :client, :udise, :date, :p, :u, :meals, :reason, :channel, :by, :at, cast(:flags as varchar[]))""")
            .param("id", id)
            .param("client", r.clientReportId())
            .param("udise", r.udiseCode())
            .param("date", r.date())
            .param("p", r.attendancePrimary())
            .param("u", r.attendanceUpperPrimary())
            .param("meals", r.mealsServed())
            .param("reason", name(r.noMealReason()))
            .param("channel", channel.name())
            .param("by", reportedBy)
            .param("at", java.sql.Timestamp.from(receivedAt))
            .param("flags", names(flags))
            .update();
    }

    /** Records the correction (before and after as JSON) and applies it. */
    void correct(UUID id, CorrectionRequest c, String by, List<MealReportFlag> flags) {
        jdbc.sql(
                """
                        insert into meal_report_corrections (id, report_id, corrected_by, before, after, reason)
                        select gen_random_uuid(), r.id, :by,
                               jsonb_build_object('attendancePrimary', r.attendance_primary, 'attendanceUpperPrimary', r.attendance_upper_primary,
                                                  'mealsServed', r.meals_served, 'noMealReason', r.no_meal_reason),
                               jsonb_build_object('attendancePrimary', cast(:p as integer), 'attendanceUpperPrimary', cast(:u as integer),
                                                  'mealsServed', cast(:meals as integer), 'noMealReason', cast(:reason as varchar)),
                               :why
                        from meal_reports r where r.id = :id""")
            .param("id", id)
            .param("by", by)
            .param("p", c.attendancePrimary())
            .param("u", c.attendanceUpperPrimary())
            .param("meals", c.mealsServed())
            .param("reason", name(c.noMealReason()))
            .param("why", c.reason().strip())
            .update();
        jdbc.sql("""
                update meal_reports set attendance_primary = :p, attendance_upper_primary = :u, meals_served = :meals,
                       no_meal_reason = :reason, flags = cast(:flags as varchar[]), corrected = true
                where id = :id""")
            .param("id", id)
            .param("p", c.attendancePrimary())
            .param("u", c.attendanceUpperPrimary())
            .param("meals", c.mealsServed())
            .param("reason", name(c.noMealReason()))
            .param("flags", names(flags))
            .update();
    }

    List<CorrectionRow> corrections(UUID reportId) {
        return jdbc.sql(
                "select id, report_id, corrected_by, corrected_at, cast(before as text), cast(after as text), reason from meal_report_corrections where report_id = :r order by corrected_at, id")
            .param("r", reportId)
            .query((rs, i) -> new CorrectionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
            .list();
    }

    record CorrectionRow(UUID id, UUID reportId, String by, Instant at, String before, String after, String reason) {
    }

    PageResponse<MealReportResponse> page(String udiseCode, LocalDate from, LocalDate to,
            JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "m.*", "meal_reports m join schools s on s.udise_code = m.udise_code", within)
            .where("""
                    (cast(:udise as varchar) is null or m.udise_code = :udise)
                      and (cast(:from as date) is null or m.report_date >= :from)
                      and (cast(:to as date) is null or m.report_date <= :to)""")
            .param("udise", udiseCode)
            .param("from", from)
            .param("to", to)
            .orderBy("m.report_date desc, m.udise_code, m.id")
            .fetch(page, size, MealReportRepository::map);
    }

    void storeSms(UUID id, SmsRequest sms, Instant receivedAt, SmsStatus status, String error, String reply,
            UUID reportId) {
        jdbc.sql("""
                insert into meal_sms_messages (id, from_number, message, received_at, status, error, reply, report_id)
                values (:id, :from, :message, :at, :status, :error, :reply, :report)""")
            .param("id", id)
            .param("from", sms.from())
            .param("message", sms.message())
            .param("at", java.sql.Timestamp.from(receivedAt))
            .param("status", status.name())
            .param("error", error)
            .param("reply", reply)
            .param("report", reportId)
            .update();
    }

    static MealReportResponse map(ResultSet rs, int row) throws SQLException {
        Array flags = rs.getArray("flags");
        String reason = rs.getString("no_meal_reason");
        return new MealReportResponse(rs.getObject("id", UUID.class), rs.getObject("client_report_id", UUID.class),
                rs.getString("udise_code"), rs.getObject("report_date", LocalDate.class),
                rs.getInt("attendance_primary"), rs.getInt("attendance_upper_primary"), rs.getInt("meals_served"),
                reason == null ? null : NoMealReason.valueOf(reason), ReportChannel.valueOf(rs.getString("channel")),
                rs.getString("reported_by"), rs.getTimestamp("received_at").toInstant(),
                flags == null ? List.of()
                        : Arrays.stream((String[]) flags.getArray()).map(MealReportFlag::valueOf).toList(),
                rs.getBoolean("corrected"));
    }

    /** An enum as the text column holds it. */
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String[] names(List<MealReportFlag> flags) {
        return flags.stream().map(Enum::name).toArray(String[]::new);
    }

}
