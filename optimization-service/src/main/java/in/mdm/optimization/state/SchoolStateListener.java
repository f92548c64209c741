package in.mdm.optimization.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.events.school.StockCounted;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Schools (place, kitchen) and every site's stock from school-service's events, into the
 * planning copy; in each poll only the newest event of a site is written, and the tables
 * keep a newer state against an older event.
 */
@Component
@EventConsumer("optimization.planning-schools")
class SchoolStateListener {

    private final PlanningStateRepository state;

    SchoolStateListener(PlanningStateRepository state) {
        this.state = state;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        List<PlanningStateRepository.SchoolRow> rows = new ArrayList<>(events.size());
        events.forEach(e -> rows.add(new PlanningStateRepository.SchoolRow(e.udiseCode(), e.districtCode(),
                e.blockCode(), e.latitude(), e.longitude(), e.kitchenId(), e.occurredAt())));
        state.schools(newest(rows));
    }

    @EventHandler
    void updated(List<SchoolUpdated> events) {
        List<PlanningStateRepository.SchoolRow> rows = new ArrayList<>(events.size());
        events.forEach(e -> rows.add(new PlanningStateRepository.SchoolRow(e.udiseCode(), e.districtCode(),
                e.blockCode(), e.latitude(), e.longitude(), e.kitchenId(), e.occurredAt())));
        state.schools(newest(rows));
    }

    @EventHandler
    void counted(List<StockCounted> events) {
        Map<String, PlanningStateRepository.StockRow> newest = new LinkedHashMap<>();
        for (StockCounted e : events) {
            if (e.udiseCode() == null && e.kitchenId() == null) {
                continue;
            }
            String site = e.udiseCode() != null ? e.udiseCode() : PlanningState.kitchenSite(e.kitchenId());
            PlanningStateRepository.StockRow row = new PlanningStateRepository.StockRow(site, e.udiseCode(),
                    e.udiseCode() != null ? null : e.kitchenId(), e.districtCode(), e.blockCode(), e.commodity(),
                    e.quantityKg(), e.daysOfStock(), e.status(), e.supplierCode(), e.occurredAt());
            newest.merge(site + "/" + e.commodity(), row, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        state.stock(new ArrayList<>(newest.values()));
    }

    private static List<PlanningStateRepository.SchoolRow> newest(List<PlanningStateRepository.SchoolRow> rows) {
        Map<String, PlanningStateRepository.SchoolRow> newest = new LinkedHashMap<>();
        rows.forEach(r -> newest.merge(r.udiseCode(), r, (a, b) -> b.at().isBefore(a.at()) ? a : b));
        return new ArrayList<>(newest.values());
    }

}
