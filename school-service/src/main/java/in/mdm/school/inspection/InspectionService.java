package in.mdm.school.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Inspections and their due dates. A PM POSHAN school is overdue when today is past the next due date of its
 * latest inspection, or, never inspected, past its registration plus {@code mdm.school.inspections.first-due-days};
 * InspectionOverdue is published once per school and due date.
 */
@Service
public class InspectionService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /** An inspection lies where its school ({@code s}, joined) is. */
    private static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("s.district_code", "s.block_code",
            "s.udise_code");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int firstDueDays;
    private final Clock clock = Clock.systemUTC();

    InspectionService(JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("${mdm.school.inspections.first-due-days:90}") int firstDueDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.firstDueDays = firstDueDays;
    }

    @Transactional
    InspectionResponse record(InspectionRequest r, Caller caller) {
        String[] place = jdbc.sql("select district_code, block_code from schools where udise_code = :u").param("u", r.udiseCode())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(null);
        if (place == null || !caller.covers(place[0], place[1], r.udiseCode())) {
            throw ApiException.notFound("school.not-found", "No school with UDISE code " + r.udiseCode());
        }
        if (r.inspectedOn().isAfter(LocalDate.now(INDIA))) {
            throw ApiException.badRequest("inspection.future-date", "inspectedOn: after today");
        }
        if (!r.nextDueOn().isAfter(r.inspectedOn())) {
            throw ApiException.badRequest("inspection.bad-due-date", "nextDueOn: must be after inspectedOn");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspections (id, udise_code, inspected_on, inspector, score, next_due_on, remarks)
                values (:id, :u, :on, :by, :score, :due, :remarks)""")
                .param("id", id).param("u", r.udiseCode()).param("on", r.inspectedOn()).param("by", caller.username())
                .param("score", r.score()).param("due", r.nextDueOn()).param("remarks", r.remarks()).update();
        for (int i = 0; i < r.findings().size(); i++) {
            InspectionRequest.Finding f = r.findings().get(i);
            jdbc.sql("insert into inspection_findings (inspection_id, position, category, severity, note) values (:id, :p, :c, :s, :n)")
                    .param("id", id).param("p", i).param("c", f.category()).param("s", f.severity()).param("n", f.note().strip())
                    .update();
        }
        return find(id);
    }

    @Transactional(readOnly = true)
    InspectionResponse get(UUID id, Caller caller) {
        InspectionResponse inspection = jdbc.sql("select id from inspections where id = :id").param("id", id)
                .query(UUID.class).optional().map(this::find)
                .orElseThrow(() -> ApiException.notFound("inspection.not-found", "No inspection " + id));
        String[] place = jdbc.sql("select district_code, block_code from schools where udise_code = :u").param("u", inspection.udiseCode())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        if (!caller.covers(place[0], place[1], inspection.udiseCode())) {
            throw ApiException.notFound("inspection.not-found", "No inspection " + id);
        }
        return inspection;
    }

    @Transactional(readOnly = true)
    PageResponse<InspectionResponse> page(String udiseCode, Caller caller, int page, int size) {
        return PagedQuery.select(jdbc, "i.id", "inspections i join schools s on s.udise_code = i.udise_code",
                        JurisdictionScope.of(caller).where(PLACE))
                .where("cast(:u as varchar) is null or i.udise_code = :u")
                .param("u", udiseCode)
                .orderBy("i.inspected_on desc, i.id")
                .fetch(page, size, (rs, i) -> find(rs.getObject(1, UUID.class)));
    }

    private InspectionResponse find(UUID id) {
        List<InspectionRequest.Finding> findings = jdbc.sql(
                        "select category, severity, note from inspection_findings where inspection_id = :id order by position")
                .param("id", id)
                .query((rs, i) -> new InspectionRequest.Finding(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return jdbc.sql("select * from inspections where id = :id").param("id", id)
                .query((rs, i) -> new InspectionResponse(rs.getObject("id", UUID.class), rs.getString("udise_code"),
                        rs.getObject("inspected_on", LocalDate.class), rs.getString("inspector"), rs.getInt("score"),
                        rs.getObject("next_due_on", LocalDate.class), rs.getString("remarks"), findings,
                        rs.getTimestamp("created_at").toInstant()))
                .single();
    }

    /** Publishes InspectionOverdue for every school newly overdue on the day; returns how many. */
    @Transactional
    public int publishOverdue(LocalDate today) {
        record Overdue(String udiseCode, LocalDate lastInspectedOn, LocalDate dueOn) {
        }
        List<Overdue> overdue = jdbc.sql("""
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
                .param("today", today).param("firstDays", firstDueDays)
                .query((rs, i) -> new Overdue(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
        for (Overdue o : overdue) {
            events.publishEvent(new InspectionOverdue(DomainEvent.newId(), clock.instant(), o.udiseCode(), o.lastInspectedOn(), o.dueOn()));
        }
        return overdue.size();
    }
}
