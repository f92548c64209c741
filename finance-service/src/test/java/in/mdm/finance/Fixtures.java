package in.mdm.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.kafka.KafkaMessageFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.testkit.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data straight into finance-service's tables, and events read back from Kafka. */
public final class Fixtures {

    public static final CloudEventCodec FINANCE = CloudEventCodec.forService("finance-service");

    private Fixtures() {
    }

    public static void enroll(JdbcClient jdbc, String udise, String year, int primary, int upper, String district,
            String block) {
        jdbc.sql("""
                insert into enrollments (udise_code, academic_year, primary_count, upper_primary_count, district_code,
                                         block_code, last_event_id, last_event_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(udise, year, primary, upper, district, block, UUID.randomUUID().toString(),
                    Timestamp.from(Instant.now()))
            .update();
    }

    public static void school(JdbcClient jdbc, String udise, String district, String block) {
        jdbc.sql("""
                insert into school_directory (udise_code, name, district_code, block_code, category, management,
                                              pm_poshan_eligible, last_event_id, last_event_at)
                values (?, ?, ?, ?, 'PRIMARY_WITH_UPPER_PRIMARY', 'GOVERNMENT', true, ?, now())
                on conflict do nothing""")
            .params(udise, "School " + udise, district, block, UUID.randomUUID().toString())
            .update();
    }

    /**
     * Enrolls one school, calculates its block's allocations of the year and answers the
     * allocation id.
     */
    public static UUID allocate(JdbcClient jdbc, Http admin, String udise, String year, int primary, int upper,
            String district, String block) {
        enroll(jdbc, udise, year, primary, upper, district, block);
        assertThat(admin
            .post("/api/v1/financial/allocations/calculate",
                    "{\"academicYear\":\"" + year + "\",\"blockCode\":\"" + block + "\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        return jdbc.sql("select id from allocations where udise_code = ? and academic_year = ?")
            .params(udise, year)
            .query(UUID.class)
            .single();
    }

    public static List<DomainEvent> events(String topic) {
        return KafkaProbe.onTestBroker()
            .readAll(topic, Duration.ofSeconds(2))
            .stream()
            .map(record -> FINANCE.decode(KafkaMessageFactory.createReader(record).toEvent()))
            .toList();
    }

    public static BigDecimal rupees(String value) {
        return new BigDecimal(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> T field(Map<?, ?> map, String name) {
        return (T) map.get(name);
    }

}
