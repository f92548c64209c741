package in.mdm.alert.alert;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import in.mdm.alert.AlertProblems;
import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.servlet.Callers;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

/**
 * The live alert stream as Server-Sent Events. Open with a bearer token or with a
 * one-time {@code ticket}; resumes after {@code Last-Event-ID} (header, or the
 * {@code lastEventId} parameter for clients that cannot set it).
 */
@RestController
@RequestMapping("/api/v1/alerts/stream")
class StreamController {

    private final StreamHub hub;

    private final StreamTickets tickets;

    private final AlertSettings settings;

    StreamController(StreamHub hub, StreamTickets tickets, AlertSettings settings) {
        this.hub = hub;
        this.tickets = tickets;
        this.settings = settings;
    }

    record TicketResponse(String ticket, Instant expiresAt, String streamPath, String webSocketPath) {
    }

    @PostMapping("/ticket")
    TicketResponse ticket(Caller caller) {
        StreamTickets.Ticket t = tickets.issue(caller);
        return new TicketResponse(t.ticket(), t.expiresAt(), "/api/v1/alerts/stream?ticket=" + t.ticket(),
                "/api/v1/alerts/ws?ticket=" + t.ticket());
    }

    @GetMapping(produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE })
    SseEmitter stream(@RequestParam(required = false) String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        Long lastEventId = lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter,
                lastEventIdHeader != null ? "Last-Event-ID" : "lastEventId");
        Jurisdiction jurisdiction = subscriber(ticket, tickets);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        StreamHub.Subscriber[] subscriber = new StreamHub.Subscriber[1];
        StreamSink sink = new StreamSink() {

            @Override
            public void send(StreamFrame frame) throws IOException {
                SseEmitter.SseEventBuilder event = SseEmitter.event().name(frame.event()).data(frame.data());
                if (frame.id() != null) {
                    event.id(frame.id());
                }
                emitter.send(event);
            }

            @Override
            public void close() {
                emitter.complete();
            }
        };
        subscriber[0] = hub.subscribe(jurisdiction, lastEventId, sink);
        emitter.onCompletion(() -> subscriber[0].close());
        emitter.onTimeout(() -> subscriber[0].close());
        emitter.onError(e -> subscriber[0].close());
        return emitter;
    }

    /**
     * The jurisdiction a stream shows: the ticket's when one is given, else the bearer
     * token's (401 without either).
     */
    static Jurisdiction subscriber(String ticket, StreamTickets tickets) {
        if (ticket == null) {
            try {
                // the bearer token's caller (or, in a service running without security,
                // the state)
                return Callers.current().jurisdiction();
            }
            catch (AuthenticationException none) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, PlatformProblems.UNAUTHENTICATED,
                        "A bearer token or a stream ticket (POST /api/v1/alerts/stream/ticket) is needed");
            }
        }
        return tickets.redeem(ticket)
            .map(StreamTickets.Holder::jurisdiction)
            .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, AlertProblems.STREAM_TICKET_INVALID,
                    "The stream ticket is unknown, used or expired: ask for a new one"));
    }

    static Long lastEventId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[0-9]{1,18}")) {
            ApiException invalid = ApiException.badRequest(PlatformProblems.INVALID,
                    "Invalid request: " + field + " must be the id of an event of this stream");
            invalid.getBody()
                .setProperty("errors", List.of(Map.of("field", field, "message",
                        "must be the id of an event of this stream", "rejectedValue", value)));
            throw invalid;
        }
        return Long.parseLong(value.strip());
    }

}
