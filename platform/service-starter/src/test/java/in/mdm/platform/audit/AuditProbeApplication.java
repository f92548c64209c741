package in.mdm.platform.audit;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service on the starter that changes a row and records the change, as a service's
 * business method does: names of probes, by UDISE code.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ AuditProbeApplication.ProbeNames.class, AuditProbeApplication.ProbeNamesController.class })
public class AuditProbeApplication {

    /** A probe's name before or after a change, as the trail keeps it. */
    record ProbeName(String udiseCode, String name) {
    }

    static class ProbeNames {

        private final JdbcClient jdbc;

        private final AuditTrail trail;

        ProbeNames(JdbcClient jdbc, AuditTrail trail) {
            this.jdbc = jdbc;
            this.trail = trail;
        }

        /**
         * Sets a probe's name and records the change; fails after recording when asked,
         * which rolls both back.
         */
        @Transactional
        public ProbeName rename(String udiseCode, String name, boolean fail) {
            Optional<ProbeName> before = jdbc.sql("select udise_code, name from probes where udise_code = ?")
                .param(udiseCode)
                .query((rs, n) -> new ProbeName(rs.getString(1), rs.getString(2)))
                .optional();
            jdbc.sql("insert into probes (udise_code, name) values (?, ?) "
                    + "on conflict (udise_code) do update set name = excluded.name")
                .params(udiseCode, name)
                .update();
            ProbeName after = new ProbeName(udiseCode, name);
            trail.record(AuditEntry.changed("probe.rename", "probe", udiseCode, before.orElse(null), after));
            if (fail) {
                throw new IllegalStateException("failure after recording");
            }
            return after;
        }

    }

    @RestController
    @RequestMapping("/probe-names")
    static class ProbeNamesController {

        private final ProbeNames names;

        ProbeNamesController(ProbeNames names) {
            this.names = names;
        }

        @PutMapping("/{udiseCode}")
        ProbeName rename(@PathVariable String udiseCode, @RequestBody Map<String, String> body) {
            return names.rename(udiseCode, body.get("name"), false);
        }

    }

}
