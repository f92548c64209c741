package in.mdm.school.school;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;
import in.mdm.school.masterdata.MasterData;

@Service
public class SchoolService {

    /** The audit trail's names for a school's master data and its changes. */
    static final String AUDIT_ENTITY = "school";

    static final String AUDIT_REGISTER = "school.register";

    static final String AUDIT_UPDATE = "school.update";

    private final SchoolRepository schools;

    private final EnrollmentRepository enrollments;

    private final MasterData masterData;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final SchoolCache cache;

    private final AuditTrail audit;

    private final HeadmasterFields headmasters;

    SchoolService(SchoolRepository schools, EnrollmentRepository enrollments, MasterData masterData,
            ApplicationEventPublisher events, Clock clock, SchoolCache cache, AuditTrail audit,
            HeadmasterFields headmasters) {
        this.schools = schools;
        this.enrollments = enrollments;
        this.masterData = masterData;
        this.events = events;
        this.clock = clock;
        this.cache = cache;
        this.audit = audit;
        this.headmasters = headmasters;
    }

    /**
     * Registers a school and publishes SchoolRegistered (with its coordinates and
     * kitchen) in the same transaction (outbox); the new master data goes to the audit
     * trail with it, the headmaster encrypted as the row stores it.
     */
    @Transactional
    School register(RegisterSchoolRequest request) {
        SchoolDetails details = request.details();
        check(details);
        School school = schools.insert(request.udiseCode(), details,
                Eligibility.of(details.category(), details.management()),
                headmasters.seal(details.headmasterName(), details.headmasterPhone(), null));
        events.publishEvent(new SchoolRegistered(DomainEvent.newId(), clock.instant(), school.udiseCode(),
                school.name(), school.districtCode(), school.blockCode(), school.category().name(),
                school.management().name(), name(school.ruralUrban()), school.pmPoshanEligible(),
                degrees(school.latitude()), degrees(school.longitude()), school.kitchenId()));
        audit
            .record(AuditEntry.created(AUDIT_REGISTER, AUDIT_ENTITY, school.udiseCode(), headmasters.forAudit(school)));
        return school;
    }

    /**
     * Replaces a school's master data; SchoolUpdated, and the master data before and
     * after in the audit trail (the headmaster encrypted), only when something changed.
     * The row is locked first, so that the headmaster compared with (in Java: the stored
     * values are encrypted) is the one the update replaces.
     */
    @Transactional
    School update(String udiseCode, UpdateSchoolRequest request, Caller caller) {
        School before = visible(schools.lock(udiseCode), udiseCode, caller);
        SchoolDetails details = request.details();
        check(details);
        boolean headmasterChanged = !Objects.equals(before.headmasterName(), details.headmasterName())
                || !Objects.equals(before.headmasterPhone(), details.headmasterPhone());
        cache.evictAfterCommit(List.of(udiseCode));
        return schools
            .update(udiseCode, details, Eligibility.of(details.category(), details.management()),
                    headmasters.seal(details.headmasterName(), details.headmasterPhone(), before), headmasterChanged)
            .map(school -> {
                events.publishEvent(updated(school));
                audit.record(AuditEntry.changed(AUDIT_UPDATE, AUDIT_ENTITY, udiseCode, headmasters.forAudit(before),
                        headmasters.forAudit(school)));
                return school;
            })
            .orElseGet(() -> schools.find(udiseCode).orElseThrow());
    }

    private SchoolUpdated updated(School school) {
        return new SchoolUpdated(DomainEvent.newId(), clock.instant(), school.udiseCode(), school.name(),
                school.districtCode(), school.blockCode(), school.category().name(), school.management().name(),
                name(school.ruralUrban()), school.pmPoshanEligible(), degrees(school.latitude()),
                degrees(school.longitude()), school.kitchenId());
    }

    /** Decimal degrees as the events carry them; {@code null} when unknown. */
    private static Double degrees(java.math.BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private void check(SchoolDetails details) {
        masterData.requireBlock(details.districtCode(), details.blockCode());
        if (details.kitchenId() != null && !schools.kitchenExists(details.kitchenId())) {
            throw ApiException.badRequest(SchoolProblems.UNKNOWN_KITCHEN,
                    "kitchenId: no kitchen " + details.kitchenId());
        }
        if ((details.latitude() == null) != (details.longitude() == null)) {
            throw ApiException.badRequest(SchoolProblems.BAD_COORDINATES,
                    "latitude and longitude: give both or neither");
        }
    }

    /**
     * One school the caller may see, from the cache: for the read endpoint, on a request
     * thread that holds no database connection.
     */
    School get(String udiseCode, Caller caller) {
        return visible(cache.find(udiseCode, schools::find), udiseCode, caller);
    }

    /**
     * The school's row itself, for a transaction: never the cache, whose loader for the
     * same school may be waiting for a pooled connection that this transaction's siblings
     * hold while they wait for it.
     */
    private School current(String udiseCode, Caller caller) {
        return visible(schools.find(udiseCode), udiseCode, caller);
    }

    private static School visible(java.util.Optional<School> school, String udiseCode, Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        return school.filter(s -> scope.covers(s.districtCode(), s.blockCode(), s.udiseCode()))
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND,
                    "No school with UDISE code " + udiseCode));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<School> page(SchoolFilter filter, Caller caller, String orderBy, int page, int size) {
        return schools.page(filter, JurisdictionScope.of(caller).where(SchoolRepository.PLACE), orderBy, page, size);
    }

    /**
     * Sets a school's enrollment for an academic year; EnrollmentUpdated only when it
     * changed.
     */
    @Transactional
    EnrollmentResponse setEnrollment(String udiseCode, String academicYear, EnrollmentRequest request, Caller caller) {
        School school = current(udiseCode, caller);
        if (!AcademicYear.isValid(academicYear)) {
            throw ApiException.badRequest(SchoolProblems.ENROLLMENT_BAD_YEAR, "academicYear: must be like 2026-27");
        }
        return enrollments.upsert(udiseCode, academicYear, request.primary(), request.upperPrimary()).map(e -> {
            events.publishEvent(new EnrollmentUpdated(DomainEvent.newId(), clock.instant(), udiseCode,
                    school.districtCode(), school.blockCode(), academicYear, e.primary(), e.upperPrimary()));
            return e;
        }).orElseGet(() -> enrollments.find(udiseCode, academicYear).orElseThrow());
    }

    @Transactional(readOnly = true)
    List<EnrollmentResponse> enrollments(String udiseCode, Caller caller) {
        current(udiseCode, caller);
        return enrollments.all(udiseCode);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
