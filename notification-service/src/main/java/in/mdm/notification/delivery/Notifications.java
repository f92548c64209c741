package in.mdm.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.Jurisdiction;
import in.mdm.notification.NotificationProblems;
import in.mdm.notification.recipient.Digest;
import in.mdm.notification.recipient.Recipient;
import in.mdm.notification.recipient.Recipients;
import in.mdm.notification.template.Channel;
import in.mdm.notification.template.Rendered;
import in.mdm.notification.template.SmsParts;
import in.mdm.notification.template.TemplateCodes;
import in.mdm.notification.template.TemplateService;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Records what is to be sent (in the caller's transaction: a consumer's poll or a
 * request) and answers about it. Nothing leaves the service here: {@link DeliverySender}
 * sends what is due after the transaction has committed, so a crash loses nothing and a
 * redelivered event sends nothing twice (one notification per event and recipient, one
 * delivery per event, recipient and channel).
 */
@Service
public class Notifications {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final DeliveryRepository deliveries;

    private final Recipients recipients;

    private final TemplateService templates;

    private final Clock clock;

    private final AuditTrail audit;

    Notifications(DeliveryRepository deliveries, Recipients recipients, TemplateService templates, Clock clock,
            AuditTrail audit) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.templates = templates;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Records the message for each recipient, in its language, on the channels its
     * template has, the recipient wants and has an address for; returns how many
     * deliveries were recorded (none for a repeated event).
     */
    int record(Message message, List<Recipient> to) {
        Instant now = clock.instant();
        int recorded = 0;
        for (Recipient recipient : to) {
            Optional<UUID> notification = deliveries.insertNotification(recipient.userId(), recipient.username(),
                    message, now);
            if (notification.isEmpty()) {
                continue; // this event already reached this recipient
            }
            for (Channel channel : message.channels()) {
                recorded += recordChannel(notification.get(), message, recipient, channel, now) ? 1 : 0;
            }
        }
        return recorded;
    }

    private boolean recordChannel(UUID notification, Message message, Recipient recipient, Channel channel,
            Instant now) {
        String address = switch (channel) {
            case EMAIL -> recipient.email();
            case SMS -> recipient.phone();
            case IN_APP -> null;
        };
        if (channel != Channel.IN_APP && (address == null || address.isBlank())) {
            return false;
        }
        if (!message.account() && !wants(recipient, channel)) {
            return false;
        }
        Map<String, String> values = new java.util.HashMap<>(message.params());
        values.putIfAbsent("displayName",
                recipient.displayName() == null ? recipient.username() : recipient.displayName());
        values.putIfAbsent("username", recipient.username());
        Optional<Rendered> rendered = templates.render(message.code(), channel, recipient.language(), values);
        if (rendered.isEmpty()) {
            return false;
        }
        Rendered r = rendered.get();
        String status;
        Instant due = now;
        if (channel == Channel.IN_APP) {
            status = "SENT";
        }
        else if (message.urgent()) {
            status = "PENDING";
        }
        else if (recipient.digest() != Digest.NONE) {
            status = "HELD";
        }
        else {
            status = "PENDING";
            due = afterQuietHours(recipient, now);
        }
        Integer parts = channel == Channel.SMS ? SmsParts.of(r.body()).parts() : null;
        String key = message.eventId() + ":" + recipient.userId() + ":" + channel;
        return deliveries.insertDelivery(notification, channel, address, r.language(), r.subject(), r.body(), key,
                status, due, parts, now);
    }

    private static boolean wants(Recipient recipient, Channel channel) {
        return switch (channel) {
            case EMAIL -> recipient.emailEnabled();
            case SMS -> recipient.smsEnabled();
            case IN_APP -> recipient.inAppEnabled();
        };
    }

    /** Now, or the end of the recipient's quiet hours when now lies inside them. */
    static Instant afterQuietHours(Recipient recipient, Instant now) {
        ZonedDateTime local = now.atZone(INDIA);
        if (!recipient.quietAt(local.toLocalTime())) {
            return now;
        }
        LocalTime until = recipient.quietUntil();
        LocalDate day = local.toLocalDate();
        LocalDateTime end = LocalDateTime.of(day, until);
        if (!end.isAfter(local.toLocalDateTime())) {
            end = end.plusDays(1);
        }
        return end.atZone(INDIA).toInstant();
    }

