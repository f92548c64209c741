package in.mdm.notification.recipient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.Jurisdiction;
import in.mdm.notification.NotificationProblems;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;

/**
 * This service's copy of the users (kept by auth-service's events) and who is to hear
 * about what.
 */
@Service
public class Recipients {

    private final RecipientRepository recipients;

    private final SchoolLocations schools;

    private final String stateCode;

    private final AuditTrail audit;

    Recipients(RecipientRepository recipients, SchoolLocations schools,
            @Value("${mdm.security.state-code:33}") String stateCode, AuditTrail audit) {
        this.recipients = recipients;
        this.schools = schools;
        this.stateCode = stateCode;
        this.audit = audit;
    }

    /** Records a profile unless a newer event has; returns whether it changed. */
    public boolean record(Profile profile, Instant occurredAt) {
        return recipients.upsert(profile, occurredAt);
    }

    public boolean recordStatus(UUID userId, String status, Instant occurredAt) {
        return recipients.setStatus(userId, status, occurredAt);
    }

    public Optional<Recipient> find(UUID userId) {
        return recipients.find(userId);
    }

    public Optional<Recipient> findByUsername(String username) {
        return recipients.findByUsername(username);
    }

    /**
     * Whom a matter of this scope concerns, below the state: for a school its headmaster,
     * its block officer and its district officer (the platform's "who covers this
     * school"); for a block its officer and its district's; for a district its officer. A
     * school not yet placed reaches its headmaster only.
     */
    public List<Recipient> concerned(Jurisdiction scope, String udiseCode) {
        List<Jurisdiction> covering = switch (scope.level()) {
            case SCHOOL -> school(scope.code());
            case BLOCK -> JurisdictionScope.covering(stateCode, recipients.districtOfBlock(scope.code()).orElse(null),
                    scope.code(), null);
            case DISTRICT -> JurisdictionScope.covering(stateCode, scope.code(), null, null);
            case STATE -> udiseCode != null ? school(udiseCode) : List.of(scope);
        };
        List<Jurisdiction> below = new ArrayList<>(covering);
        if (scope.level() != Jurisdiction.Level.STATE || udiseCode != null) {
            below.removeIf(j -> j.level() == Jurisdiction.Level.STATE);
        }
        return recipients.at(below);
    }

    private List<Jurisdiction> school(String udiseCode) {
        return schools.find(udiseCode)
            .map(l -> JurisdictionScope.covering(stateCode, l.districtCode(), l.blockCode(), udiseCode))
            .orElse(List.of(Jurisdiction.school(udiseCode)));
    }

    /** The recipients at exactly this jurisdiction. */
    public List<Recipient> at(Jurisdiction jurisdiction) {
        return recipients.at(List.of(jurisdiction));
    }

    /** Every reachable recipient inside the jurisdiction (a broadcast). */
    public List<Recipient> within(Jurisdiction jurisdiction) {
        return recipients.within(jurisdiction);
    }

    public List<Recipient> withDigest(Digest digest) {
        return recipients.withDigest(digest);
    }

    @Transactional(readOnly = true)
    Recipient me(Caller caller) {
        return recipients.findByUsername(caller.username())
            .orElseThrow(() -> ApiException.notFound(NotificationProblems.RECIPIENT_NOT_FOUND,
                    "No recipient named " + caller.username() + " is known to the notification service yet"));
    }

    @Transactional
    Recipient savePreferences(Caller caller, Preferences preferences) {
        if ((preferences.quietFrom() == null) != (preferences.quietUntil() == null)) {
            throw ApiException.badRequest(NotificationProblems.QUIET_HOURS_INCOMPLETE,
                    "Quiet hours need both quietFrom and quietUntil, or neither");
        }
        Recipient me = me(caller);
        recipients.savePreferences(me.userId(), preferences);
        Recipient saved = recipients.find(me.userId()).orElseThrow();
        audit.record(AuditEntry.changed("preferences.update", "recipient", me.userId().toString(), preferencesOf(me),
                preferencesOf(saved)));
        return saved;
    }

    /**
     * A recipient's preferences, for the audit trail (never its e-mail, phone or name).
     */
    static java.util.Map<String, Object> preferencesOf(Recipient r) {
        java.util.Map<String, Object> preferences = new java.util.LinkedHashMap<>();
        preferences.put("email", r.emailEnabled());
        preferences.put("sms", r.smsEnabled());
        preferences.put("inApp", r.inAppEnabled());
        preferences.put("quietFrom", r.quietFrom() == null ? null : r.quietFrom().toString());
        preferences.put("quietUntil", r.quietUntil() == null ? null : r.quietUntil().toString());
        preferences.put("digest", r.digest().name());
        return preferences;
    }

}
