package in.mdm.alert.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.events.alert.AlertEscalated;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.alert.AlertResolved;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.ml.CascadeRiskDetected;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.ml.WeatherWarning;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockLow;
import in.mdm.platform.directory.SchoolLocations;

/**
 * The rules applied to events: each event is matched against the rules of its type (as
 * data, {@code alert_rules}), and each subject it concerns gets its one open alert of the
 * rule's type raised or repeated; causes that clear resolve alerts; areas where more than
 * a share of the schools are alerted get a roll-up; unacknowledged CRITICAL alerts
 * escalate. Every change publishes its lifecycle event through the outbox in the same
 * transaction.
 */
@Service
public class AlertEngine {

    /** Who resolves and escalates when no person does. */
    static final String SYSTEM = "alert-service";

    /**
     * The alert types a RiskScored below every band clears. No event says that a school's
     * stock was received or a delivery arrived (StockLow and KitchenStockLow are sent
     * only on the way down), so the next score below the bands stands for it.
     */
    static final List<String> CLEARED_BY_LOW_RISK = List.of("risk", "stock", "supply-chain", "cascade-risk");

    private static final String STOCK = "stock";

    private static final String RISK = "risk";

    private final RuleRepository rules;

    private final AlertRepository alerts;

    private final AlertChanges changes;

    private final SchoolLocations locations;

    private final AlertSettings settings;

    private final Clock clock;

    private final String stateCode;

    AlertEngine(RuleRepository rules, AlertRepository alerts, AlertChanges changes, SchoolLocations locations,
            AlertSettings settings, Clock clock, @Value("${mdm.security.state-code:33}") String stateCode) {
        this.rules = rules;
        this.alerts = alerts;
        this.changes = changes;
        this.locations = locations;
        this.settings = settings;
        this.clock = clock;
        this.stateCode = stateCode;
    }

    @Transactional
    public void risks(List<RiskScored> events) {
        List<Rule> of = rules.of("RiskScored");
        Work work = new Work();
        changes.begin();
        // what the batch's schools have open, read once for the batch
        Set<String> low = new TreeSet<>();
        Set<String> banded = new TreeSet<>();
        for (RiskScored e : events) {
            (first(of, BigDecimal.valueOf(e.score()), e.level()) == null ? low : banded).add(e.udiseCode());
        }
        Map<String, List<Alert>> clearable = alerts.lockOpenOfSchools(low, CLEARED_BY_LOW_RISK);
        Set<String> outOfStock = alerts.withOpen(banded, STOCK, Severity.CRITICAL);
        for (RiskScored e : events) {
            Rule rule = first(of, BigDecimal.valueOf(e.score()), e.level());
            if (rule == null) {
                for (Alert open : clearable.getOrDefault(e.udiseCode(), List.of())) {
                    work.resolve(open, "Risk score %s on %s is below every band".formatted(score(e), e.forDate()));
                }
                continue;
            }
            if (outOfStock.contains(e.udiseCode())) {
                // a school at zero stock is out, never also at risk
                continue;
            }
            String factors = e.topFactors() == null || e.topFactors().isEmpty() ? ""
                    : "; factors: " + String.join(", ", e.topFactors());
            work.raise(school(rule, "school:" + e.udiseCode(), e.udiseCode(),
                    "Risk %s at school %s".formatted(rule.severity().name().toLowerCase(), e.udiseCode()),
                    "Risk score %s for %s (model %s)%s".formatted(score(e), e.forDate(), e.modelVersion(), factors),
                    e));
        }
        work.finish();
    }

    @Transactional
    public void stock(List<StockLow> events) {
        List<Rule> of = rules.of("StockLow");
        Work work = new Work();
        changes.begin();
        for (StockLow e : events) {
            Rule rule = first(of, e.daysOfStock(), e.status());
            if (rule == null) {
                continue;
            }
            work.raise(school(rule, "school:" + e.udiseCode() + ":" + e.commodity(), e.udiseCode(),
                    stockTitle(rule, e.commodity(), "school " + e.udiseCode()),
                    "%s kg of %s left%s".formatted(plain(e.quantityKg()), e.commodity(), days(e.daysOfStock())), e));
            if (rule.severity() == Severity.CRITICAL) {
                work.outOfStock(e.udiseCode());
            }
        }
        work.finish();
    }

