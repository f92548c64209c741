package in.mdm.platform.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventInbox;

/** Applies SchoolRegistered and SchoolUpdated to {@link SchoolLocations}, each event once, newer event wins. */
class SchoolLocationsEventListener {

    static final String CONSUMER = "platform.school-locations";

    private final EventInbox inbox;
    private final SchoolLocations locations;

    SchoolLocationsEventListener(EventInbox inbox, SchoolLocations locations) {
        this.inbox = inbox;
        this.locations = locations;
    }

    @KafkaListener(topics = SchoolTopics.SCHOOLS, groupId = "${spring.application.name}.school-locations")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            switch (event) {
                case SchoolRegistered r -> locations.record(r.udiseCode(), r.districtCode(), r.blockCode(), r.occurredAt(), r.eventId());
                case SchoolUpdated u -> locations.record(u.udiseCode(), u.districtCode(), u.blockCode(), u.occurredAt(), u.eventId());
                default -> {
                    // other school events carry no location
                }
            }
        });
    }
}
