package in.mdm.report.facts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.DeliveryReceived;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.InspectionRecorded;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.events.school.StockCounted;
import in.mdm.events.school.StockLow;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * School-service's events into the daily facts per school: a batch per poll, one
 * set-based statement per event type.
 */
@Component
@EventConsumer("report.school-facts")
class SchoolFactsEventListener {

    private final FactsRepository facts;

    SchoolFactsEventListener(FactsRepository facts) {
        this.facts = facts;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        facts.schools(events.stream()
            .map(e -> new FactsRepository.School(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void updated(List<SchoolUpdated> events) {
        facts.schools(events.stream()
            .map(e -> new FactsRepository.School(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void enrolled(List<EnrollmentUpdated> events) {
        facts.enrollments(events.stream()
            .map(e -> new FactsRepository.Enrollment(e.udiseCode(), e.academicYear(), e.primary(), e.upperPrimary(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void reported(List<DailyMealReported> events) {
        facts.schoolDays(events.stream()
            .map(e -> new FactsRepository.SchoolDay(e.udiseCode(), e.date(),
                    e.attendancePrimary() + e.attendanceUpperPrimary(), e.mealsServed(), e.noMealReason(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void counted(List<StockCounted> events) {
        List<FactsRepository.StockDay> days = new ArrayList<>(events.size());
        for (StockCounted e : events) {
            if (e.udiseCode() != null) { // a kitchen's store is not a school's
                days.add(new FactsRepository.StockDay(e.udiseCode(), e.commodity(), FactsRepository.day(e.occurredAt()),
                        e.quantityKg(), e.daysOfStock(), e.status(), e.occurredAt()));
            }
        }
        facts.stockDays(days);
    }

    @EventHandler
    void low(List<StockLow> events) {
        facts.stockDays(events.stream()
            .map(e -> new FactsRepository.StockDay(e.udiseCode(), e.commodity(), FactsRepository.day(e.occurredAt()),
                    e.quantityKg(), e.daysOfStock(), e.status(), e.occurredAt()))
            .toList());
    }

    @EventHandler
    void delayed(List<DeliveryDelayed> events) {
        // the facts are per school: a kitchen's late delivery (kitchenId, no UDISE code)
        // is not one of them
        facts.delayed(events.stream()
            .filter(e -> e.udiseCode() != null)
            .map(e -> new FactsRepository.Delayed(e.deliveryId(), e.udiseCode(), e.supplierCode(), e.commodity(),
                    e.expectedOn(), e.daysLate(), e.occurredAt()))
            .toList());
    }

    @EventHandler
    void received(List<DeliveryReceived> events) {
        facts.received(events.stream()
            .map(e -> new FactsRepository.Received(e.deliveryId(), e.udiseCode(), e.kitchenId(), e.districtCode(),
                    e.blockCode(), e.commodity(), e.promisedOn(), e.receivedOn(), e.onTime(), e.quantityKg(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void inspected(List<InspectionRecorded> events) {
        facts.inspected(events.stream()
            .map(e -> new FactsRepository.Inspected(e.inspectionId(), e.udiseCode(), e.inspectedOn(), e.score(),
                    e.nextDueOn(), e.occurredAt()))
            .toList());
    }

    @EventHandler
    void overdue(List<InspectionOverdue> events) {
        facts.overdue(events.stream()
            .map(e -> new FactsRepository.Overdue(e.udiseCode(), e.dueOn(), e.lastInspectedOn(), e.occurredAt()))
            .toList());
    }

}