    @Transactional
    public void kitchenStock(List<KitchenStockLow> events) {
        List<Rule> of = rules.of("KitchenStockLow");
        Work work = new Work();
        changes.begin();
        for (KitchenStockLow e : events) {
            Rule rule = first(of, e.daysOfStock(), e.status());
            if (rule == null) {
                continue;
            }
            String message = "Kitchen %s has %s kg of %s left%s; it cooks for %d schools".formatted(e.kitchenName(),
                    plain(e.quantityKg()), e.commodity(), days(e.daysOfStock()), e.schools().size());
            if (e.blockCode() != null || e.districtCode() != null) {
                work.raise(new Candidate(rule, "kitchen:" + e.kitchenId() + ":" + e.commodity(),
                        e.blockCode() != null ? Jurisdiction.block(e.blockCode())
                                : Jurisdiction.district(e.districtCode()),
                        null, e.districtCode(), e.blockCode(),
                        stockTitle(rule, e.commodity(), "kitchen " + e.kitchenName()), message, e.eventId(), type(e),
                        clock.instant(), null));
            }
            if (rule.severity() != Severity.CRITICAL) {
                // a kitchen running low is its block's to act on (order, transfer); its
                // schools are alerted once it is out and their children go without
                continue;
            }
            for (String udise : e.schools()) {
                Optional<SchoolLocations.Location> at = locations.find(udise);
                work.raise(new Candidate(rule, "school:" + udise + ":" + e.commodity(), Jurisdiction.school(udise),
                        udise, at.map(SchoolLocations.Location::districtCode).orElse(e.districtCode()),
                        at.map(SchoolLocations.Location::blockCode).orElse(e.blockCode()),
                        stockTitle(rule, e.commodity(), "school " + udise), message, e.eventId(), type(e),
                        clock.instant(), null));
                if (rule.severity() == Severity.CRITICAL) {
                    work.outOfStock(udise);
                }
            }
        }
        work.finish();
    }

    @Transactional
    public void cascades(List<CascadeRiskDetected> events) {
        List<Rule> of = rules.of("CascadeRiskDetected");
        Work work = new Work();
        changes.begin();
        for (CascadeRiskDetected e : events) {
            Rule rule = first(of, BigDecimal.valueOf(e.childrenAtRisk()), e.level());
            if (rule == null) {
                continue;
            }
            for (String udise : e.affectedUdiseCodes()) {
                work.raise(school(rule, "school:" + udise, udise, "Cascade risk at school " + udise,
                        "A shortage at %s %s threatens %d schools (%d children)".formatted(e.sourceKind(),
                                e.sourceCode(), e.affectedUdiseCodes().size(), e.childrenAtRisk()),
                        e));
            }
        }
        work.finish();
    }

    @Transactional
    public void deliveries(List<DeliveryDelayed> events) {
        List<Rule> of = rules.of("DeliveryDelayed");
        Work work = new Work();
        changes.begin();
        for (DeliveryDelayed e : events) {
            if (e.udiseCode() == null) {
                // a kitchen's delivery (kitchenId): this service does not know the
                // kitchen's place or schools; the kitchen's stock running low
                // (KitchenStockLow) alerts its schools and block
                continue;
            }
            Rule rule = first(of, BigDecimal.valueOf(e.daysLate()), null);
            if (rule != null) {
                work.raise(school(rule, "school:" + e.udiseCode(), e.udiseCode(),
                        "Supply-chain disruption at school " + e.udiseCode(),
                        "The %s delivery from supplier %s expected on %s is %d days late".formatted(e.commodity(),
                                e.supplierCode(), e.expectedOn(), e.daysLate()),
                        e));
            }
        }
        work.finish();
    }

    @Transactional
    public void budgets(List<BudgetThresholdCrossed> events) {
        List<Rule> of = rules.of("BudgetThresholdCrossed");
        Work work = new Work();
        changes.begin();
        for (BudgetThresholdCrossed e : events) {
            Rule rule = first(of, BigDecimal.valueOf(e.thresholdPercent()), null);
            if (rule == null) {
                continue;
            }
            Jurisdiction scope = e.scope();
            String udise = scope.level() == Level.SCHOOL ? scope.code() : null;
            String block = scope.level() == Level.BLOCK ? scope.code() : null;
            String district = scope.level() == Level.DISTRICT ? scope.code() : null;
            if (udise != null) {
                Optional<SchoolLocations.Location> at = locations.find(udise);
                district = at.map(SchoolLocations.Location::districtCode).orElse(null);
                block = at.map(SchoolLocations.Location::blockCode).orElse(null);
            }
            else if (block != null) {
                district = alerts.districtOfBlock(block).orElse(null);
            }
            work.raise(new Candidate(rule, scope.level().name().toLowerCase() + ":" + scope.code(), scope, udise,
                    district, block,
                    "Budget %d%% used in %s %s".formatted(e.thresholdPercent(), scope.level().name().toLowerCase(),
                            scope.code()),
                    "%s%% of the released ₹%s used (₹%s)".formatted(plain(e.utilizedPercent()), plain(e.released()),
                            plain(e.utilized())),
                    e.eventId(), type(e), clock.instant(), null));
        }
        work.finish();
    }

