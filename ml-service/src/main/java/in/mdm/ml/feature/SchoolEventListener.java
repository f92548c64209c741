package in.mdm.ml.feature;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Where each school is, whether it is rural, its enrollment and overdue inspections, from
 * school-service's events; a newer event wins whatever the order they arrive in.
 */
@Component
@EventConsumer("ml.schools")
class SchoolEventListener {

    private final FeatureRepository features;

    SchoolEventListener(FeatureRepository features) {
        this.features = features;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        List<FeatureRepository.Placed> places = new ArrayList<>(events.size());
        events.forEach(e -> places.add(new FeatureRepository.Placed(e.udiseCode(), e.districtCode(), e.blockCode(),
                !"Urban".equalsIgnoreCase(e.ruralUrban()), e.occurredAt())));
        features.place(newest(places));
    }

    @EventHandler
    void updated(List<SchoolUpdated> events) {
        List<FeatureRepository.Placed> places = new ArrayList<>(events.size());
        events.forEach(e -> places.add(new FeatureRepository.Placed(e.udiseCode(), e.districtCode(), e.blockCode(),
                !"Urban".equalsIgnoreCase(e.ruralUrban()), e.occurredAt())));
        features.place(newest(places));
    }

    @EventHandler
    void enrolled(List<EnrollmentUpdated> events) {
        java.util.Map<String, FeatureRepository.Enrolled> newest = new java.util.TreeMap<>();
        for (EnrollmentUpdated e : events) {
            FeatureRepository.Enrolled enrolled = new FeatureRepository.Enrolled(e.udiseCode(), e.districtCode(),
                    e.blockCode(), e.primary() + e.upperPrimary(), e.occurredAt());
            newest.merge(e.udiseCode(), enrolled, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        // several of one school in a poll: apply them oldest first, so the previous
        // enrollment is kept
        List<FeatureRepository.Enrolled> all = new ArrayList<>();
        events.forEach(e -> all.add(new FeatureRepository.Enrolled(e.udiseCode(), e.districtCode(), e.blockCode(),
                e.primary() + e.upperPrimary(), e.occurredAt())));
        all.sort((a, b) -> a.at().compareTo(b.at()));
        if (all.size() == newest.size()) {
            features.enroll(new ArrayList<>(newest.values()));
        }
        else {
            all.forEach(e -> features.enroll(List.of(e)));
        }
    }

    @EventHandler
    void inspectionOverdue(InspectionOverdue event) {
        features.inspectionOverdue(event.udiseCode(), event.dueOn(), event.occurredAt());
    }

    private static List<FeatureRepository.Placed> newest(List<FeatureRepository.Placed> places) {
        java.util.Map<String, FeatureRepository.Placed> newest = new java.util.TreeMap<>();
        places.forEach(p -> newest.merge(p.udiseCode(), p, (a, b) -> b.at().isAfter(a.at()) ? b : a));
        return new ArrayList<>(newest.values());
    }

}
