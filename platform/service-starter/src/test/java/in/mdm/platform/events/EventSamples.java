package in.mdm.platform.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;

/** Events with every component filled, for round trips and measurements. */
public final class EventSamples {

    private EventSamples() {
    }

    /**
     * An event of the record class with a value for every component; {@code seed} varies
     * the values.
     */
    public static <T extends DomainEvent> T sample(Class<T> type, int seed) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType(), seed + i);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Object value(Class<?> type, Type generic, int seed) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            // nanosecond precision, as a clock with it would give
            return Instant.parse("2026-06-15T04:30:00Z").plusNanos(123_456_789L + seed * 1_000_003L);
        }
        if (type == String.class) {
            return "v\u00e4lue \"" + seed + "\" \u0915\u093e";
        }
        if (type == int.class) {
            return 40 + seed;
        }
        if (type == long.class) {
            return 4_000_000_000L + seed;
        }
        if (type == boolean.class) {
            return seed % 2 == 0;
        }
        if (type == double.class) {
            return 0.1 + seed / 3.0;
        }
        if (type == Double.class) {
            // a coordinate as school-service stores it: six decimals
            return 10 + (seed % 1_000_000) / 1e6;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("149600.00").add(BigDecimal.valueOf(seed));
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 6, 1).plusDays(seed);
        }
        if (type == Jurisdiction.class) {
            return Jurisdiction.district("5" + seed);
        }
        if (type == List.class) {
            return List.of("a" + seed, "b" + seed);
        }
        if (type == Map.class) {
            Type valueType = ((ParameterizedType) generic).getActualTypeArguments()[1];
            if (valueType == Double.class) {
                return Map.of("mae", 1.25 + seed, "rmse", 2.0 / 3);
            }
            return Map.of("k" + seed, "v" + seed);
        }
        throw new IllegalArgumentException("No sample for " + generic);
    }

    /** A school as the UDISE import registers it. */
    public static SchoolRegistered school(int i) {
        return new SchoolRegistered(UUID.randomUUID(), Instant.now(), udise(i), "GOVT PRIMARY SCHOOL KATTUR " + i,
                "568", "6301", "PRIMARY", "GOVERNMENT", "RURAL", true, (10_786_543 + i) / 1e6, (79_138_721 - i) / 1e6,
                UUID.nameUUIDFromBytes(("kitchen " + i / 20).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** An enrollment as the UDISE import sets it. */
    public static EnrollmentUpdated enrollment(int i) {
        return new EnrollmentUpdated(UUID.randomUUID(), Instant.now(), udise(i), "568", "6301", "2026-27",
                120 + i % 200, 45 + i % 90);
    }

    public static String udise(int i) {
        return String.format("3302%07d", i);
    }

}
