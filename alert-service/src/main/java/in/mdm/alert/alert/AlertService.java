package in.mdm.alert.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.alert.AlertProblems;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;

@Service
public class AlertService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final AlertRepository alerts;

    private final RuleRepository rules;

    private final AlertChanges changes;

    private final AlertEngine engine;

    private final Clock clock;

    private final AuditTrail audit;

    AlertService(AlertRepository alerts, RuleRepository rules, AlertChanges changes, AlertEngine engine, Clock clock,
            AuditTrail audit) {
        this.alerts = alerts;
        this.rules = rules;
        this.changes = changes;
        this.engine = engine;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Alert get(UUID id, Caller caller) {
        // another jurisdiction's alert is not found, exactly like one that does not exist
        return alerts.find(id, visible(caller)).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound(AlertProblems.ALERT_NOT_FOUND, "No alert with id " + id);
    }

    /**
     * The alerts a caller may see: the state all; a district those of the district, its
     * blocks and its schools; a block those of the block and its schools; a headmaster
     * those of the school.
     */
    private static JurisdictionScope.Condition visible(Caller caller) {
        return JurisdictionScope.of(caller).where(AlertRepository.PLACE);
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Alert> page(AlertFilter filter, Caller caller, int page, int size) {
        return alerts.page(filter, visible(caller), page, size);
    }

    @Transactional(readOnly = true)
    PageResponse<Alert> unread(Caller caller, int page, int size) {
        return alerts.unread(caller.username(), visible(caller), page, size);
    }

    @Transactional
    void markRead(UUID id, Caller caller) {
        get(id, caller);
        // the caller's own read mark: the trail's record of the call says who and when
        alerts.markRead(id, caller.username(), clock.instant());
    }

    /**
     * OPEN → ACKNOWLEDGED; acknowledging again changes nothing; a resolved alert is a
     * 409.
     */
    @Transactional
    Alert acknowledge(UUID id, Caller caller) {
        changes.begin();
        Alert alert = alerts.lock(id, visible(caller)).orElseThrow(() -> notFound(id));
        if (alert.status() == AlertStatus.RESOLVED) {
            throw ApiException.conflict(AlertProblems.ALERT_RESOLVED,
                    "Alert " + id + " was resolved at " + alert.resolvedAt() + "; it cannot be acknowledged");
        }
        if (alert.status() == AlertStatus.OPEN) {
            Instant now = clock.instant();
            alerts.acknowledge(id, caller.username(), now);
            changes.record(id, "ACKNOWLEDGED", now);
            Alert acknowledged = alerts.find(id, visible(caller)).orElseThrow();
            audit.record(AuditEntry.changed("alert.acknowledge", "alert", id.toString(), AlertResponse.of(alert),
                    AlertResponse.of(acknowledged)));
            return acknowledged;
        }
        return alerts.find(id, visible(caller)).orElseThrow();
    }

    /**
     * Soft delete (ADMIN): the alert leaves every list and stream, resolved if it was
     * not, and the deletion is audited.
     */
    @Transactional
    void delete(UUID id, Caller caller) {
        changes.begin();
        Alert alert = alerts.lock(id, visible(caller)).orElseThrow(() -> notFound(id));
        if (alert.status() != AlertStatus.RESOLVED) {
            engine.resolve(alert, caller.username(), "Deleted by " + caller.username());
        }
        Instant now = clock.instant();
        alerts.softDelete(id, caller.username(), now);
        alerts.audit("alert.deleted", id.toString(), caller.username(), now,
                alert.ruleCode() + " " + alert.scope().level() + " " + alert.scope().code() + ": " + alert.title());
        audit.record(new AuditEntry("alert.delete", "alert", id.toString(), AlertResponse.of(alert), null));
    }

    record Statistics(LocalDate from, LocalDate to, long total, Map<String, Long> bySeverity, Map<String, Long> byType,
            Map<String, Long> byDistrict, List<Day> perDay) {
    }

    record Day(LocalDate date, long alerts) {
    }

    /** Counts of the alerts raised on the days {@code from} to {@code to} (inclusive). */
    @Transactional(readOnly = true)
    Statistics statistics(LocalDate from, LocalDate to, Caller caller) {
        JurisdictionScope.Condition within = visible(caller);
        Instant start = from.atStartOfDay(INDIA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(INDIA).toInstant();
        Map<String, Long> bySeverity = alerts.countBy("severity", start, end, within);
        Map<LocalDate, Long> days = alerts.perDay(start, end, within);
        List<Day> perDay = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.add(new Day(d, days.getOrDefault(d, 0L)));
        }
        long total = bySeverity.values().stream().mapToLong(Long::longValue).sum();
        return new Statistics(from, to, total, bySeverity, alerts.countBy("alert_type", start, end, within),
                alerts.countBy("district_code", start, end, within), perDay);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(INDIA));
    }

    @Transactional(readOnly = true)
    List<Rule> rules() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    Rule rule(String code) {
        return rules.find(code).orElseThrow(() -> ruleNotFound(code));
    }

    private static ApiException ruleNotFound(String code) {
        return ApiException.notFound(AlertProblems.RULE_NOT_FOUND, "No alert rule " + code);
    }

    /** An ADMIN's edit of a rule's severity, band, status and switch; audited. */
    @Transactional
    Rule updateRule(String code, Severity severity, BigDecimal minValue, BigDecimal maxValue, String status,
            boolean enabled, Caller caller) {
        Rule before = rules.find(code).orElseThrow(() -> ruleNotFound(code));
        if (minValue != null && maxValue != null && minValue.compareTo(maxValue) >= 0) {
            ApiException invalid = ApiException.badRequest(PlatformProblems.INVALID,
                    "Invalid request: minValue must be below maxValue");
            invalid.getBody()
                .setProperty("errors", List.of(Map.of("field", "minValue", "message", "must be below maxValue")));
            throw invalid;
        }
        Instant now = clock.instant();
        Rule after = new Rule(code, before.eventType(), before.alertType(), severity, before.field(), minValue,
                maxValue, status, enabled, before.description(), now, caller.username());
        rules.update(after);
        audit.record(AuditEntry.changed("rule.update", "alert-rule", code, before, after));
        alerts.audit("rule.updated", code, caller.username(), now,
                "%s [%s, %s) %s %s -> %s [%s, %s) %s %s".formatted(before.severity(), before.minValue(),
                        before.maxValue(), before.status(), before.enabled() ? "on" : "off", severity, minValue,
                        maxValue, status, enabled ? "on" : "off"));
        return after;
    }

}
