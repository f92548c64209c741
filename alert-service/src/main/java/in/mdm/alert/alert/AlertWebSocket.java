package in.mdm.alert.alert;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

import in.mdm.platform.security.Caller;
import in.mdm.platform.security.CallerClaims;

/**
 * The live alert stream over a WebSocket, {@code /api/v1/alerts/ws?ticket=...}
 * (optionally {@code &lastEventId=}): the same frames as the SSE stream, each a text
 * message {@code {"id": "...", "event": "alert", "data": {...}}}. Browsers cannot send an
 * Authorization header with a WebSocket, so it takes only a one-time ticket; without a
 * valid one the socket is closed at once with 1008 (policy violation). Registered on the
 * servlet container's JSR 356 server (Tomcat's), which Spring Boot starts.
 */
@Component
class AlertWebSocket implements ServletContextAware {

    static final String PATH = "/api/v1/alerts/ws";

    private static final Logger log = LoggerFactory.getLogger(AlertWebSocket.class);

    private static final String HOLDER = "mdm.alert.holder";

    private static final String RESUME = "mdm.alert.last-event-id";

    private final StreamHub hub;

    private final StreamTickets tickets;

    private final JsonMapper json;

    private final JwtDecoder jwt;

    private final CallerClaims claims;

    AlertWebSocket(StreamHub hub, StreamTickets tickets, JsonMapper json, JwtDecoder jwt, CallerClaims claims) {
        this.hub = hub;
        this.tickets = tickets;
        this.json = json;
        this.jwt = jwt;
        this.claims = claims;
    }

    @Override
    public void setServletContext(ServletContext servletContext) {
        if (!(servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            log.warn("No WebSocket server in this servlet container: {} is not served", PATH);
            return;
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Socket.class, PATH)
            .configurator(new ServerEndpointConfig.Configurator() {

                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                        HandshakeResponse response) {
                    Map<String, List<String>> parameters = request.getParameterMap();
                    String ticket = first(parameters, "ticket");
                    Optional<StreamTickets.Holder> holder = ticket != null ? tickets.redeem(ticket)
                            : bearer(first(request.getHeaders(), "Authorization"));
                    // sec is this handshake's own copy of the endpoint configuration
                    sec.getUserProperties().remove(HOLDER);
                    holder.ifPresent(h -> sec.getUserProperties().put(HOLDER, h));
                    sec.getUserProperties().put(RESUME, String.valueOf(first(parameters, "lastEventId")));
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return (T) new Socket();
                }
            })
            .build();
        try {
            container.addEndpoint(config);
        }
        catch (DeploymentException e) {
            throw new IllegalStateException("Cannot serve " + PATH, e);
        }
    }

    /**
     * A client that can send headers (not a browser) may open the socket with its bearer
     * token instead of a ticket.
     */
    private Optional<StreamTickets.Holder> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            Caller caller = claims.caller(jwt.decode(authorization.substring(7).strip()));
            return Optional.of(new StreamTickets.Holder(caller.username(), caller.jurisdiction()));
        }
        catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** One connection. */
    final class Socket extends Endpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            // the per-handshake copy of the configuration, filled by modifyHandshake
            Object holder = config.getUserProperties().get(HOLDER);
            Object resume = config.getUserProperties().get(RESUME);
            if (!(holder instanceof StreamTickets.Holder h)) {
                close(session, "A valid stream ticket is needed (POST /api/v1/alerts/stream/ticket)");
                return;
            }
            Long lastEventId;
            try {
                lastEventId = StreamController.lastEventId("null".equals(resume) ? null : (String) resume,
                        "lastEventId");
            }
            catch (RuntimeException invalid) {
                close(session, "lastEventId must be the id of an event of this stream");
                return;
            }
            StreamHub.Subscriber subscriber = hub.subscribe(h.jurisdiction(), lastEventId, new StreamSink() {

                @Override
                public void send(StreamFrame frame) throws IOException {
                    String id = frame.id() == null ? "null" : json.writeValueAsString(frame.id());
                    session.getBasicRemote()
                        .sendText("{\"id\":" + id + ",\"event\":" + json.writeValueAsString(frame.event())
                                + ",\"data\":" + frame.data() + "}");
                }

                @Override
                public void close() {
                    try {
                        session.close();
                    }
                    catch (IOException | RuntimeException gone) {
                        // already closed
                    }
                }
            });
            session.getUserProperties().put("mdm.alert.subscriber", subscriber);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            if (session.getUserProperties().get("mdm.alert.subscriber") instanceof StreamHub.Subscriber s) {
                s.close();
            }
        }

        @Override
        public void onError(Session session, Throwable error) {
            onClose(session, null);
        }

        private void close(Session session, String why) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
            }
            catch (IOException | RuntimeException gone) {
                // already closed
            }
        }

    }

}