    /** An account e-mail (activation, reset) to one user, whatever its preferences. */
    int recordAccountMail(String code, UUID eventId, Recipient recipient, Map<String, String> params) {
        Message message = new Message(code, Message.INFO, "user:" + recipient.userId(), eventId, params,
                EnumSet.of(Channel.EMAIL), true);
        return record(message, List.of(recipient));
    }

    /** The caller's in-app notifications, newest first. */
    @Transactional(readOnly = true)
    PageResponse<NotificationItem> inbox(Caller caller, boolean unreadOnly, int page, int size) {
        Optional<Recipient> me = recipients.findByUsername(caller.username());
        if (me.isEmpty()) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        return deliveries.inbox(me.get().userId(), unreadOnly, page, size);
    }

    /** A notification of the caller's own (any for an ADMIN); another's is a 404. */
    @Transactional(readOnly = true)
    NotificationDetail detail(Caller caller, UUID id) {
        DeliveryRepository.NotificationRow row = visible(caller, id);
        return new NotificationDetail(row.id(), row.username(), row.code(), row.severity(), row.subjectRef(),
                row.readAt() != null, row.createdAt(), deliveries.deliveries(id), deliveries.attempts(id));
    }

    /** Marks one of the caller's own notifications read. */
    @Transactional
    NotificationDetail markRead(Caller caller, UUID id) {
        Recipient me = recipients.findByUsername(caller.username()).orElseThrow(() -> notFound(id));
        // the caller's own read mark: the trail's record of the call says who and when
        if (deliveries.markRead(id, me.userId(), clock.instant()) == 0) {
            throw notFound(id);
        }
        return detail(caller, id);
    }

    /** The failed deliveries of a notification, tried again from now (ADMIN). */
    @Transactional
    NotificationDetail resend(Caller caller, UUID id) {
        visible(caller, id);
        NotificationDetail before = detail(caller, id);
        if (deliveries.resend(id, clock.instant()) == 0) {
            throw ApiException.conflict(NotificationProblems.NOTHING_TO_RESEND,
                    "No delivery of notification " + id + " has failed");
        }
        NotificationDetail after = detail(caller, id);
        audit.record(AuditEntry.changed("notification.resend", "notification", id.toString(), before, after));
        return after;
    }

    /** A message to every recipient inside a jurisdiction (ADMIN). */
    @Transactional
    BroadcastResponse broadcast(Caller caller, BroadcastRequest request) {
        UUID id = UUID.randomUUID();
        Jurisdiction scope = new Jurisdiction(request.jurisdictionLevel(), request.jurisdictionCode());
        Set<Channel> channels = request.channels() == null || request.channels().isEmpty()
                ? EnumSet.allOf(Channel.class) : EnumSet.copyOf(request.channels());
        String severity = request.severity() == null ? Message.INFO : request.severity();
        Message message = new Message(TemplateCodes.BROADCAST, severity, "broadcast:" + id, id,
                Map.of("title", request.title(), "message", request.message(), "scope", Scopes.label(scope)), channels,
                false);
        List<Recipient> to = recipients.within(scope);
        record(message, to);
        Map<String, Object> broadcast = new java.util.LinkedHashMap<>();
        broadcast.put("jurisdictionLevel", scope.level().name());
        broadcast.put("jurisdictionCode", scope.code());
        broadcast.put("severity", severity);
        broadcast.put("title", request.title());
        broadcast.put("message", request.message());
        broadcast.put("channels", channels.stream().map(Channel::name).sorted().toList());
        broadcast.put("recipients", to.size());
        audit.record(AuditEntry.created("notification.broadcast", "broadcast", id.toString(), broadcast));
        log.info("broadcast {} by {} to {} {}: {} recipients", id, caller.username(), scope.level(), scope.code(),
                to.size());
        return new BroadcastResponse(id, to.size());
    }

    private DeliveryRepository.NotificationRow visible(Caller caller, UUID id) {
        if (caller.isAdmin()) {
            return deliveries.find(id, null).orElseThrow(() -> notFound(id));
        }
        Recipient me = recipients.findByUsername(caller.username()).orElseThrow(() -> notFound(id));
        return deliveries.find(id, me.userId()).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound(NotificationProblems.NOTIFICATION_NOT_FOUND, "No notification with id " + id);
    }

    Optional<Map<String, String>> paramsAbout(String subjectRef, String code) {
        return deliveries.paramsAbout(subjectRef, code);
    }

    /** Whether the recipient has a digest of this kind (used by the digest job). */
    static boolean digests(Recipient recipient, boolean daily) {
        return daily ? recipient.digest() == Digest.DAILY : recipient.digest() != Digest.DAILY;
    }

}
