package in.mdm.platform.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Many domain events stored as one outbox entry ({@code event_publication} row) by
 * {@link EventBatches}, and sent to Kafka after commit by {@link OutboxBatchSender}, each
 * event exactly as if it had been published alone.
 * <p>
 * The stored form is compact: the events are grouped by type, and each event is a
 * positional JSON array of its record components (ids as 22-character base64url, instants
 * as epoch nanoseconds), so field names, topics and types are not repeated per event.
 * {@code order} gives, one character per event, the group of each event in publishing
 * order; it is {@code null} when the groups already follow that order. Decode with
 * {@link OutboxBatchCodec}.
 *
 * @param groups the events of the batch, by type
 * @param order the group of each event in publishing order, or {@code null} if that is
 * the order of the groups
 */
public record OutboxBatch(List<Group> groups, String order) {

    public OutboxBatch {
        groups = List.copyOf(groups);
    }

    /**
     * The events of one type.
     *
     * @param type the event type of the catalog, e.g.
     * {@code in.mdm.school.SchoolRegistered.v1}
     * @param events the JSON text of an array holding one array of component values per
     * event; stored as JSON (not as a string inside JSON), and kept as text in memory
     * until it is sent
     */
    public record Group(String type, @JsonRawValue @JsonDeserialize(using = RawJson.class) String events) {
    }

    /**
     * Reads a JSON value back into its text, the counterpart of {@link JsonRawValue} for
     * reading.
     */
    static final class RawJson extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node = ctxt.readTree(p);
            return node.toString();
        }

    }
}
