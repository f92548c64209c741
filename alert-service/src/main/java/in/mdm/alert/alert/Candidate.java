package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/** What a rule says about one subject of one event: raise (or repeat) this alert. */
record Candidate(Rule rule, String subject, Jurisdiction scope, String udiseCode, String districtCode, String blockCode,
        String title, String message, UUID sourceEventId, String sourceEventType, Instant at) {
}
