package in.mdm.school.meal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class MealReportRepository {

    /**
     * Where a school is, for jurisdiction checks and flags, with its headmaster's phone
     * as stored: encrypted, or plain in a row not yet encrypted
     * ({@code HeadmasterFields.phone} reads it).
     */
    record SchoolPlace(String udiseCode, String name, String districtCode, String blockCode, String headmasterPhoneEnc,
            String headmasterPhone) {
    }

    /** A report lies where its school ({@code s}, joined) is. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("s.district_code", "s.block_code",
            "s.udise_code");

    private final JdbcClient jdbc;

    MealReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SchoolPlace> school(String udiseCode) {
        return jdbc.sql("""
                select udise_code, name, district_code, block_code, headmaster_phone_enc, headmaster_phone from schools
                where udise_code = :u""")
            .param("u", udiseCode)
            .query((rs, i) -> new SchoolPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)))
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

    /** A report to insert, with its flags. */
    record NewReport(UUID id, MealReportRequest request, ReportChannel channel, String reportedBy, Instant receivedAt,
            List<MealReportFlag> flags) {
    }

    /** The schools of these UDISE codes, by code. */
    Map<String, SchoolPlace> schools(Collection<String> udiseCodes) {
        Map<String, SchoolPlace> out = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select udise_code, name, district_code, block_code, headmaster_phone_enc, headmaster_phone from schools
                where udise_code = any(cast(:u as varchar[]))""")
            .param("u", udiseCodes.toArray(String[]::new))
            .query(rs -> {
                SchoolPlace school = new SchoolPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                out.put(school.udiseCode(), school);
            });
        return out;
    }

    /** The reports stored under these client report ids, by client id. */
    Map<UUID, MealReportResponse> byClientIds(Collection<UUID> clientIds) {
        Map<UUID, MealReportResponse> out = new HashMap<>();
        if (clientIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from meal_reports where client_report_id = any(cast(:c as uuid[]))")
            .param("c", clientIds.stream().map(UUID::toString).toArray(String[]::new))
            .query((rs, i) -> map(rs, i))
            .list()
            .forEach(r -> out.put(r.clientReportId(), r));
        return out;
    }

    /** The reports stored for these schools and days, by {@code udise|date}. */
    Map<String, MealReportResponse> bySchoolAndDates(List<String> udiseCodes, List<LocalDate> dates) {
        Map<String, MealReportResponse> out = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select m.* from unnest(cast(:u as varchar[]), cast(:d as date[])) as t(udise, day)
                join meal_reports m on m.udise_code = t.udise and m.report_date = t.day""")
            .param("u", udiseCodes.toArray(String[]::new))
            .param("d", dates.stream().map(LocalDate::toString).toArray(String[]::new))
            .query((rs, i) -> map(rs, i))
            .list()
            .forEach(r -> out.put(r.udiseCode() + "|" + r.date(), r));
        return out;
    }

    /** The reports of these ids, by id. */
    Map<UUID, MealReportResponse> byIds(Collection<UUID> ids) {
        Map<UUID, MealReportResponse> out = new HashMap<>();
        jdbc.sql("select * from meal_reports where id = any(cast(:ids as uuid[]))")
            .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
            .query((rs, i) -> map(rs, i))
            .list()
            .forEach(r -> out.put(r.id(), r));
        return out;
    }

    /**
     * Children enrolled for each school and academic year, by {@code udise|year}; absent
     * when unknown.
     */
    Map<String, Integer> enrolled(List<String> udiseCodes, List<String> academicYears) {
        Map<String, Integer> out = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select distinct e.udise_code, e.academic_year, e.primary_count + e.upper_primary_count
                from unnest(cast(:u as varchar[]), cast(:y as varchar[])) as t(udise, year)
                join enrollments e on e.udise_code = t.udise and e.academic_year = t.year""")
            .param("u", udiseCodes.toArray(String[]::new))
            .param("y", academicYears.toArray(String[]::new))
            .query(rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3));
            });
        return out;
    }

    /**
     * The holidays on these dates: {@code date|} for a state-wide one,
     * {@code date|district} for a district's.
     */
    Set<String> holidays(Collection<LocalDate> dates) {
        Set<String> out = new HashSet<>();
        if (dates.isEmpty()) {
            return out;
        }
        jdbc.sql("select holiday_date, district_code from holidays where holiday_date = any(cast(:d as date[]))")
            .param("d", dates.stream().map(LocalDate::toString).toArray(String[]::new))
            .query(rs -> {
                String district = rs.getString(2);
                out.add(rs.getObject(1, LocalDate.class) + "|" + (district == null ? "" : district));
            });
        return out;
    }

    /**
     * Inserts the reports in one statement; a report another transaction stored first
     * (same client id, or same school and day) is skipped.
     * @return the ids inserted
     */
    Set<UUID> insertAll(List<NewReport> batch) {
        Set<UUID> inserted = new HashSet<>();
        if (batch.isEmpty()) {
            return inserted;
        }
        // in key order, so that two batches sharing reports wait for each other, not
        // deadlock
        List<NewReport> rows = batch.stream()
            .sorted(java.util.Comparator.comparing((NewReport r) -> r.request().udiseCode())
                .thenComparing(r -> r.request().date()))
            .toList();
        jdbc.sql("""
                insert into meal_reports (id, client_report_id, udise_code, report_date, attendance_primary,
                       attendance_upper_primary, meals_served, no_meal_reason, channel, reported_by, received_at, flags)
                select t.id, t.client, t.udise, t.day, t.p, t.u, t.meals, t.reason, t.channel, t.by, t.at,
                       case when t.flags = '' then '{}' else string_to_array(t.flags, ',') end
                from unnest(cast(:id as uuid[]), cast(:client as uuid[]), cast(:udise as varchar[]),
                            cast(:day as date[]), cast(:p as integer[]), cast(:u as integer[]),
                            cast(:meals as integer[]), cast(:reason as varchar[]), cast(:channel as varchar[]),
                            cast(:by as varchar[]), cast(:at as timestamptz[]), cast(:flags as varchar[]))
                     as t(id, client, udise, day, p, u, meals, reason, channel, by, at, flags)
                on conflict do nothing
                returning id""")
            .param("id", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
            .param("client",
                    rows.stream()
                        .map(r -> r.request().clientReportId() == null ? null : r.request().clientReportId().toString())
                        .toArray(String[]::new))
            .param("udise", rows.stream().map(r -> r.request().udiseCode()).toArray(String[]::new))
            .param("day", rows.stream().map(r -> r.request().date().toString()).toArray(String[]::new))
            .param("p", rows.stream().map(r -> r.request().attendancePrimary()).toArray(Integer[]::new))
            .param("u", rows.stream().map(r -> r.request().attendanceUpperPrimary()).toArray(Integer[]::new))
            .param("meals", rows.stream().map(r -> r.request().mealsServed()).toArray(Integer[]::new))
            .param("reason", rows.stream().map(r -> name(r.request().noMealReason())).toArray(String[]::new))
            .param("channel", rows.stream().map(r -> r.channel().name()).toArray(String[]::new))
            .param("by", rows.stream().map(NewReport::reportedBy).toArray(String[]::new))
            .param("at", rows.stream().map(r -> r.receivedAt().toString()).toArray(String[]::new))
            .param("flags",
                    rows.stream()
                        .map(r -> String.join(",", r.flags().stream().map(Enum::name).toList()))
                        .toArray(String[]::new))
            .query((rs, i) -> rs.getObject(1, UUID.class))
            .list()
            .forEach(inserted::add);
        return inserted;
    }

    /**
     * Flags ATTENDANCE_OUTLIER on those of the schools' reports of these days whose
     * attendance is above 1.5 times the highest or under half the lowest of the school's
     * last 30 meal days before it (at least 5 of them). Reads the school-and-day key only
     * (it carries the figures), and writes only the outliers.
     */
    void flagOutliers(List<String> udiseCodes, List<LocalDate> dates, List<Integer> attendance) {
        if (udiseCodes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update meal_reports m set flags = array_append(m.flags, 'ATTENDANCE_OUTLIER')
                from (select t.udise, t.day
                      from unnest(cast(:u as varchar[]), cast(:d as date[]), cast(:a as integer[])) as t(udise, day, a)
                      cross join lateral (
                          select count(*) as c, coalesce(min(x.a), 0) as lo, coalesce(max(x.a), 0) as hi from (
                              select r.attendance_primary + r.attendance_upper_primary as a from meal_reports r
                              where r.udise_code = t.udise and r.report_date < t.day and r.meals_served > 0
                              order by r.report_date desc limit 30) x) h
                      where h.c >= 5 and (t.a > h.hi * 3 / 2 or t.a < h.lo / 2)) o
                where m.udise_code = o.udise and m.report_date = o.day""")
            .param("u", udiseCodes.toArray(String[]::new))
            .param("d", dates.stream().map(LocalDate::toString).toArray(String[]::new))
            .param("a", attendance.toArray(Integer[]::new))
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

    /** Stores messages with their outcomes, in one statement. */
    void storeSms(List<SmsRequest> messages, List<Instant> receivedAt, List<SmsResponse> answers) {
        jdbc.sql("""
                insert into meal_sms_messages (id, from_number, message, received_at, status, error, reply, report_id)
                select * from unnest(cast(:id as uuid[]), cast(:from as varchar[]), cast(:message as varchar[]),
                                     cast(:at as timestamptz[]), cast(:status as varchar[]), cast(:error as varchar[]),
                                     cast(:reply as varchar[]), cast(:report as uuid[]))""")
            .param("id", answers.stream().map(a -> a.messageId().toString()).toArray(String[]::new))
            .param("from", messages.stream().map(SmsRequest::from).toArray(String[]::new))
            .param("message", messages.stream().map(SmsRequest::message).toArray(String[]::new))
            .param("at", receivedAt.stream().map(Instant::toString).toArray(String[]::new))
            .param("status", answers.stream().map(a -> a.status().name()).toArray(String[]::new))
            .param("error", answers.stream().map(SmsResponse::error).toArray(String[]::new))
            .param("reply", answers.stream().map(SmsResponse::reply).toArray(String[]::new))
            .param("report",
                    answers.stream()
                        .map(a -> a.reportId() == null ? null : a.reportId().toString())
                        .toArray(String[]::new))
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