    @Transactional
    public void inspections(List<InspectionOverdue> events) {
        List<Rule> of = rules.of("InspectionOverdue");
        Work work = new Work();
        changes.begin();
        for (InspectionOverdue e : events) {
            Rule rule = first(of, null, null);
            if (rule != null) {
                work.raise(school(rule, "school:" + e.udiseCode(), e.udiseCode(),
                        "Inspection overdue at school " + e.udiseCode(), "Due on %s; last inspected %s".formatted(
                                e.dueOn(), e.lastInspectedOn() == null ? "never" : "on " + e.lastInspectedOn()),
                        e));
            }
        }
        work.finish();
    }

    @Transactional
    public void weather(List<WeatherWarning> events) {
        List<Rule> of = rules.of("WeatherWarning");
        Work work = new Work();
        changes.begin();
        for (WeatherWarning e : events) {
            Rule rule = first(of, null, e.severity());
            if (rule == null) {
                continue;
            }
            String message = "%s warning (%s) from %s to %s: %s".formatted(e.kind(), e.severity(), e.validFrom(),
                    e.validTo(), e.description());
            for (String[] school : alerts.schoolsOfDistrict(e.districtCode())) {
                work.raise(new Candidate(rule, "school:" + school[0], Jurisdiction.school(school[0]), school[0],
                        e.districtCode(), school[1], "Weather warning for school " + school[0], message, e.eventId(),
                        type(e), clock.instant(), e.validTo()));
            }
        }
        work.finish();
    }

    /**
     * Moves every unacknowledged CRITICAL alert that has waited
     * {@code mdm.alerts.escalate-after} at its level one level up (school → block →
     * district → state); returns how many.
     */
    @Transactional
    public int escalateDue() {
        changes.begin();
        Instant now = clock.instant();
        List<DomainEvent> published = new ArrayList<>();
        int n = 0;
        for (Alert a : alerts.dueForEscalation(now.minus(settings.escalateAfter()), 500)) {
            Jurisdiction to = up(a);
            alerts.escalate(a.id(), to, now);
            changes.record(a.id(), "ESCALATED", now);
            published.add(new AlertEscalated(DomainEvent.newId(), now, a.id(), a.severity().name(), a.scope(), to));
            n++;
        }
        changes.publish(published);
        return n;
    }

    /**
     * Resolves the open alerts whose cause has ended (a weather warning past its
     * validTo), and the roll-ups that fall with them; returns how many.
     */
    @Transactional
    public int expireDue() {
        Work work = new Work();
        changes.begin();
        List<Alert> ended = alerts.expired(clock.instant(), 2_000);
        for (Alert a : ended) {
            work.resolve(a, "Its cause ended at " + a.expiresAt());
        }
        work.finish();
        return ended.size();
    }

    /**
     * Forgets the stream changes older than {@code mdm.alerts.changes-kept}: a client
     * resuming from before then gets only what is kept (the alerts themselves stay).
     */
    @Transactional
    public int pruneChanges() {
        return alerts.deleteChangesBefore(clock.instant().minus(settings.changesKept()));
    }

    private Jurisdiction up(Alert a) {
        return switch (a.scope().level()) {
            case SCHOOL -> a.blockCode() != null ? Jurisdiction.block(a.blockCode()) : a.districtCode() != null
                    ? Jurisdiction.district(a.districtCode()) : Jurisdiction.state(stateCode);
            case BLOCK ->
                a.districtCode() != null ? Jurisdiction.district(a.districtCode()) : Jurisdiction.state(stateCode);
            case DISTRICT, STATE -> Jurisdiction.state(stateCode);
        };
    }

    /** Resolves an alert on a person's word (deleting it, for instance). */
    void resolve(Alert alert, String by, String resolution) {
        Instant now = clock.instant();
        alerts.resolve(alert.id(), by, resolution, now);
        changes.record(alert.id(), "RESOLVED", now);
        changes.publish(List.of(new AlertResolved(DomainEvent.newId(), now, alert.id(), by, resolution)));
    }

    private static Rule first(List<Rule> rules, BigDecimal value, String status) {
        for (Rule rule : rules) {
            if (rule.matches(value, status)) {
                return rule;
            }
        }
        return null;
    }

    private Candidate school(Rule rule, String subject, String udise, String title, String message, DomainEvent event) {
        Optional<SchoolLocations.Location> at = locations.find(udise);
        return new Candidate(rule, subject, Jurisdiction.school(udise), udise,
                at.map(SchoolLocations.Location::districtCode).orElse(null),
                at.map(SchoolLocations.Location::blockCode).orElse(null), title, message, event.eventId(), type(event),
                clock.instant(), null);
    }

