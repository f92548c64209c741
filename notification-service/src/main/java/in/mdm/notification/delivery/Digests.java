package in.mdm.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.notification.recipient.Recipient;
import in.mdm.notification.recipient.Recipients;
import in.mdm.notification.template.Channel;
import in.mdm.notification.template.TemplateCodes;

/**
 * The summaries of INFO and WARNING messages held for recipients who chose a digest: one
 * e-mail per recipient and period listing what was held (the held e-mails and SMS are
 * then DIGESTED). An hourly run sends the hourly digests (and those of recipients who
 * have since gone back to none); the run at {@code mdm.notification.daily-digest-hour}
 * sends the daily ones too. One digest per recipient and period: a second run in the same
 * period records nothing new.
 */
@Service
public class Digests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm");

    private final DeliveryRepository deliveries;

    private final Recipients recipients;

    private final Notifications notifications;

    private final DeliveryProperties properties;

    private final Clock clock;

    Digests(DeliveryRepository deliveries, Recipients recipients, Notifications notifications,
            DeliveryProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** The run of the hour: hourly digests, and the daily ones at the daily hour. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        boolean dailyHour = now.atZone(Notifications.INDIA).getHour() == properties.dailyDigestHour();
        int sent = send(false, now);
        if (dailyHour) {
            sent += send(true, now);
        }
        return sent;
    }

    /** Digests of one kind (hourly and none, or daily) for the period that holds now. */
    @Transactional
    public int send(boolean daily, Instant now) {
        ZonedDateTime period = now.atZone(Notifications.INDIA).truncatedTo(daily ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        int sent = 0;
        for (UUID userId : deliveries.holding()) {
            Recipient recipient = recipients.find(userId).orElse(null);
            if (recipient == null || !Notifications.digests(recipient, daily)) {
                continue;
            }
            List<DeliveryRepository.HeldItem> held = deliveries.held(userId);
            if (held.isEmpty()) {
                continue;
            }
            StringBuilder items = new StringBuilder();
            for (DeliveryRepository.HeldItem item : held) {
                items.append("- [")
                    .append(item.severity())
                    .append("] ")
                    .append(item.createdAt().atZone(Notifications.INDIA).format(TIME))
                    .append(": ")
                    .append(item.line())
                    .append('\n');
            }
            UUID eventId = UUID
                .nameUUIDFromBytes(("digest:" + userId + ":" + period.toInstant()).getBytes(StandardCharsets.UTF_8));
            Message digest = new Message(TemplateCodes.DIGEST, Message.INFO, "digest:" + period.toInstant(), eventId,
                    Map.of("count", Integer.toString(held.size()), "items", items.toString().strip()),
                    EnumSet.of(Channel.EMAIL), true);
            sent += notifications.record(digest, List.of(recipient));
            deliveries.markDigested(held.stream().map(DeliveryRepository.HeldItem::notificationId).toList());
        }
        return sent;
    }

}
