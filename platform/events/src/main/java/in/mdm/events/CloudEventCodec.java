package in.mdm.events;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * Puts domain events into CloudEvents 1.0 envelopes with a JSON payload, and takes them
 * out again.
 * <p>
 * The envelope's {@code id} is the event id, {@code type} the stable type of the catalog,
 * {@code subject} the aggregate id, {@code time} when it happened, and the
 * {@code partitionkey} extension the Kafka key. Decoding tolerates unknown payload
 * fields, so a producer may add fields without breaking consumers.
 */
public final class CloudEventCodec {

    public static final String JSON = "application/json";

    public static final String PARTITION_KEY = "partitionkey";

    private final EventCatalog catalog;

    private final URI source;

    private final ObjectMapper json;

    /**
     * @param source the producing service, e.g. {@code urn:mdm:school-service}
     */
    public CloudEventCodec(EventCatalog catalog, URI source) {
        this.catalog = Objects.requireNonNull(catalog);
        this.source = Objects.requireNonNull(source);
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public EventCatalog catalog() {
        return catalog;
    }

    public static CloudEventCodec forService(String serviceName) {
        return new CloudEventCodec(EventCatalog.events(), URI.create("urn:mdm:" + serviceName));
    }

    public CloudEvent encode(DomainEvent event) {
        EventDescriptor descriptor = catalog.forClass(event.getClass());
        try {
            return CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withSource(source)
                .withType(descriptor.type())
                .withSubject(event.aggregateId())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withExtension(PARTITION_KEY, event.aggregateId())
                .withData(json.writeValueAsBytes(event))
                .build();
        }
        catch (IOException ex) {
            throw new EventEncodingException("Cannot write " + descriptor.type() + " as JSON", ex);
        }
    }

    /** Decodes an event of any known type. */
    public DomainEvent decode(CloudEvent envelope) {
        EventDescriptor descriptor = catalog.forType(envelope.getType())
            .orElseThrow(() -> new EventEncodingException("Unknown event type '" + envelope.getType() + "'", null));
        return read(envelope, descriptor.eventClass());
    }

    /** Decodes an event whose type must be the one of {@code expected}. */
    public <T extends DomainEvent> T decode(CloudEvent envelope, Class<T> expected) {
        EventDescriptor descriptor = catalog.forClass(expected);
        if (!descriptor.type().equals(envelope.getType())) {
            throw new EventEncodingException("Expected " + descriptor.type() + " but got " + envelope.getType(), null);
        }
        return read(envelope, expected);
    }

    private <T> T read(CloudEvent envelope, Class<T> type) {
        if (envelope.getData() == null) {
            throw new EventEncodingException(
                    "Event " + envelope.getId() + " of type " + envelope.getType() + " has no data", null);
        }
        try {
            return json.readValue(envelope.getData().toBytes(), type);
        }
        catch (IOException ex) {
            throw new EventEncodingException(
                    "Cannot read " + envelope.getType() + " " + envelope.getId() + ": " + ex.getMessage(), ex);
        }
    }

    public static final class EventEncodingException extends RuntimeException {

        public EventEncodingException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
