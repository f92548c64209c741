package in.mdm.school.school;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class SchoolService {

    private final SchoolRepository schools;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SchoolService(SchoolRepository schools, ApplicationEventPublisher events) {
        this.schools = schools;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** Registers a school and publishes SchoolRegistered in the same transaction (outbox). */
    @Transactional
    School register(RegisterSchoolRequest request) {
        School school = schools.insert(request, request.management().pmPoshanEligible());
        events.publishEvent(new SchoolRegistered(DomainEvent.newId(), clock.instant(), school.udiseCode(),
                school.name(), school.districtCode(), school.blockCode(), school.category().name(),
                school.management().name(), school.ruralUrban().name(), school.pmPoshanEligible()));
        return school;
    }

    @Transactional(readOnly = true)
    School get(String udiseCode) {
        return schools.find(udiseCode)
                .orElseThrow(() -> ApiException.notFound("school.not-found", "No school with UDISE code " + udiseCode));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<School> page(String districtCode, String blockCode, int page, int size) {
        return schools.page(districtCode, blockCode, page, size);
    }
}
