package in.mdm.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

/**
 * Every operation notification-service documents: 401 without a token, 400 problems for
 * parameters and bodies that are not what it documents, never a 5xx; a notification of
 * Chennai's district officer is a 404 (or, for the ADMIN's resend, a 403) to everyone
 * else: Coimbatore's officer, the officer of another block of Chennai and another
 * school's headmaster, each a known recipient with an inbox of its own. The templates are
 * the state's, bound to no area; no operation takes an area filter.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // the recipients are the subjects of the kit's tokens (auth-service's users)
        UUID owner = recipient("deo.568", "OFFICER", "DISTRICT", "568");
        recipient("deo.569", "OFFICER", "DISTRICT", "569");
        recipient("beo.6302", "OFFICER", "BLOCK", "6302");
        recipient("hm.33020200201", "SCHOOL", "SCHOOL", "33020200201");
        // an alert's in-app notification to Chennai's district officer
        UUID notification = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into notifications (id, user_id, username, code, severity, subject_ref, event_id, params,
                                           created_at)
                values (:id, :user, 'deo.568', 'alert.raised', 'CRITICAL', :subject, :event,
                        cast('{"title":"Rice out of stock"}' as jsonb), :now)""")
            .param("id", notification)
            .param("user", owner)
            .param("subject", "alert:" + UUID.randomUUID())
            .param("event", UUID.randomUUID())
            .param("now", Timestamp.from(now))
            .update();
        jdbc.sql("""
                insert into deliveries (id, notification_id, channel, language, subject, body, idempotency_key,
                                        status, due_at, sent_at, created_at)
                values (:id, :notification, 'IN_APP', 'en', 'Rice out of stock', 'The school has no rice', :key,
                        'SENT', :now, :now, :now)""")
            .param("id", UUID.randomUUID())
            .param("notification", notification)
            .param("key", notification + ":IN_APP")
            .param("now", Timestamp.from(now))
            .update();
        return sweep.owner(TestTokens.officer("568"))
            .outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6302 in the same district", TestTokens.blockOfficer("6302"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            .value("id", notification.toString())
            .unbound(operation -> operation.contains("/api/v1/notifications/templates/"),
                    "the state's template catalog, the same for every area (edited by the ADMIN)");
    }

    private UUID recipient(String username, String role, String level, String code) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into recipients (user_id, username, role, jurisdiction_level, jurisdiction_code, language,
                                        status, occurred_at)
                values (:id, :username, :role, :level, :code, 'en', 'ACTIVE', now())
                on conflict (username) do nothing""")
            .param("id", id)
            .param("username", username)
            .param("role", role)
            .param("level", level)
            .param("code", code)
            .update();
        return jdbc.sql("select user_id from recipients where username = :username")
            .param("username", username)
            .query(UUID.class)
            .single();
    }

}
