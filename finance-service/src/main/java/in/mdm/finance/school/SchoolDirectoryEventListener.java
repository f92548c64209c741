package in.mdm.finance.school;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventInbox;

/** Keeps finance-service's copy of the school register current; each event is applied once. */
@Component
class SchoolDirectoryEventListener {

    static final String CONSUMER = "finance.school-directory";

    private final EventInbox inbox;
    private final SchoolDirectoryRepository directory;

    SchoolDirectoryEventListener(EventInbox inbox, SchoolDirectoryRepository directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(topics = SchoolTopics.SCHOOLS, groupId = "finance-service.school-directory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            switch (event) {
                case SchoolRegistered registered -> directory.upsert(registered);
                case SchoolUpdated updated -> directory.upsert(updated);
                default -> {
                    // other events of the topic are not needed here
                }
            }
        });
    }
}
