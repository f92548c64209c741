package in.mdm.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.testkit.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls auth-service over HTTP the way clients do, and makes test users directly in its
 * tables.
 */
final class Api {

    static final String ADMIN = "state.admin";
    static final String ADMIN_PASSWORD = "Tn-Admin-Test-2026";
    static final String TREASURY_SECRET = "treasury-test-secret-2026";
    static final String DATA_KEY = "test-data-key-not-for-production";

    /**
     * The key ring of personal data in tests (32-byte test keys, never used elsewhere):
     * {@code t2025} an earlier key still in the ring, {@code t2026} the active one.
     */
    static final String CRYPTO_OLD_KEY_ID = "t2025";

    static final String CRYPTO_OLD_KEY = "dGVzdC1maWVsZC1rZXktMjAyNS1ub3QtZm9yLXByb2Q=";

    static final String CRYPTO_KEY_ID = "t2026";

    static final String CRYPTO_KEY = "dGVzdC1maWVsZC1rZXktMjAyNi1ub3QtZm9yLXByb2Q=";

    static final String CRYPTO_INDEX_KEY = "dGVzdC1pbmRleC1rZXktbm90LWZvci1wcm9kdWN0aW8=";

    /**
     * The index key before {@link #CRYPTO_INDEX_KEY}: the tests run during its rotation.
     */
    static final String CRYPTO_OLD_INDEX_KEY = "dGVzdC1vbGQtaW5kZXgta2V5LW5vdC1mb3ItcHJvZC0=";
    static final String KEYCLOAK_ISSUER = "http://keycloak.mdm-twin.test/realms/mdm";

    /**
     * The password of users made by {@link #user}; their hash has a low bcrypt cost to
     * keep tests quick.
     */
    static final String PASSWORD = "Kattur-School-2026";

    private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final TestRestTemplate http;

    private final JdbcClient jdbc;

    Api(TestRestTemplate http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A fresh name, so that tests sharing the database do not meet. */
    static String unique(String prefix) {
        return prefix + "." + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /**
     * A fresh numeric code of this many digits (an LGD district or block code no other
     * test uses).
     */
    static String code(int digits) {
        StringBuilder code = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (code.length() < digits) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.toString();
    }

    record TestUser(UUID id, String username) {
    }

    /** An active user with {@link #PASSWORD}. */
    TestUser user(String role, String level, String code, String district, String block) {
        return user(unique(role.toLowerCase()), role, level, code, district, block, "ACTIVE");
    }

    TestUser user(String username, String role, String level, String code, String district, String block,
            String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into users (id, username, email, display_name, role, jurisdiction_level, jurisdiction_code,
                                   district_code, block_code, status, password_hash, activated_at)
                values (:id, :username, :email, :name, :role, :level, :code, :district, :block, :status, :hash,
                        case when :status = 'PENDING_ACTIVATION' then null else now() end)""")
            .param("id", id)
            .param("username", username)
            .param("email", username + "@tn.gov.in")
            .param("name", "User " + username)
            .param("role", role)
            .param("level", level)
            .param("code", code)
            .param("district", district)
            .param("block", block)
            .param("status", status)
            .param("hash", "PENDING_ACTIVATION".equals(status) ? null : PASSWORD_HASH)
            .update();
        return new TestUser(id, username);
    }

    TestUser admin() {
        return user("ADMIN", "STATE", "33", null, null);
    }

    TestUser districtOfficer(String district) {
        return user("OFFICER", "DISTRICT", district, district, null);
    }

    TestUser school(String udise, String district, String block) {
        return user("SCHOOL", "SCHOOL", udise, district, block);
    }

    ResponseEntity<Map> login(String username, String password) {
        return login(username, password, null);
    }

    ResponseEntity<Map> login(String username, String password, String otp) {
        String body = otp == null ? "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)
                : "{\"username\":\"%s\",\"password\":\"%s\",\"otp\":\"%s\"}".formatted(username, password, otp);
        return post("/api/v1/auth/login", body, null);
    }

    /** Signs in and gives the access token. */
    String token(TestUser user) {
        return token(user.username(), PASSWORD);
    }

    String token(String username, String password) {
        ResponseEntity<Map> response = login(username, password);
        assertThat(response.getStatusCode().value()).as("login of " + username + ": " + response.getBody())
            .isEqualTo(200);
        return (String) response.getBody().get("accessToken");
    }

    ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), Map.class);
    }

    ResponseEntity<Map> post(String path, String json, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers(token)), Map.class);
    }

    ResponseEntity<Map> put(String path, String json, String token) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers(token)), Map.class);
    }

    static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }

    /** The first event of this type and key on the topic, waiting up to 30 s. */
    static <T extends DomainEvent> T awaitEvent(CloudEventCodec codec, String topic, String key, Class<T> type) {
        String ceType = codec.catalog().forClass(type).type();
        KafkaProbe probe = KafkaProbe.onTestBroker();
        ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = probe.readAll(topic, Duration.ofSeconds(1))
                .stream()
                .filter(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type")))
                .findFirst()
                .orElse(null);
            return found[0] != null;
        });
        CloudEvent envelope = KafkaMessageFactory.createReader(found[0]).toEvent();
        return codec.decode(envelope, type);
    }

    /** Whether an event of this type and key is on the topic (read for a few seconds). */
    static boolean hasEvent(CloudEventCodec codec, String topic, String key, Class<? extends DomainEvent> type) {
        String ceType = codec.catalog().forClass(type).type();
        return KafkaProbe.onTestBroker()
            .readAll(topic, Duration.ofSeconds(3))
            .stream()
            .anyMatch(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type")));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
    }

}
