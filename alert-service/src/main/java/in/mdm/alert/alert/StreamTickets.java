package in.mdm.alert.alert;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;

/**
 * One-time stream tickets: browsers cannot send an Authorization header with an
 * EventSource or a WebSocket, so a client with a token asks for a ticket
 * ({@code POST /api/v1/alerts/stream/ticket}) and opens the stream with {@code ?ticket=}.
 * A ticket is 32 random bytes, kept in Redis with the caller's jurisdiction for
 * {@code mdm.alerts.ticket-ttl} (60 s) and deleted when used.
 */
@Component
class StreamTickets {

    private static final String PREFIX = "mdm:alert:stream-ticket:";

    private final SecureRandom random = new SecureRandom();

    private final StringRedisTemplate redis;

    private final AlertSettings settings;

    private final Clock clock;

    StreamTickets(StringRedisTemplate redis, AlertSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    record Ticket(String ticket, Instant expiresAt) {
    }

    /** Who a ticket was given to: the user and the jurisdiction the stream shows. */
    record Holder(String username, Jurisdiction jurisdiction) {
    }

    Ticket issue(Caller caller) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Jurisdiction j = caller.jurisdiction();
        String value = caller.username() + "|" + (j == null ? "" : j.level().name() + "|" + j.code());
        redis.opsForValue().set(PREFIX + ticket, value, settings.ticketTtl());
        return new Ticket(ticket, clock.instant().plus(settings.ticketTtl()));
    }

    /** The ticket's holder, once: a used, expired or unknown ticket is empty. */
    Optional<Holder> redeem(String ticket) {
        if (ticket == null || !ticket.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String value = redis.opsForValue().getAndDelete(PREFIX + ticket);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", -1);
        Jurisdiction j = parts.length == 3 ? new Jurisdiction(Jurisdiction.Level.valueOf(parts[1]), parts[2]) : null;
        return Optional.of(new Holder(parts[0], j));
    }

}
