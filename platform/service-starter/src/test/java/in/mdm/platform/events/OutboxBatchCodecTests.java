package in.mdm.platform.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.EventDescriptor;
import in.mdm.events.Jurisdiction;
import in.mdm.events.auth.UserLocked;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored form of an outbox batch: exact round trips through the mapper Spring
 * Modulith stores it with, and its size.
 */
class OutboxBatchCodecTests {

    private final OutboxBatchCodec codec = new OutboxBatchCodec(EventCatalog.events());

    /**
     * As the application's mapper is configured
     * (spring.jackson.deserialization.fail-on-unknown-properties=true).
     */
    private final JsonMapper stored = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    /**
     * A mapper reading floating-point numbers as BigDecimal, so the tree model differs
     * from the plain one.
     */
    private final JsonMapper storedWithDecimals = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    @Test
    void everyCatalogRecordSurvivesTheRoundTripExactly() {
        List<DomainEvent> events = new ArrayList<>();
        for (EventDescriptor descriptor : EventCatalog.events().all()) {
            if (!descriptor.eventClass().isRecord()) {
                continue;
            }
            events.add(EventSamples.sample(descriptor.eventClass(), 1));
            events.add(EventSamples.sample(descriptor.eventClass(), 7));
        }

        assertThat(events).as("every event of the catalog is a record today")
            .hasSize(2 * EventCatalog.events().all().size());
        assertThat(codec.decode(codec.encode(events))).as("in memory").containsExactlyElementsOf(events);
        assertThat(throughStore(stored, codec.encode(events))).as("stored and read back")
            .containsExactlyElementsOf(events);
        assertThat(throughStore(storedWithDecimals, codec.encode(events))).as("read back with decimals")
            .containsExactlyElementsOf(events);
        for (DomainEvent event : events) {
            assertThat(throughStore(stored, codec.encode(List.of(event)))).as(event.getClass().getSimpleName())
                .containsExactly(event);
        }
    }

    @Test
    void interleavedEventsComeBackInPublishingOrder() {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(EventSamples.school(i));
            events.add(EventSamples.enrollment(i));
            if (i % 7 == 0) {
                events.add(EventSamples.sample(FundReleased.class, i));
            }
        }
        OutboxBatch batch = codec.encode(events);
        assertThat(batch.groups()).extracting(OutboxBatch.Group::type)
            .containsExactly("in.mdm.school.SchoolRegistered.v1", "in.mdm.school.EnrollmentUpdated.v1",
                    "in.mdm.finance.FundReleased.v1");
        assertThat(batch.order()).hasSize(events.size()).startsWith("0120101010101010120");
        assertThat(throughStore(stored, batch)).containsExactlyElementsOf(events);