    private static String type(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    private static String stockTitle(Rule rule, String commodity, String where) {
        return (rule.severity() == Severity.CRITICAL ? "Out of " : "Low ") + commodity.toLowerCase() + " at " + where;
    }

    private static String score(RiskScored e) {
        return BigDecimal.valueOf(e.score()).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }

    private static String days(BigDecimal days) {
        return days == null ? "" : " (" + plain(days) + " days)";
    }

    /** The changes of one transaction, and the areas whose roll-ups they may change. */
    private final class Work {

        private final List<DomainEvent> published = new ArrayList<>();

        private final Set<AreaKey> areas = new LinkedHashSet<>();

        void raise(Candidate c) {
            Rule rule = c.rule();
            Optional<Alert> open = alerts.lockOpen(c.subject(), rule.alertType());
            if (open.isPresent()) {
                Alert a = open.get();
                alerts.repeat(a.id(), rule.code(), rule.severity(), c.title(), c.message(), c.at(), c.expiresAt());
                changes.record(a.id(), "UPDATED", c.at());
                if (rule.severity().compareTo(a.severity()) > 0) {
                    // graver than when its people were told (a risk WARNING become
                    // CRITICAL): raised again at the new severity, so they are told again
                    published
                        .add(new AlertRaised(DomainEvent.newId(), c.at(), a.id(), rule.code(), rule.severity().name(),
                                c.title(), c.message(), c.scope(), c.udiseCode(), c.sourceEventId().toString()));
                }
            }
            else {
                UUID id = UUID.randomUUID();
                alerts.insert(new Alert(id, rule.code(), rule.alertType(), c.subject(), rule.severity(),
                        AlertStatus.OPEN, c.title(), c.message(), c.scope(), c.udiseCode(), c.districtCode(),
                        c.blockCode(), c.sourceEventId().toString(), c.sourceEventType(), c.at(), c.at(), 1, null, null,
                        null, 0, null, null, null, c.expiresAt()));
                changes.record(id, "RAISED", c.at());
                published.add(new AlertRaised(DomainEvent.newId(), c.at(), id, rule.code(), rule.severity().name(),
                        c.title(), c.message(), c.scope(), c.udiseCode(), c.sourceEventId().toString()));
            }
            touched(rule.alertType(), c.udiseCode(), c.districtCode(), c.blockCode());
        }

        void resolve(Alert a, String resolution) {
            Instant now = clock.instant();
            alerts.resolve(a.id(), SYSTEM, resolution, now);
            changes.record(a.id(), "RESOLVED", now);
            published.add(new AlertResolved(DomainEvent.newId(), now, a.id(), SYSTEM, resolution));
            touched(a.alertType(), a.udiseCode(), a.districtCode(), a.blockCode());
        }

        /**
         * A school that is out of stock is no longer "at risk": its risk alert gives way.
         */
        void outOfStock(String udise) {
            for (Alert risk : alerts.lockOpenOfSchool(udise, List.of(RISK))) {
                resolve(risk, "The school is out of stock: see its stock alert");
            }
        }

        private void touched(String type, String udise, String district, String block) {
            if (udise == null) {
                return;
            }
            if (block != null) {
                areas.add(new AreaKey(Level.BLOCK, block, district, type));
            }
            if (district != null) {
                areas.add(new AreaKey(Level.DISTRICT, district, district, type));
            }
        }

        void finish() {
            for (AreaKey area : areas) {
                rollUp(area);
            }
            changes.publish(published);
        }

        private void rollUp(AreaKey area) {
            int total = alerts.schoolsIn(area.level(), area.code());
            AlertRepository.Area open = alerts.openIn(area.level(), area.code(), area.type());
            String level = area.level().name().toLowerCase();
            String subject = level + ":" + area.code();
            Optional<Alert> rollup = alerts.lockOpen(subject, area.type());
            boolean over = total >= settings.rollupMinSchools() && open.schools() > settings.rollupShare() * total;
            String text = "%d of %d schools of %s %s have an open %s alert".formatted(open.schools(), total, level,
                    area.code(), area.type());
            Instant now = clock.instant();
            if (over && rollup.isEmpty()) {
                UUID id = UUID.randomUUID();
                String rule = "rollup." + level;
                String title = "%s alerts across %s %s".formatted(area.type(), level, area.code());
                Jurisdiction scope = new Jurisdiction(area.level(), area.code());
                alerts.insert(new Alert(id, rule, area.type(), subject, open.worst(), AlertStatus.OPEN, title, text,
                        scope, null, area.district(), area.level() == Level.BLOCK ? area.code() : null, null, null, now,
                        now, 1, null, null, null, 0, null, null, null, null));
                changes.record(id, "RAISED", now);
                published.add(new AlertRaised(DomainEvent.newId(), now, id, rule, open.worst().name(), title, text,
                        scope, null, null));
            }
            else if (!over && rollup.isPresent()) {
                resolve(rollup.get(), "Now " + text);
            }
        }

    }

    private record AreaKey(Level level, String code, String district, String type) {
    }

}
