package in.mdm.events;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import in.mdm.events.finance.FundReleased;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTests {

    private final CloudEventCodec codec = CloudEventCodec.forService("school-service");

    @Test
    void envelopeCarriesIdTypeSubjectTimeAndPartitionKey() {
        UUID id = UUID.fromString("0b0e6b7e-7a4b-4b1e-9c37-2b0d8c1c0a01");
        Instant at = Instant.parse("2026-06-15T04:30:00Z");
        SchoolRegistered event = new SchoolRegistered(id, at, "33020100101", "PUMS Kattur", "568", "6301", "PRIMARY",
                "GOVERNMENT", "RURAL", true);

        CloudEvent envelope = codec.encode(event);

        assertThat(envelope.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(envelope.getId()).isEqualTo(id.toString());
        assertThat(envelope.getType()).isEqualTo("in.mdm.school.SchoolRegistered.v1");
        assertThat(envelope.getSource()).isEqualTo(URI.create("urn:mdm:school-service"));
        assertThat(envelope.getSubject()).isEqualTo("33020100101");
        assertThat(envelope.getTime()).isEqualTo(OffsetDateTime.of(2026, 6, 15, 4, 30, 0, 0, ZoneOffset.UTC));
        assertThat(envelope.getExtension(CloudEventCodec.PARTITION_KEY)).isEqualTo("33020100101");
        assertThat(envelope.getDataContentType()).isEqualTo("application/json");
        String payload = new String(envelope.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"udiseCode\":\"33020100101\"")
            .contains("\"occurredAt\":\"2026-06-15T04:30:00Z\"")
            .doesNotContain("in.mdm.events");
    }

    @Test
    void everyCatalogEventSurvivesTheRoundTrip() {
        for (EventDescriptor descriptor : EventCatalog.events().all()) {
            DomainEvent sample = sample(descriptor.eventClass());
            CloudEvent envelope = codec.encode(sample);
            assertThat(codec.decode(envelope)).as(descriptor.type()).isEqualTo(sample);
        }
    }

    @Test
    void moneyKeepsItsScale() {
        FundReleased released = new FundReleased(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                Jurisdiction.district("568"), new BigDecimal("149600.00"));
        FundReleased back = codec.decode(codec.encode(released), FundReleased.class);
        assertThat(back.amount()).isEqualTo(new BigDecimal("149600.00"));
    }

    @Test
    void unknownPayloadFieldsAreToleratedSoProducersCanAddFields() {
        CloudEvent envelope = CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withSource(URI.create("urn:mdm:school-service"))
            .withType("in.mdm.school.SchoolUpdated.v1")
            .withData("application/json",
                    ("{\"eventId\":\"0b0e6b7e-7a4b-4b1e-9c37-2b0d8c1c0a01\","
                            + "\"occurredAt\":\"2026-06-15T04:30:00Z\",\"udiseCode\":\"33020100101\",\"name\":\"X\","
                            + "\"kitchenCode\":\"K-1\"}")
                        .getBytes(StandardCharsets.UTF_8))
            .build();
        SchoolUpdated decoded = codec.decode(envelope, SchoolUpdated.class);
        assertThat(decoded.udiseCode()).isEqualTo("33020100101");
        assertThat(decoded.name()).isEqualTo("X");
    }

    @Test
    void refusesUnknownTypesMismatchedTypesAndBrokenPayloads() {
        CloudEvent unknown = CloudEventBuilder.v1()
            .withId("1")
            .withSource(URI.create("urn:x"))
            .withType("in.mdm.school.Nothing.v1")
            .withData("application/json", "{}".getBytes())
            .build();
        assertThatThrownBy(() -> codec.decode(unknown))
            .hasMessageContaining("Unknown event type 'in.mdm.school.Nothing.v1'");

        CloudEvent registered = codec.encode(sample(SchoolRegistered.class));
        assertThatThrownBy(() -> codec.decode(registered, SchoolUpdated.class))
            .hasMessageContaining("Expected in.mdm.school.SchoolUpdated.v1 but got in.mdm.school.SchoolRegistered.v1");

        CloudEvent broken = CloudEventBuilder.v1()
            .withId("2")
            .withSource(URI.create("urn:x"))
            .withType("in.mdm.school.SchoolRegistered.v1")
            .withData("application/json", "{not json".getBytes())
            .build();
        assertThatThrownBy(() -> codec.decode(broken)).isInstanceOf(CloudEventCodec.EventEncodingException.class)
            .hasMessageContaining("Cannot read in.mdm.school.SchoolRegistered.v1 2");
    }

    /**
     * Builds an instance of any event record with distinct, non-default values in every
     * component.
     */
    static <T extends DomainEvent> T sample(Class<T> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(types[i], i);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    private static Object value(Class<?> type, int i) {
        if (type == UUID.class)
            return UUID.nameUUIDFromBytes(new byte[] { (byte) i });
        if (type == Instant.class)
            return Instant.parse("2026-07-01T10:15:30Z").plusSeconds(i);
        if (type == LocalDate.class)
            return LocalDate.of(2026, 7, 1).plusDays(i);
        if (type == String.class)
            return "value-" + i;
        if (type == int.class)
            return 100 + i;
        if (type == double.class || type == Double.class)
            return 0.5 + i;
        if (type == boolean.class)
            return true;
        if (type == BigDecimal.class)
            return new BigDecimal("1496.0" + i);
        if (type == Jurisdiction.class)
            return Jurisdiction.block("63" + i);
        if (type == List.class)
            return List.of("a" + i, "b" + i);
        if (type == Map.class)
            return Map.of("auc", 0.9);
        throw new AssertionError("No sample value for " + type);
    }

}
