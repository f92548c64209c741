package in.mdm.finance.enrollment;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.finance.allocation.AllocationService;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.EventInbox;

/** Keeps finance-service's copy of each school's enrollment current, and its allocation with it; each event is applied once. */
@Component
class EnrollmentEventListener {

    static final String CONSUMER = "finance.enrollments";

    private final EventInbox inbox;
    private final EnrollmentRepository enrollments;
    private final AllocationService allocations;

    EnrollmentEventListener(EventInbox inbox, EnrollmentRepository enrollments, AllocationService allocations) {
        this.inbox = inbox;
        this.enrollments = enrollments;
        this.allocations = allocations;
    }

    @KafkaListener(topics = SchoolTopics.ENROLLMENTS, groupId = "finance-service.enrollments")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (event instanceof EnrollmentUpdated updated) {
                if (enrollments.upsert(updated)) {
                    // an existing allocation follows the new enrollment, never below what has been released
                    allocations.recalculateSchool(updated.udiseCode(), updated.academicYear());
                }
            }
        });
    }
}
