package in.mdm.events.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school reported attendance and meals served for a school day. */
@EventContract(type = "in.mdm.school.DailyMealReported.v1", topic = SchoolTopics.MEALS)
public record DailyMealReported(UUID eventId, Instant occurredAt, String udiseCode, LocalDate date,
        int attendancePrimary, int attendanceUpperPrimary, int mealsServed, String noMealReason,
        String channel) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
