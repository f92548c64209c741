package in.mdm.platform.events;

import java.math.BigDecimal;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.EventDescriptor;

/**
 * Turns a list of domain events into an {@link OutboxBatch} and back, exactly: decoding
 * gives records equal to the originals, in their order.
 * <p>
 * A dedicated {@link JsonMapper}, independent of the application's, writes every catalog
 * record as an array of its components in declaration order
 * ({@link JsonFormat.Shape#ARRAY}), a {@link UUID} as 22 characters of unpadded
 * base64url, an {@link Instant} as a whole number of epoch nanoseconds (an ISO-8601
 * string outside the years 1677-2262), and a {@link BigDecimal} as a string so its scale
 * survives a trip through any mapper's tree model (which resubmission takes:
 * {@link OutboxBatch.RawJson}). Positions follow the record's components: a component
 * appended to a record reads as null (or zero) from an entry written before; removing or
 * reordering components of a record that may be waiting in the outbox is not supported.
 */
final class OutboxBatchCodec {

    /** One character per group, all plain in JSON strings. */
    private static final String GROUP_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    private final EventCatalog catalog;

    private final JsonMapper mapper;

    OutboxBatchCodec(EventCatalog catalog) {
        this.catalog = catalog;
        JsonMapper.Builder builder = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a primitive component appended to a record reads as zero from a batch
            // written before
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .addModule(new SimpleModule("mdm-outbox-batch").addSerializer(UUID.class, new CompactUuidSerializer())
                .addDeserializer(UUID.class, new CompactUuidDeserializer())
                .addSerializer(Instant.class, new EpochNanosSerializer())
                .addDeserializer(Instant.class, new EpochNanosDeserializer()));
        for (EventDescriptor descriptor : catalog.all()) {
            builder.withConfigOverride(descriptor.eventClass(),
                    o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.ARRAY)));
        }
        this.mapper = builder.build();
    }

    EventCatalog catalog() {
        return catalog;
    }

    /**
     * @throws IllegalArgumentException if an event is null or not in the catalog
     */
    OutboxBatch encode(List<? extends DomainEvent> events) {
        Map<Class<?>, Integer> indexes = new LinkedHashMap<>();
        List<StringWriter> texts = new ArrayList<>();
        List<SequenceWriter> writers = new ArrayList<>();
        StringBuilder order = new StringBuilder(events.size());
        boolean grouped = true;
        int previous = 0;
        for (DomainEvent event : events) {
            if (event == null) {
                throw new IllegalArgumentException("A batch cannot hold a null event");
            }
            if (!catalog.contains(event.getClass())) {
                throw new IllegalArgumentException(event.getClass().getName() + " is not in the event catalog");
            }
            Integer index = indexes.get(event.getClass());
            if (index == null) {
                index = indexes.size();
                indexes.put(event.getClass(), index);
                StringWriter text = new StringWriter(events.size() * 64);
                texts.add(text);
                writers.add(mapper.writer().writeValuesAsArray(text));
            }
            grouped &= index >= previous;
            previous = index;
            writers.get(index).write(event);
            order.append(groupChar(index));
        }
        writers.forEach(SequenceWriter::close);
        List<OutboxBatch.Group> groups = new ArrayList<>(indexes.size());
        indexes.forEach((type, index) -> groups
            .add(new OutboxBatch.Group(catalog.forClass(type).type(), texts.get(index).toString())));
        return new OutboxBatch(groups, grouped ? null : order.toString());
    }

    /**
     * The events of the batch in publishing order.
     * @throws IllegalArgumentException if the batch names an unknown type or does not fit
     * its events
     */
    List<DomainEvent> decode(OutboxBatch batch) {
        List<List<DomainEvent>> groups = new ArrayList<>(batch.groups().size());
        int count = 0;
        for (OutboxBatch.Group group : batch.groups()) {
            Class<? extends DomainEvent> type = catalog.forType(group.type())
                .orElseThrow(
                        () -> new IllegalArgumentException("Outbox batch holds unknown event type " + group.type()))
                .eventClass();
            if (group.events() == null) {
                throw new IllegalArgumentException("Outbox batch group " + group.type() + " holds no events");
            }
            List<DomainEvent> decoded = mapper.readValue(group.events(),
                    mapper.getTypeFactory().constructCollectionType(List.class, type));
            groups.add(decoded);
            count += decoded.size();
        }
        List<DomainEvent> events = new ArrayList<>(count);
        if (batch.order() == null) {
            groups.forEach(events::addAll);
            return events;
        }
        if (batch.order().length() != count) {
            throw new IllegalArgumentException(
                    "Outbox batch order names " + batch.order().length() + " events but holds " + count);
        }
        int[] next = new int[groups.size()];
        for (int i = 0; i < batch.order().length(); i++) {
            int index = groupIndex(batch.order().charAt(i));
            if (index < 0 || index >= groups.size() || next[index] >= groups.get(index).size()) {
                throw new IllegalArgumentException("Outbox batch order does not fit its groups at position " + i);
            }
            events.add(groups.get(index).get(next[index]++));
        }
        return events;
    }

    private static char groupChar(int index) {
        // beyond 64 groups (more event types than the catalog has today), letters from
        // Latin-1 on
        return index < GROUP_CHARS.length() ? GROUP_CHARS.charAt(index) : (char) (0xC0 + index - GROUP_CHARS.length());
    }

    private static int groupIndex(char c) {
        int index = GROUP_CHARS.indexOf(c);
        return index >= 0 ? index : c >= 0xC0 ? c - 0xC0 + GROUP_CHARS.length() : -1;
    }

    /** 16 bytes as 22 characters of unpadded base64url instead of 36. */
    static final class CompactUuidSerializer extends StdScalarSerializer<UUID> {

        CompactUuidSerializer() {
            super(UUID.class);
        }

        @Override
        public void serialize(UUID value, JsonGenerator gen, SerializationContext provider) {
            byte[] bytes = ByteBuffer.allocate(16)
                .putLong(value.getMostSignificantBits())
                .putLong(value.getLeastSignificantBits())
                .array();
            gen.writeString(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }

    }

    static final class CompactUuidDeserializer extends StdScalarDeserializer<UUID> {

        CompactUuidDeserializer() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            if (text == null) {
                return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            }
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
                if (bytes.remaining() == 16) {
                    return new UUID(bytes.getLong(), bytes.getLong());
                }
            }
            catch (IllegalArgumentException ex) {
                // reported below
            }
            return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a compact UUID");
        }

    }

    /**
     * Epoch nanoseconds as a whole number: 19 digits instead of 30 characters of
     * ISO-8601, and exact in any tree.
     */
    static final class EpochNanosSerializer extends StdScalarSerializer<Instant> {

        EpochNanosSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext provider) {
            long nanos;
            try {
                nanos = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L), value.getNano());
            }
            catch (ArithmeticException outOfRange) {
                gen.writeString(value.toString());
                return;
            }
            gen.writeNumber(nanos);
        }

    }

    static final class EpochNanosDeserializer extends StdScalarDeserializer<Instant> {

        EpochNanosDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                long nanos = p.getLongValue();
                return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                        Math.floorMod(nanos, 1_000_000_000L));
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return Instant.parse(p.getString());
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }

    }

}