        List<DomainEvent> grouped = new ArrayList<>(
                events.stream().filter(SchoolRegistered.class::isInstance).toList());
        grouped.addAll(events.stream().filter(EnrollmentUpdated.class::isInstance).toList());
        OutboxBatch contiguous = codec.encode(grouped);
        assertThat(contiguous.order()).as("no order needed when the groups follow it").isNull();
        assertThat(throughStore(stored, contiguous)).containsExactlyElementsOf(grouped);
    }

    @Test
    void edgeValuesSurvive() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000000");
        List<DomainEvent> events = List.of(
                new UserLocked(id, Instant.MIN, UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), null, 0,
                        Instant.MAX),
                new UserLocked(UUID.randomUUID(), Instant.parse("1969-12-31T23:59:59.999999999Z"), UUID.randomUUID(),
                        "", -1, Instant.EPOCH),
                new UserLocked(UUID.randomUUID(), Instant.parse("1677-09-21T00:12:43.145224192Z"), UUID.randomUUID(),
                        "\u0000\n\t\\", Integer.MAX_VALUE, Instant.parse("2262-04-11T23:47:16.854775807Z")),
                new FundReleased(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                        Jurisdiction.state("33"), new BigDecimal("1E+3")),
                new FundReleased(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                        Jurisdiction.block("6301"), new BigDecimal("0.10")),
                new FundReleased(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                        Jurisdiction.district("568"), new BigDecimal("123456789012345678901234567890.123456789")));

        List<DomainEvent> back = throughStore(stored, codec.encode(events));

        assertThat(back).containsExactlyElementsOf(events);
        assertThat(((FundReleased) back.get(4)).amount().scale()).isEqualTo(2);
        assertThat(((FundReleased) back.get(3)).amount().toString()).isEqualTo("1E+3");
    }

    @Test
    void aBatchWrittenBeforeAComponentWasAppendedReadsItAsZeroOrNull() {
        EnrollmentUpdated event = EventSamples.enrollment(5);
        String full = codec.encode(List.of(event)).groups().getFirst().events();
        // the same entry as a record without its last component (upperPrimary) would have
        // written it
        String older = full.substring(0, full.lastIndexOf(',')) + "]]";

        DomainEvent read = codec
            .decode(new OutboxBatch(List.of(new OutboxBatch.Group("in.mdm.school.EnrollmentUpdated.v1", older)), null))
            .getFirst();

        assertThat(read).isEqualTo(new EnrollmentUpdated(event.eventId(), event.occurredAt(), event.udiseCode(),
                event.districtCode(), event.blockCode(), event.academicYear(), event.primary(), 0));
    }

    @Test
    void onlyCatalogEventsGoIntoABatch() {
        record Stranger(UUID eventId, Instant occurredAt, String aggregateId) implements DomainEvent {
        }
        assertThatThrownBy(() -> codec
            .encode(List.of(EventSamples.school(1), new Stranger(UUID.randomUUID(), Instant.now(), "x"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Stranger");
        OutboxBatch unknown = new OutboxBatch(List.of(new OutboxBatch.Group("in.mdm.school.Nothing.v1", "[]")), null);
        assertThatThrownBy(() -> codec.decode(unknown)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("in.mdm.school.Nothing.v1");
    }

    /**
     * The bytes per event the outbox stores: one batch of 2,000 events (1,000 schools and
     * their enrollments, as the UDISE import publishes them, a school with its
     * coordinates and kitchen) against one row per event as Spring Modulith stores a
     * single event.
     */
    @Test
    void aBatchStoresEachImportEventInUnder200Bytes() {
        List<DomainEvent> schools = new ArrayList<>();
        List<DomainEvent> enrollments = new ArrayList<>();
        List<DomainEvent> mixed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            SchoolRegistered school = EventSamples.school(100_000 + i);
            EnrollmentUpdated enrollment = EventSamples.enrollment(100_000 + i);
            schools.add(school);
            enrollments.add(enrollment);
            mixed.add(school);
            mixed.add(enrollment);
        }
        double school = bytesPerEvent(schools);
        double enrollment = bytesPerEvent(enrollments);
        double both = bytesPerEvent(mixed);
        double singleSchool = utf8(stored.writeValueAsString(schools.getFirst()));
        double singleEnrollment = utf8(stored.writeValueAsString(enrollments.getFirst()));

        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            stored.writeValueAsString(codec.encode(mixed));
        }
        double micros = (System.nanoTime() - start) / 1e3 / (10.0 * mixed.size());
        System.out.printf("outbox batch encoding (compact form and its row text): %.2f microseconds per event%n",
                micros);
        // what compressing in Java would cost and leave (it is not done: PostgreSQL's
        // pglz already stores 42 bytes)
        byte[] text = stored.writeValueAsString(codec.encode(mixed)).getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[text.length];
        int deflated = 0;
        long deflateStart = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            deflater.setInput(text);
            deflater.finish();
            deflated = deflater.deflate(buffer);
            deflater.end();
        }
        System.out.printf(
                "deflate (BEST_SPEED) of a 2,000-event batch: %.2f microseconds and %.1f bytes per event "
                        + "(%.1f as base64 text)%n",
                (System.nanoTime() - deflateStart) / 1e3 / (10.0 * mixed.size()), (double) deflated / mixed.size(),
                Math.ceil(deflated / 3.0) * 4 / mixed.size());
        System.out.printf(
                "outbox bytes per event: SchoolRegistered %.1f in a batch (%.0f as a single event), "
                        + "EnrollmentUpdated %.1f in a batch (%.0f as a single event), mixed batch of 2,000 %.1f%n",
                school, singleSchool, enrollment, singleEnrollment, both);
        assertThat(school).isLessThan(200).isLessThan(singleSchool * 0.6);
        assertThat(enrollment).isLessThan(150).isLessThan(singleEnrollment * 0.6);
    }

    private double bytesPerEvent(List<DomainEvent> events) {
        OutboxBatch batch = codec.encode(events);
        String text = stored.writeValueAsString(batch);
        assertThat(stored.readValue(text, OutboxBatch.class)).isEqualTo(batch);
        return (double) utf8(text) / events.size();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private List<DomainEvent> throughStore(JsonMapper mapper, OutboxBatch batch) {
        String text = mapper.writeValueAsString(batch);
        return codec.decode(mapper.readValue(text, OutboxBatch.class));
    }

}
