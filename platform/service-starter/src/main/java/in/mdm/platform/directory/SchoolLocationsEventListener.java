package in.mdm.platform.directory;

import java.util.List;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Applies SchoolRegistered and SchoolUpdated to {@link SchoolLocations}, a poll at a
 * time; the newer event wins.
 */
@EventConsumer(SchoolLocationsEventListener.CONSUMER)
class SchoolLocationsEventListener {

    static final String CONSUMER = "platform.school-locations";

    private final SchoolLocations locations;

    SchoolLocationsEventListener(SchoolLocations locations) {
        this.locations = locations;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        locations.recordAll(events.stream()
            .map(r -> new SchoolLocations.Placed(r.udiseCode(), r.districtCode(), r.blockCode(), r.occurredAt(),
                    r.eventId()))
            .toList());
    }

    @EventHandler
    void updated(List<SchoolUpdated> events) {
        locations.recordAll(events.stream()
            .map(u -> new SchoolLocations.Placed(u.udiseCode(), u.districtCode(), u.blockCode(), u.occurredAt(),
                    u.eventId()))
            .toList());
    }

}
