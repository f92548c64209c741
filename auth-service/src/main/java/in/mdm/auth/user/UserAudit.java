package in.mdm.auth.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;

/**
 * The changes of accounts in the service's audit trail (the platform's, chained by hash),
 * with the account before and after as {@link #snapshot} gives it: never an e-mail,
 * phone, name, password, token or MFA secret, which the trail would keep for years.
 */
@Component
class UserAudit {

    static final String ENTITY = "user";

    private final AuditTrail trail;

    UserAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void created(String action, User after) {
        trail.record(AuditEntry.created(action, ENTITY, after.id().toString(), snapshot(after)));
    }

    void changed(String action, User before, User after) {
        trail.record(AuditEntry.changed(action, ENTITY, after.id().toString(), snapshot(before), snapshot(after)));
    }

    void changed(String action, UUID id, Map<String, Object> before, Map<String, Object> after) {
        trail.record(AuditEntry.changed(action, ENTITY, id.toString(), before, after));
    }

    /** What the trail keeps of an account: who it is to the system, not its person. */
    static Map<String, Object> snapshot(User user) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("id", user.id().toString());
        kept.put("username", user.username());
        kept.put("role", user.role().name());
        kept.put("jurisdictionLevel", user.jurisdiction().level().name());
        kept.put("jurisdictionCode", user.jurisdiction().code());
        kept.put("districtCode", user.districtCode());
        kept.put("blockCode", user.blockCode());
        kept.put("status", user.status().name());
        kept.put("preferredLanguage", user.preferredLanguage());
        kept.put("mfaEnabled", user.mfaEnabled());
        kept.put("activatedAt", user.activatedAt() == null ? null : user.activatedAt().toString());
        return kept;
    }

}
