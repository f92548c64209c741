package in.mdm.platform.testapp;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.SchoolRegistered;

/** A minimal service built on the starter, to test the outbox as a service uses it. */
@SpringBootApplication
public class ProbeApplication {

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
            SchoolRegistered event = new SchoolRegistered(DomainEvent.newId(), Instant.now(), udise, name, "568", "6301",
                    "PRIMARY", "GOVERNMENT", "RURAL", true);
            events.publishEvent(event);
            if (failAfterPublishing) {
                throw new IllegalStateException("failure after publishing");
            }
            return event;
        }
    }
}
