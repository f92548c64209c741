package in.mdm.alert.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a deployment tunes besides the rules ({@code mdm.alerts.*}).
 *
 * @param escalateAfter how long an unacknowledged CRITICAL alert waits at its level
 * before it goes one level up
 * @param rollupShare a block or district gets one area alert when more than this share of
 * its schools have an open alert of the same type
 * @param rollupMinSchools areas with fewer known schools get no roll-up
 * @param heartbeat how often a live stream sends a heartbeat
 * @param ticketTtl how long a stream ticket may wait to be used
 * @param streamTimeout how long one SSE response stays open; the client reconnects with
 * its Last-Event-ID and misses nothing
 * @param streamPoll how often the streams look for changes when no nudge came (a nudge
 * lost while Redis reconnects is caught up by this)
 * @param changesKept how long stream changes are kept for clients resuming with a
 * Last-Event-ID
 */
@ConfigurationProperties("mdm.alerts")
public record AlertSettings(@DefaultValue("PT30M") Duration escalateAfter, @DefaultValue("0.3") double rollupShare,
        @DefaultValue("3") int rollupMinSchools, @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("PT60S") Duration ticketTtl, @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT2S") Duration streamPoll, @DefaultValue("P7D") Duration changesKept) {
}
