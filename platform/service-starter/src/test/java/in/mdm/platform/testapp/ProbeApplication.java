package in.mdm.platform.testapp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.platform.events.EventBatches;

/** A minimal service built on the starter, to test the outbox as a service uses it. */
@SpringBootApplication
public class ProbeApplication {

    /**
     * Endpoints to test the platform's security with: who am I, an ADMIN route, a
     * jurisdiction check, an open path.
     */
    @RestController
    @RequestMapping("/probe")
    static class ProbeController {

        @GetMapping("/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of("username", caller.username(), "roles", caller.roles(), "level",
                    String.valueOf(caller.level()), "code",
                    caller.jurisdiction() == null ? "" : caller.jurisdiction().code(), "scopes", caller.scopes());
        }

        @GetMapping("/admin")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, Object> adminOnly() {
            return Map.of("ok", true);
        }

        @GetMapping("/treasury")
        @PreAuthorize("hasAuthority('SCOPE_finance:treasury-callback')")
        Map<String, Object> treasuryOnly() {
            return Map.of("ok", true);
        }

        /** A school of district 568, block 6301. */
        @GetMapping("/schools/{udise}")
        Map<String, Object> school(@PathVariable String udise, Caller caller) {
            if (!caller.covers("568", "6301", udise)) {
                throw ApiException.notFound("school.not-found", "No school " + udise);
            }
            return Map.of("udiseCode", udise);
        }

        /** A long list, as a page of schools is. */
        @GetMapping("/listing")
        java.util.List<Map<String, Object>> listing() {
            return java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> Map.<String, Object>of("udiseCode", "330101%05d".formatted(i), "name",
                        "Government Primary School number " + i))
                .toList();
        }

        @PostMapping("/open")
        Map<String, Object> open() {
            return Map.of("open", true);
        }

    }

    /**
     * Writes a row and publishes many single events in one transaction, as a batch of
     * meal reports does.
     */
    @RestController
    @RequestMapping("/probe/burst")
    static class BurstController {

        private final BurstService burst;

        BurstController(BurstService burst) {
            this.burst = burst;
        }

        @PostMapping("/{prefix}/{count}")
        Map<String, Object> publish(@PathVariable String prefix, @PathVariable int count) {
            return Map.of("published", burst.publish(prefix, count));
        }

    }

    @Service
    public static class BurstService {

        private final JdbcClient jdbc;

        private final ApplicationEventPublisher events;

        BurstService(JdbcClient jdbc, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        /**
         * Publishes {@code count} SchoolRegistered events, UDISE codes {@code prefix} + a
         * 4-digit number.
         */
        @Transactional
        public int publish(String prefix, int count) {
            jdbc.sql("insert into probes (udise_code, name) values (?, ?)").params(prefix + "0000", "burst").update();
            for (int i = 0; i < count; i++) {
                events.publishEvent(
                        new SchoolRegistered(DomainEvent.newId(), Instant.now(), prefix + String.format("%04d", i),
                                "Burst " + i, "568", "6301", "PRIMARY", "GOVERNMENT", "RURAL", true));
            }
            return count;
        }

    }

    @Service
    public static class ProbeService {

        private final JdbcClient jdbc;

        private final ApplicationEventPublisher events;

        ProbeService(JdbcClient jdbc, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public SchoolRegistered register(String udise, String name, boolean failAfterPublishing) {
            jdbc.sql("insert into probes (udise_code, name) values (?, ?)").params(udise, name).update();
            SchoolRegistered event = new SchoolRegistered(DomainEvent.newId(), Instant.now(), udise, name, "568",
                    "6301", "PRIMARY", "GOVERNMENT", "RURAL", true);
            events.publishEvent(event);
            if (failAfterPublishing) {
                throw new IllegalStateException("failure after publishing");
            }
            return event;
        }

    }

    /** Publishes many events at once, as a bulk import does. */
    @Service
    public static class BatchProbeService {

        private final JdbcClient jdbc;

        private final EventBatches batches;

        private final ApplicationEventPublisher events;

        BatchProbeService(JdbcClient jdbc, EventBatches batches, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.batches = batches;
            this.events = events;
        }

        /**
         * Records a probe row and publishes the events in batches; returns how many
         * outbox entries the transaction holds whose text contains {@code marker},
         * counted before it commits and anything is sent.
         */
        @Transactional
        public long publish(String probeCode, List<? extends DomainEvent> published, String marker,
                boolean failAfterPublishing) {
            jdbc.sql("insert into probes (udise_code, name) values (?, ?)").params(probeCode, "batch").update();
            batches.publish(published);
            long entries = jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + marker + "%")
                .query(Long.class)
                .single();
            if (failAfterPublishing) {
                throw new IllegalStateException("failure after publishing");
            }
            return entries;
        }

        /** Publishes one event the ordinary way. */
        @Transactional
        public void publishOne(DomainEvent event) {
            events.publishEvent(event);
        }

    }

}
