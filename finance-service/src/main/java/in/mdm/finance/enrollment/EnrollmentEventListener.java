package in.mdm.finance.enrollment;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.EventInbox;

/** Keeps finance-service's copy of each school's enrollment current; each event is applied once. */
@Component
class EnrollmentEventListener {

    static final String CONSUMER = "finance.enrollments";

    private final EventInbox inbox;
    private final EnrollmentRepository enrollments;

    EnrollmentEventListener(EventInbox inbox, EnrollmentRepository enrollments) {
        this.inbox = inbox;
        this.enrollments = enrollments;
    }

    @KafkaListener(topics = SchoolTopics.ENROLLMENTS, groupId = "finance-service.enrollments")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (event instanceof EnrollmentUpdated updated) {
                enrollments.upsert(updated);
            }
        });
    }
}
