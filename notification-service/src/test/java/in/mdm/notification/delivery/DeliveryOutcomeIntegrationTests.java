package in.mdm.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.notification.NotificationIntegrationTest;

/**
 * A message that went out while the database was away is recorded once the database is
 * back, not sent a second time when its lease runs out: the sender keeps trying to record
 * the outcome. The delivery is due two hours from now, so that only this test's sender
 * (its clock two hours ahead) takes it, not the scheduled one.
 */
class DeliveryOutcomeIntegrationTests extends NotificationIntegrationTest {

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    List<ChannelSender> senders;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmailSentWhileTheDatabaseIsAwayIsRecordedWhenItReturnsAndNotSentAgain() throws Exception {
        String address = "outage." + UUID.randomUUID().toString().substring(0, 8) + "@schools.mdm-twin.test";
        UUID delivery = pendingEmail(address, Instant.now().plus(Duration.ofHours(2)));
        AtomicInteger refusals = new AtomicInteger(3);
        TransactionTemplate flaky = new TransactionTemplate(transactionManager) {
            @Override
            public void executeWithoutResult(Consumer<TransactionStatus> action) {
                // recording an outcome; claiming goes through execute
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new CannotCreateTransactionException("the database is away (injected)");
                }
                super.executeWithoutResult(action);
            }
        };
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(3)), ZoneOffset.UTC);
        DeliverySender sender = new DeliverySender(deliveries, senders, properties, flaky, events, later);

        assertThat(sender.sendDue()).as("deliveries tried").isGreaterThanOrEqualTo(1);

        assertThat(refusals.get()).as("every injected refusal happened").isZero();
        assertThat(mailsTo(address)).as("e-mails to " + address).isEqualTo(1);
        assertThat(jdbc.sql("select status from deliveries where id = :id")
            .param("id", delivery)
            .query(String.class)
            .single()).isEqualTo("SENT");
        // a later round finds nothing to send again
        sender.sendDue();
        assertThat(mailsTo(address)).as("e-mails to " + address + " after another round").isEqualTo(1);
    }

    private UUID pendingEmail(String address, Instant due) {
        UUID notification = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into notifications (id, user_id, username, code, severity, subject_ref, event_id, params, created_at)
                        values (:id, :user, 'outage.test', 'alert.raised', 'CRITICAL', 'alert:outage', :event, '{}'::jsonb, now())""")
            .param("id", notification)
            .param("user", UUID.randomUUID())
            .param("event", UUID.randomUUID())
            .update();
        jdbc.sql("""
                insert into deliveries (id, notification_id, channel, address, language, subject, body, idempotency_key,
                                        status, due_at, attempts, created_at)
                values (:id, :notification, 'EMAIL', :address, 'en', '[CRITICAL] Outage test', 'A test message.', :key,
                        'PENDING', :due, 0, now())""")
            .param("id", delivery)
            .param("notification", notification)
            .param("address", address)
            .param("key", "outage:" + delivery)
            .param("due", java.sql.Timestamp.from(due))
            .update();
        return delivery;
    }

    private static long mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equalsIgnoreCase(address));
            }
            catch (MessagingException ex) {
                return false;
            }
        }).count();
    }

}
