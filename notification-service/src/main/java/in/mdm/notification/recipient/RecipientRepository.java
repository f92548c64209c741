package in.mdm.notification.recipient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;
import in.mdm.notification.privacy.PersonalFields;
import in.mdm.platform.security.JurisdictionScope;

@Repository
class RecipientRepository {

    /** Recipients lie at their jurisdiction's level and code. */
    static final JurisdictionScope.Columns PLACED = JurisdictionScope.Columns.scoped("jurisdiction_level",
            "jurisdiction_code", null);

    /** Statuses whose users still get messages (a lock ends by itself). */
    private static final String REACHABLE = "status in ('ACTIVE', 'LOCKED')";

    private final JdbcClient jdbc;

    private final PersonalFields fields;

    RecipientRepository(JdbcClient jdbc, PersonalFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    /**
     * The profile as the event gives it, unless a newer event has been applied; the
     * preferences stay.
     */
    boolean upsert(Profile p, Instant occurredAt) {
        return jdbc.sql("""
                insert into recipients (user_id, username, email_enc, phone_enc, display_name_enc, role,
                                        jurisdiction_level, jurisdiction_code, language, status, occurred_at)
                values (:id, :username, :email, :phone, :displayName, :role, :level, :code, :language, :status,
                        :occurredAt)
                on conflict (user_id) do update
                   set username = excluded.username, email_enc = excluded.email_enc, phone_enc = excluded.phone_enc,
                       display_name_enc = excluded.display_name_enc, email = null, phone = null,
                       display_name = null, role = excluded.role,
                       jurisdiction_level = excluded.jurisdiction_level, jurisdiction_code = excluded.jurisdiction_code,
                       language = excluded.language, status = excluded.status, occurred_at = excluded.occurred_at,
                       updated_at = now()
                 where recipients.occurred_at < excluded.occurred_at""")
            .param("id", p.userId())
            .param("username", p.username())
            .param("email", fields.seal(PersonalFields.EMAIL, p.email()))
            .param("phone", fields.seal(PersonalFields.PHONE, p.phone()))
            .param("displayName", fields.seal(PersonalFields.NAME, p.displayName()))
            .param("role", p.role())
            .param("level", p.jurisdiction().level().name())
            .param("code", p.jurisdiction().code())
            .param("language", "ta".equals(p.language()) ? "ta" : "en")
            .param("status", p.status())
            .param("occurredAt", Timestamp.from(occurredAt))
            .update() == 1;
    }

    boolean setStatus(UUID userId, String status, Instant occurredAt) {
        return jdbc.sql("""
                update recipients set status = :status, occurred_at = :occurredAt, updated_at = now()
                 where user_id = :id and occurred_at < :occurredAt""")
            .param("id", userId)
            .param("status", status)
            .param("occurredAt", Timestamp.from(occurredAt))
            .update() == 1;
    }

    Optional<Recipient> find(UUID userId) {
        return jdbc.sql("select * from recipients where user_id = :id").param("id", userId).query(this::map).optional();
    }

    Optional<Recipient> findByUsername(String username) {
        return jdbc.sql("select * from recipients where username = :username")
            .param("username", username)
            .query(this::map)
            .optional();
    }

    /** The reachable recipients whose jurisdiction is exactly one of these. */
    List<Recipient> at(List<Jurisdiction> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(jurisdictions.size());
        jurisdictions.forEach(j -> keys.add(j.level().name() + ":" + j.code()));
        return jdbc
            .sql("select * from recipients where " + REACHABLE
                    + " and (jurisdiction_level || ':' || jurisdiction_code) in (:keys) order by username")
            .param("keys", keys)
            .query(this::map)
            .list();
    }

    /**
     * The reachable recipients inside a jurisdiction: the state all, a district its own,
     * its blocks' and its schools' (placed through school_locations).
     */
    List<Recipient> within(Jurisdiction jurisdiction) {
        JurisdictionScope.Condition inside = JurisdictionScope.of(jurisdiction).where(PLACED);
        return jdbc.sql("select * from recipients where " + REACHABLE + " and " + inside.sql() + " order by username")
            .params(inside.params())
            .query(this::map)
            .list();
    }

    /** The district a block lies in, as the known schools place it. */
    Optional<String> districtOfBlock(String blockCode) {
        return jdbc.sql("select district_code from school_locations where block_code = :block limit 1")
            .param("block", blockCode)
            .query(String.class)
            .optional();
    }

    List<Recipient> withDigest(Digest digest) {
        return jdbc.sql("select * from recipients where digest = :digest")
            .param("digest", digest.name())
            .query(this::map)
            .list();
    }

    int savePreferences(UUID userId, Preferences p) {
        return jdbc.sql("""
                update recipients set email_enabled = :email, sms_enabled = :sms, in_app_enabled = :inApp,
                       quiet_from = :quietFrom, quiet_until = :quietUntil, digest = :digest, updated_at = now()
                 where user_id = :id""")
            .param("id", userId)
            .param("email", p.email())
            .param("sms", p.sms())
            .param("inApp", p.inApp())
            .param("quietFrom", p.quietFrom() == null ? null : Time.valueOf(p.quietFrom()))
            .param("quietUntil", p.quietUntil() == null ? null : Time.valueOf(p.quietUntil()))
            .param("digest", p.digest().name())
            .update();
    }

    private Recipient map(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getObject("user_id", UUID.class), rs.getString("username"),
                fields.open(PersonalFields.EMAIL, rs.getString("email_enc"), rs.getString("email")),
                fields.open(PersonalFields.PHONE, rs.getString("phone_enc"), rs.getString("phone")),
                fields.open(PersonalFields.NAME, rs.getString("display_name_enc"), rs.getString("display_name")),
                rs.getString("role"),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("jurisdiction_level")),
                        rs.getString("jurisdiction_code")),
                rs.getString("language"), rs.getString("status"), rs.getBoolean("email_enabled"),
                rs.getBoolean("sms_enabled"), rs.getBoolean("in_app_enabled"), time(rs, "quiet_from"),
                time(rs, "quiet_until"), Digest.valueOf(rs.getString("digest")));
    }

    private static LocalTime time(ResultSet rs, String column) throws SQLException {
        Time time = rs.getTime(column);
        return time == null ? null : time.toLocalTime();
    }

}
