package in.mdm.school.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/**
 * The {@code inspections}, {@code inspection_findings} and
 * {@code inspection_overdue_notices} tables.
 */
@Repository
class InspectionRepository {

    /** The district and block of a school. */
    record Place(String districtCode, String blockCode) {
    }

    /**
     * A school newly overdue: its latest inspection (null if never inspected) and the
     * date it was due.
     */
    record Overdue(String udiseCode, LocalDate lastInspectedOn, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Place> findSchoolPlace(String udiseCode) {
        return jdbc.sql("select district_code, block_code from schools where udise_code = :u")
            .param("u", udiseCode)
            .query((rs, i) -> new Place(rs.getString(1), rs.getString(2)))
            .optional();
    }

    /** Where a school that must exist lies. */
    Place schoolPlace(String udiseCode) {
        return jdbc.sql("select district_code, block_code from schools where udise_code = :u")
            .param("u", udiseCode)
            .query((rs, i) -> new Place(rs.getString(1), rs.getString(2)))
            .single();
    }

    /** The inspection and its findings, in the order given. */
    void insert(UUID id, InspectionRequest r, String inspector) {
        jdbc.sql("""
                insert into inspections (id, udise_code, inspected_on, inspector, score, next_due_on, remarks)
                values (:id, :u, :on, :by, :score, :due, :remarks)""")
            .param("id", id)
            .param("u", r.udiseCode())
            .param("on", r.inspectedOn())
            .param("by", inspector)
            .param("score", r.score())
            .param("due", r.nextDueOn())
            .param("remarks", r.remarks())
            .update();
        for (int i = 0; i < r.findings().size(); i++) {
            InspectionRequest.Finding f = r.findings().get(i);
            jdbc.sql(
                    "insert into inspection_findings (inspection_id, position, category, severity, note) values (:id, :p, :c, :s, :n)")
                .param("id", id)
                .param("p", i)
                .param("c", f.category())
                .param("s", f.severity())
                .param("n", f.note().strip())
                .update();
        }
    }

    Optional<InspectionResponse> find(UUID id) {
        return jdbc.sql("select id from inspections where id = :id")
            .param("id", id)
            .query(UUID.class)
            .optional()
            .map(this::get);
    }

    /** An inspection that must exist, with its findings. */
    InspectionResponse get(UUID id) {
        List<InspectionRequest.Finding> findings = jdbc
            .sql("select category, severity, note from inspection_findings where inspection_id = :id order by position")
            .param("id", id)
            .query((rs, i) -> new InspectionRequest.Finding(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
        return jdbc.sql("select * from inspections where id = :id")
            .param("id", id)
            .query((rs, i) -> new InspectionResponse(rs.getObject("id", UUID.class), rs.getString("udise_code"),
                    rs.getObject("inspected_on", LocalDate.class), rs.getString("inspector"), rs.getInt("score"),
                    rs.getObject("next_due_on", LocalDate.class), rs.getString("remarks"), findings,
                    rs.getTimestamp("created_at").toInstant()))
            .single();
    }

    /**
     * Inspections of schools inside the caller's jurisdiction, latest first; all schools
     * when udiseCode is null.
     */
    /** An inspection lies where its school ({@code s}, joined) is. */
    private static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("s.district_code",
            "s.block_code", "s.udise_code");

    PageResponse<InspectionResponse> page(String udiseCode, Caller caller, int page, int size) {
        return PagedQuery
            .select(jdbc, "i.id", "inspections i join schools s on s.udise_code = i.udise_code",
                    JurisdictionScope.of(caller).where(PLACE))
            .where("cast(:u as varchar) is null or i.udise_code = :u")
            .param("u", udiseCode)
            .orderBy("i.inspected_on desc, i.id")
            .fetch(page, size, (rs, i) -> get(rs.getObject(1, UUID.class)));
    }

    /**
     * Records a notice for every PM POSHAN school past its due date on {@code today} that
     * has none for that due date (never inspected: due {@code firstDueDays} after
     * registration); @return the schools noticed now
     */
    List<Overdue> noticeOverdue(LocalDate today, int firstDueDays) {
        return jdbc
            .sql("""
                    with latest as (
                        select distinct on (udise_code) udise_code, inspected_on, next_due_on
                        from inspections order by udise_code, inspected_on desc, created_at desc),
                    due as (
                        select s.udise_code, l.inspected_on,
                               coalesce(l.next_due_on, cast(s.created_at at time zone 'Asia/Kolkata' as date) + :firstDays) as due_on
                        from schools s left join latest l on l.udise_code = s.udise_code
                        where s.pm_poshan_eligible),
                    fresh as (
                        insert into inspection_overdue_notices (udise_code, due_on)
                        select udise_code, due_on from due where due_on < :today
                        on conflict do nothing
                        returning udise_code, due_on)
                    select f.udise_code, d.inspected_on, f.due_on from fresh f join due d on d.udise_code = f.udise_code
                    order by f.udise_code""")
            .param("today", today)
            .param("firstDays", firstDueDays)
            .query((rs, i) -> new Overdue(rs.getString(1), rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class)))
            .list();
    }

}
