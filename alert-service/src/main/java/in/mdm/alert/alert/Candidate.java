package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/**
 * What a rule says about one subject of one event: raise (or repeat) this alert;
 * {@code expiresAt}, when known, is when its cause ends (a weather warning's validTo).
 */
record Candidate(Rule rule, String subject, Jurisdiction scope, String udiseCode, String districtCode, String blockCode,
        String title, String message, UUID sourceEventId, String sourceEventType, Instant at, Instant expiresAt) {
}
