package in.mdm.testkit.archfixture.bad;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.testkit.archfixture.other.OtherService;

/** One class for each way of breaking a rule. */
final class Violations {

    private Violations() {
    }

    /** SQL in a service. */
    static class SqlInAService {

        private final JdbcClient jdbc;

        SqlInAService(DataSource dataSource) {
            this.jdbc = JdbcClient.create(dataSource);
        }

        int one() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }

    }

    /** Another service's code. */
    static class CallsAnotherService {

        int answer() {
            return new OtherService().answer();
        }

    }

    record StockRow(String udiseCode) {
    }

    /** A public controller. */
    @RestController
    public static class PublicController {

        @GetMapping("/public")
        String hello() {
            return "hello";
        }

    }

    /** A controller answering with rows. */
    @RestController
    static class RowsController {

        @GetMapping("/rows")
        List<StockRow> rows() {
            return List.of();
        }

    }

    /** Injected fields and setters. */
    static class FieldInjection {

        @Autowired
        Clock clock;

        @Value("${mdm.limit:10}")
        int limit;

        private Clock other;

        @Autowired
        void setOther(Clock other) {
            this.other = other;
        }

    }

    /** A job every replica runs. */
    static class UnlockedJob {

        @Scheduled(fixedDelay = 1000)
        void run() {
        }

    }

    /** A lock ShedLock refuses when the method is called. */
    static class LockedCount {

        @Scheduled(fixedDelay = 1000)
        @SchedulerLock(name = "count", lockAtMostFor = "PT1M")
        int count() {
            return 1;
        }

    }

    /** Time from the system clock. */
    static class SystemTime {

        Instant now() {
            return Instant.now();
        }

        LocalDate today() {
            return LocalDate.now(Clock.systemUTC());
        }

    }

}
