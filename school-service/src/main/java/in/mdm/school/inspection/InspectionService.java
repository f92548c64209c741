package in.mdm.school.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.InspectionRecorded;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/**
 * Inspections and their due dates. A PM POSHAN school is overdue when today is past the
 * next due date of its latest inspection, or, never inspected, past its registration plus
 * {@code mdm.school.inspections.first-due-days}; InspectionOverdue is published once per
 * school and due date.
 */
@Service
@EnableConfigurationProperties(InspectionProperties.class)
public class InspectionService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final InspectionRepository inspections;

    private final ApplicationEventPublisher events;

    private final int firstDueDays;

    private final Clock clock;

    InspectionService(InspectionRepository inspections, ApplicationEventPublisher events,
            InspectionProperties properties, Clock clock) {
        this.inspections = inspections;
        this.events = events;
        this.firstDueDays = properties.firstDueDays();
        this.clock = clock;
    }

    @Transactional
    InspectionResponse record(InspectionRequest r, Caller caller) {
        InspectionRepository.Place place = inspections.findSchoolPlace(r.udiseCode()).orElse(null);
        if (place == null || !caller.covers(place.districtCode(), place.blockCode(), r.udiseCode())) {
            throw ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND, "No school with UDISE code " + r.udiseCode());
        }
        if (r.inspectedOn().isAfter(LocalDate.now(clock.withZone(INDIA)))) {
            throw ApiException.badRequest(SchoolProblems.INSPECTION_FUTURE_DATE, "inspectedOn: after today");
        }
        if (!r.nextDueOn().isAfter(r.inspectedOn())) {
            throw ApiException.badRequest(SchoolProblems.INSPECTION_BAD_DUE_DATE,
                    "nextDueOn: must be after inspectedOn");
        }
        UUID id = UUID.randomUUID();
        inspections.insert(id, r, caller.username());
        events.publishEvent(new InspectionRecorded(DomainEvent.newId(), clock.instant(), id, r.udiseCode(),
                r.inspectedOn(), r.score(), r.nextDueOn()));
        return inspections.get(id);
    }

    @Transactional(readOnly = true)
    InspectionResponse get(UUID id, Caller caller) {
        InspectionResponse inspection = inspections.find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.INSPECTION_NOT_FOUND, "No inspection " + id));
        InspectionRepository.Place place = inspections.schoolPlace(inspection.udiseCode());
        if (!caller.covers(place.districtCode(), place.blockCode(), inspection.udiseCode())) {
            throw ApiException.notFound(SchoolProblems.INSPECTION_NOT_FOUND, "No inspection " + id);
        }
        return inspection;
    }

    @Transactional(readOnly = true)
    PageResponse<InspectionResponse> page(String udiseCode, Caller caller, int page, int size) {
        return inspections.page(udiseCode, caller, page, size);
    }

    /**
     * Publishes InspectionOverdue for every school newly overdue on the day; returns how
     * many.
     */
    @Transactional
    public int publishOverdue(LocalDate today) {
        List<InspectionRepository.Overdue> overdue = inspections.noticeOverdue(today, firstDueDays);
        for (InspectionRepository.Overdue o : overdue) {
            events.publishEvent(new InspectionOverdue(DomainEvent.newId(), clock.instant(), o.udiseCode(),
                    o.lastInspectedOn(), o.dueOn()));
        }
        return overdue.size();
    }

}
