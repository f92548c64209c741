package in.mdm.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.notification.privacy.PersonalFields;
import in.mdm.notification.template.Channel;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class DeliveryRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final PersonalFields fields;

    DeliveryRepository(JdbcClient jdbc, PersonalFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    /**
     * A new notification, unless this event already made one for this recipient: then
     * empty.
     */
    Optional<UUID> insertNotification(UUID userId, String username, Message message, Instant now) {
        String params = JSON.writeValueAsString(message.params());
        return jdbc
            .sql("""
                    insert into notifications (id, user_id, username, code, severity, subject_ref, event_id, params, created_at)
                    values (:id, :userId, :username, :code, :severity, :subjectRef, :eventId, cast(:params as jsonb), :now)
                    on conflict (event_id, user_id) do nothing
                    returning id""")
            .param("id", UUID.randomUUID())
            .param("userId", userId)
            .param("username", username)
            .param("code", message.code())
            .param("severity", message.severity())
            .param("subjectRef", message.subjectRef())
            .param("eventId", message.eventId())
            .param("params", params)
            .param("now", Timestamp.from(now))
            .query(UUID.class)
            .optional();
    }

    /**
     * A delivery; nothing when its key (event, recipient, channel) is already recorded.
     */
    boolean insertDelivery(UUID notificationId, Channel channel, String address, String language, String subject,
            String body, String key, String status, Instant dueAt, Integer smsParts, Instant now) {
        return jdbc.sql("""
                insert into deliveries (id, notification_id, channel, address_enc, language, subject, body,
                                        idempotency_key, status, due_at, sms_parts, sent_at, created_at)
                values (:id, :notificationId, :channel, :address, :language, :subject, :body, :key, :status, :dueAt,
                        :smsParts, case when :status = 'SENT' then cast(:now as timestamptz) end, :now)
                on conflict (idempotency_key) do nothing""")
            .param("id", UUID.randomUUID())
            .param("notificationId", notificationId)
            .param("channel", channel.name())
            .param("address", fields.seal(PersonalFields.ADDRESS, address))
            .param("language", language)
            .param("subject", subject)
            .param("body", body)
            .param("key", key)
            .param("status", status)
            .param("dueAt", Timestamp.from(dueAt))
            .param("smsParts", smsParts)
            .param("now", Timestamp.from(now))
            .update() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries (pending and due, or claimed by a sender
     * whose lease ran out) for one sender: each attempt counted, leased until
     * {@code leaseUntil}. Concurrent senders skip each other's rows.
     */
    List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                with due as (
                    select id from deliveries
                     where (status = 'PENDING' and due_at <= :now) or (status = 'SENDING' and lease_until < :now)
                     order by due_at
                     limit :limit
                     for update skip locked)
                update deliveries d
                   set status = 'SENDING', lease_until = :leaseUntil, attempts = d.attempts + 1
                  from due, notifications n
                 where d.id = due.id and n.id = d.notification_id
                returning d.id, d.notification_id, n.code, n.username, d.channel, d.address, d.address_enc,
                          d.language, d.subject, d.body, d.attempts""")
            .param("now", Timestamp.from(now))
            .param("leaseUntil", Timestamp.from(leaseUntil))
            .param("limit", limit)
            .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                    rs.getString("code"), rs.getString("username"), Channel.valueOf(rs.getString("channel")),
                    fields.open(PersonalFields.ADDRESS, rs.getString("address_enc"), rs.getString("address")),
                    rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
            .list();
    }

    /**
     * Records how an attempt ended: SENT, RETRY (pending again at {@code dueAt}) or
     * FAILED; only while this attempt still holds the row.
     */
    boolean recordOutcome(UUID id, int attempt, String outcome, String detail, Instant dueAt, Instant now) {
        int updated = jdbc.sql("""
                update deliveries
                   set status = case :outcome when 'RETRY' then 'PENDING' else :outcome end,
                       due_at = coalesce(:dueAt, due_at), lease_until = null,
                       last_error = case when :outcome = 'SENT' then last_error else :detail end,
                       sent_at = case when :outcome = 'SENT' then cast(:now as timestamptz) else sent_at end
                 where id = :id and status = 'SENDING' and attempts = :attempt""")
            .param("id", id)
            .param("attempt", attempt)
            .param("outcome", outcome)
            .param("detail", detail)
            .param("dueAt", dueAt == null ? null : Timestamp.from(dueAt))
            .param("now", Timestamp.from(now))
            .update();
        if (updated == 1) {
            jdbc.sql("""
                    insert into delivery_attempts (delivery_id, attempt, attempted_at, outcome, detail)
                    values (:id, :attempt, :now, :outcome, :detail)
                    on conflict do nothing""")
                .param("id", id)
                .param("attempt", attempt)
                .param("now", Timestamp.from(now))
                .param("outcome", outcome)
                .param("detail", detail)
                .update();
        }
        return updated == 1;
    }

    /**
     * The failed deliveries of a notification, pending again from now with fresh
     * attempts.
     */
    int resend(UUID notificationId, Instant now) {
        return jdbc.sql("""
                update deliveries set status = 'PENDING', due_at = :now, attempts = 0, lease_until = null
                 where notification_id = :id and status = 'FAILED'""")
            .param("id", notificationId)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** In-app notifications of a user, newest first. */
    PageResponse<NotificationItem> inbox(UUID userId, boolean unreadOnly, int page, int size) {
        return PagedQuery
            .selectUnscoped(jdbc, "n.id, n.code, n.severity, n.subject_ref, n.read_at, n.created_at, d.subject, d.body",
                    "notifications n join deliveries d on d.notification_id = n.id and d.channel = 'IN_APP'")
            .where("n.user_id = :userId and (not :unread or n.read_at is null)")
            .param("userId", userId)
            .param("unread", unreadOnly)
            .orderBy("n.created_at desc, n.id")
            .fetch(page, size, DeliveryRepository::item);
    }

    long unread(UUID userId) {
        return jdbc
            .sql("""
                    select count(*) from notifications n join deliveries d on d.notification_id = n.id and d.channel = 'IN_APP'
                     where n.user_id = :userId and n.read_at is null""")
            .param("userId", userId)
            .query(Long.class)
            .single();
    }

    /** A notification of this user, or of anyone's when {@code userId} is null. */
    Optional<NotificationRow> find(UUID id, UUID userId) {
        return jdbc.sql("""
                select * from notifications where id = :id and (cast(:userId as uuid) is null or user_id = :userId)""")
            .param("id", id)
            .param("userId", userId)
            .query((rs, n) -> new NotificationRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                    rs.getString("username"), rs.getString("code"), rs.getString("severity"),
                    rs.getString("subject_ref"), instant(rs, "read_at"), instant(rs, "created_at")))
            .optional();
    }

    List<DeliveryView> deliveries(UUID notificationId) {
        return jdbc.sql("""
                select d.*, (select count(*) from delivery_attempts a where a.delivery_id = d.id) as logged
                  from deliveries d where notification_id = :id
                 order by case channel when 'EMAIL' then 0 when 'SMS' then 1 else 2 end""")
            .param("id", notificationId)
            .query((rs, n) -> new DeliveryView(Channel.valueOf(rs.getString("channel")), rs.getString("status"),
                    rs.getString("language"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "due_at"),
                    instant(rs, "sent_at"), (Integer) rs.getObject("sms_parts")))
            .list();
    }

    List<AttemptView> attempts(UUID notificationId) {
        return jdbc.sql("""
                select d.channel, a.attempt, a.attempted_at, a.outcome, a.detail
                  from delivery_attempts a join deliveries d on d.id = a.delivery_id
                 where d.notification_id = :id order by a.attempted_at, d.channel, a.attempt""")
            .param("id", notificationId)
            .query((rs, n) -> new AttemptView(Channel.valueOf(rs.getString("channel")), rs.getInt("attempt"),
                    instant(rs, "attempted_at"), rs.getString("outcome"), rs.getString("detail")))
            .list();
    }

    /**
     * The placeholder values of the latest notification about this subject (an alert).
     */
    Optional<Map<String, String>> paramsAbout(String subjectRef, String code) {
        return jdbc.sql("""
                select params::text from notifications where subject_ref = :ref and code = :code
                 order by created_at desc limit 1""")
            .param("ref", subjectRef)
            .param("code", code)
            .query(String.class)
            .optional()
            .map(text -> JSON.readValue(text, PARAMS));
    }

    int markRead(UUID id, UUID userId, Instant now) {
        return jdbc
            .sql("update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :userId")
            .param("id", id)
            .param("userId", userId)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** E-mail and SMS held for a recipient's digest: one line per notification. */
    List<HeldItem> held(UUID userId) {
        return jdbc.sql("""
                select n.id, n.severity, n.created_at,
                       coalesce(max(d.subject), min(d.body)) as line
                  from notifications n join deliveries d on d.notification_id = n.id
                 where n.user_id = :userId and d.status = 'HELD'
                 group by n.id, n.severity, n.created_at
                 order by n.created_at, n.id""")
            .param("userId", userId)
            .query((rs, n) -> new HeldItem(rs.getObject("id", UUID.class), rs.getString("severity"),
                    instant(rs, "created_at"), rs.getString("line")))
            .list();
    }

    int markDigested(List<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update deliveries set status = 'DIGESTED' where status = 'HELD' and notification_id in (:ids)")
            .param("ids", notificationIds)
            .update();
    }

    /** Recipients (user ids) with something held. */
    List<UUID> holding() {
        return jdbc.sql("""
                select distinct n.user_id from notifications n join deliveries d on d.notification_id = n.id
                 where d.status = 'HELD'""").query(UUID.class).list();
    }

    private static NotificationItem item(ResultSet rs, int row) throws SQLException {
        return new NotificationItem(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("severity"),
                rs.getString("subject_ref"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("read_at") != null, instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    record NotificationRow(UUID id, UUID userId, String username, String code, String severity, String subjectRef,
            Instant readAt, Instant createdAt) {
    }

    record HeldItem(UUID notificationId, String severity, Instant createdAt, String line) {
    }

}
