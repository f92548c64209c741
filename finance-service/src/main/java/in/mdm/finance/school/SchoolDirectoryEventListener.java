package in.mdm.finance.school;

import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Keeps finance-service's copy of the school register current, a poll of events in one
 * statement.
 */
@Component
@EventConsumer(SchoolDirectoryEventListener.CONSUMER)
class SchoolDirectoryEventListener {

    static final String CONSUMER = "finance.school-directory";

    private final SchoolDirectoryRepository directory;

    SchoolDirectoryEventListener(SchoolDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        directory.upsertAll(events.stream()
            .map(e -> new SchoolDirectoryRepository.Listed(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(),
                    e.category(), e.management(), e.pmPoshanEligible(), e.eventId().toString(), e.occurredAt()))
            .toList());
    }

    @EventHandler
    void updated(List<SchoolUpdated> events) {
        directory.upsertAll(events.stream()
            .map(e -> new SchoolDirectoryRepository.Listed(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(),
                    e.category(), e.management(), e.pmPoshanEligible(), e.eventId().toString(), e.occurredAt()))
            .toList());
    }

}
