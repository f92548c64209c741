package in.mdm.notification.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import in.mdm.events.alert.AlertEscalated;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.report.ReportReady;
import in.mdm.notification.recipient.Recipient;
import in.mdm.notification.recipient.Recipients;
import in.mdm.notification.template.Channel;
import in.mdm.notification.template.TemplateCodes;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * The events people are told about: alerts (to whom the scope concerns: a school's
 * headmaster, block officer and district officer), escalations (to the level it went to),
 * fund releases (to the jurisdiction it was released for) and reports (to whoever asked
 * and the recipients a schedule names). Recorded in the poll's transaction;
 * {@link DeliverySender} sends after it.
 */
@Component
@EventConsumer("notification.events")
class DomainEventListener {

    private static final Logger log = LoggerFactory.getLogger(DomainEventListener.class);

    private final Recipients recipients;

    private final Notifications notifications;

    private final DeliveryProperties properties;

    DomainEventListener(Recipients recipients, Notifications notifications, DeliveryProperties properties) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.properties = properties;
    }

    @EventHandler
    void alertRaised(AlertRaised e) {
        String severity = Message.severity(e.severity());
        Map<String, String> params = new HashMap<>();
        params.put("title", nullToEmpty(e.title()));
        params.put("message", nullToEmpty(e.message()));
        params.put("severity", e.severity() == null ? severity : e.severity().toUpperCase(Locale.ROOT));
        params.put("scope", e.udiseCode() != null ? "school " + e.udiseCode() : Scopes.label(e.scope()));
        params.put("raisedAt", UserEventListener.WHEN.format(e.occurredAt()));
        params.put("alertLink", properties.links().alert().replace("{id}", e.alertId().toString()));
        params.put("ruleCode", nullToEmpty(e.ruleCode()));
        params.put("udiseCode", nullToEmpty(e.udiseCode()));
        List<Recipient> to = recipients.concerned(e.scope(), e.udiseCode());
        int recorded = notifications.record(new Message(TemplateCodes.ALERT_RAISED, severity, "alert:" + e.alertId(),
                e.eventId(), params, EnumSet.allOf(Channel.class), false), to);
        log.debug("alert {} ({}) for {}: {} deliveries to {} recipients", e.alertId(), severity, e.scope(), recorded,
                to.size());
    }

    @EventHandler
    void alertEscalated(AlertEscalated e) {
        String severity = Message.severity(e.severity());
        Map<String, String> params = new HashMap<>(
                notifications.paramsAbout("alert:" + e.alertId(), TemplateCodes.ALERT_RAISED)
                    .orElse(Map.of("title", "Alert " + e.alertId(), "message", "")));
        params.keySet().retainAll(TemplateCodes.placeholders(TemplateCodes.ALERT_ESCALATED));
        params.put("severity", e.severity() == null ? severity : e.severity().toUpperCase(Locale.ROOT));
        params.put("scope", Scopes.label(e.to()));
        params.put("alertLink", properties.links().alert().replace("{id}", e.alertId().toString()));
        notifications.record(new Message(TemplateCodes.ALERT_ESCALATED, severity, "alert:" + e.alertId(), e.eventId(),
                params, EnumSet.allOf(Channel.class), false), recipients.at(e.to()));
    }

    @EventHandler
    void fundReleased(FundReleased e) {
        Map<String, String> params = Map.of("amount", e.amount() == null ? "" : rupees(e.amount()), "releaseId",
                e.releaseId().toString(), "releasedOn", UserEventListener.WHEN.format(e.occurredAt()), "scope",
                Scopes.label(e.scope()));
        notifications.record(new Message(TemplateCodes.FUND_RELEASED, Message.INFO, "release:" + e.releaseId(),
                e.eventId(), params, EnumSet.allOf(Channel.class), false), recipients.at(e.scope()));
    }

    @EventHandler
    void reportReady(ReportReady e) {
        // whoever asked, and the people a schedule names; each once, however often named
        Set<String> usernames = new LinkedHashSet<>();
        if (e.requestedBy() != null) {
            usernames.add(e.requestedBy());
        }
        e.recipients().stream().filter(name -> name != null && !name.isBlank()).forEach(usernames::add);
        List<Recipient> told = new ArrayList<>(usernames.size());
        for (String username : usernames) {
            recipients.findByUsername(username)
                .ifPresentOrElse(told::add, () -> log.warn("report {} names {}, who is not a known recipient: not told",
                        e.reportId(), username));
        }
        if (told.isEmpty()) {
            return;
        }
        Map<String, String> params = Map.of("reportType", nullToEmpty(e.reportType()), "format",
                nullToEmpty(e.format()), "downloadLink",
                properties.links().report().replace("{path}", nullToEmpty(e.downloadPath())));
        notifications.record(new Message(TemplateCodes.REPORT_READY, Message.INFO, "report:" + e.reportId(),
                e.eventId(), params, EnumSet.allOf(Channel.class), false), told);
    }

    /**
     * An amount as India writes it: paise to two places, the last three digits of the
     * rupees grouped, then pairs (12,50,000.50).
     */
    static String rupees(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        int head = whole.length() - 3;
        if (head > 0) {
            String lead = whole.substring(0, head);
            for (int i = 0; i < lead.length(); i++) {
                if (i > 0 && (lead.length() - i) % 2 == 0) {
                    grouped.append(',');
                }
                grouped.append(lead.charAt(i));
            }
            grouped.append(',').append(whole.substring(head));
        }
        else {
            grouped.append(whole);
        }
        return (negative ? "-" : "") + grouped + digits.substring(dot);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
