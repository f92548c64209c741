package in.mdm.events.school;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school's enrollment for an academic year (June to April) was set or changed. */
@EventContract(type = "in.mdm.school.EnrollmentUpdated.v1", topic = SchoolTopics.ENROLLMENTS)
public record EnrollmentUpdated(UUID eventId, Instant occurredAt, String udiseCode, String districtCode,
        String blockCode, String academicYear, int primary, int upperPrimary) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
