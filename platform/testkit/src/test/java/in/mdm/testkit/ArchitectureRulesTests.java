package in.mdm.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule on fixture classes: a small service that follows them all
 * ({@code archfixture.good}), and one class per way of breaking a rule
 * ({@code archfixture.bad}), which that rule reports.
 */
class ArchitectureRulesTests {

    static final String GOOD = "in.mdm.testkit.archfixture.good";
    static final String BAD = "in.mdm.testkit.archfixture.bad";

    static final JavaClasses good = new ClassFileImporter().importPackages(GOOD);
    static final JavaClasses bad = new ClassFileImporter().importPackages(BAD);

    @Test
    void aServiceThatFollowsTheRulesPassesEveryOne() {
        for (ArchitectureRules.NamedRule named : ArchitectureRules.all(GOOD)) {
            assertThatCode(() -> named.rule().check(good)).as(named.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void sqlOutsideARepositoryIsReported() {
        assertThatThrownBy(() -> ArchitectureRules.sqlOnlyInRepositories().check(bad))
            .hasMessageContaining("Violations$SqlInAService")
            .hasMessageContaining("javax.sql.DataSource")
            .hasMessageContaining("JdbcClient.sql(");
    }

    @Test
    void aDependencyOnAnotherServiceIsReported() {
        assertThatThrownBy(() -> ArchitectureRules.noDependencyOnOtherServices(BAD).check(bad))
            .hasMessageContaining("Violations$CallsAnotherService")
            .hasMessageContaining("in.mdm.testkit.archfixture.other.OtherService");
    }

    @Test
    void aPublicControllerIsReported() {
        assertThatThrownBy(() -> ArchitectureRules.controllersArePackagePrivate().check(bad))
            .hasMessageContaining("Violations$PublicController")
            .hasMessageNotContaining("Violations$RowsController");
    }

    @Test
    void aControllerReturningRowsIsReported() {
        assertThatThrownBy(() -> ArchitectureRules.controllersReturnNoPersistenceTypes().check(bad))
            .hasMessageContaining("Violations$RowsController.rows()")
            .hasMessageContaining("Violations$StockRow")
            .hasMessageNotContaining("PublicController");
    }

    @Test
    void injectedFieldsAndSettersAreReported() {
        assertThatThrownBy(() -> ArchitectureRules.constructorInjectionOnly().check(bad))
            .hasMessageContaining("Violations$FieldInjection.clock")
            .hasMessageContaining("Violations$FieldInjection.limit")
            .hasMessageContaining("Violations$FieldInjection.setOther");
    }

    @Test
    void aScheduledJobWithoutALockAndALockedMethodReturningAPrimitiveAreReported() {
        assertThatThrownBy(() -> ArchitectureRules.scheduledJobsAreLocked().check(bad))
            .hasMessageContaining("Violations$UnlockedJob.run()")
            .hasMessageContaining("Violations$LockedCount.count() returns int");
    }

    @Test
    void readingTheSystemClockIsReported() {
        assertThatThrownBy(() -> ArchitectureRules.timeFromTheClock().check(bad))
            .hasMessageContaining("java.time.Instant.now()")
            .hasMessageContaining("java.time.Clock.systemUTC()");
    }

}
