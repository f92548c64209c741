package in.mdm.testkit;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.DynamicTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The architecture rules every service holds, written once. A service applies all of them
 * to its own main classes with a test of a few lines:
 *
 * <pre>{@code
 * class ArchitectureTests {
 *     &#64;TestFactory
 *     Stream<DynamicTest> platformRules() {
 *         return ArchitectureRules.check(SchoolServiceApplication.class);
 *     }
 * }
 * }</pre>
 *
 * The service's package is the application class's package ({@code in.mdm.school}); its
 * main classes are imported from the module's compiled classes (not its tests, not jars),
 * so the platform's own infrastructure (outbox, inbox, paged queries) is outside every
 * rule.
 */
public final class ArchitectureRules {

    /**
     * Besides its own package, the only code of ours a service may use: the platform and
     * the event contract.
     */
    private static final String[] SHARED = { "in.mdm.platform..", "in.mdm.events.." };

    /** Direct database access: JDBC and the platform's SQL helpers. */
    static final DescribedPredicate<JavaClass> DATABASE_ACCESS = resideInAnyPackage("org.springframework.jdbc..",
            "javax.sql..", "java.sql..", "org.postgresql..", "in.mdm.platform.jdbc..")
        .as("JDBC types (JdbcClient, JdbcTemplate, DataSource, java.sql, PostgreSQL driver, the platform's PagedQuery)");

    private static final String SCHEDULER_LOCK = "net.javacrumbs.shedlock.spring.annotation.SchedulerLock";

    private static final Set<String> DATE_TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    private ArchitectureRules() {
    }

    /** A rule and the short name its test is shown with. */
    public record NamedRule(String name, ArchRule rule) {
    }

    /**
     * One dynamic test per rule, on the main classes of the application class's package.
     */
    public static Stream<DynamicTest> check(Class<?> applicationClass) {
        String servicePackage = applicationClass.getPackageName();
        JavaClasses classes = mainClasses(servicePackage);
        if (!classes.contain(applicationClass)) {
            throw new IllegalStateException("The main classes of " + servicePackage + " were not found");
        }
        return all(servicePackage).stream()
            .map(named -> DynamicTest.dynamicTest(named.name(), () -> named.rule().check(classes)));
    }

    /**
     * The main classes (no tests, nothing from jars) of a package and its subpackages.
     */
    public static JavaClasses mainClasses(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(servicePackage);
    }

    /**
     * Every rule, for the service whose classes live in {@code servicePackage} (e.g.
     * {@code in.mdm.school}).
     */
    public static List<NamedRule> all(String servicePackage) {
        return List.of(new NamedRule("SQL only in repositories", sqlOnlyInRepositories()),
                new NamedRule("no dependency on another service", noDependencyOnOtherServices(servicePackage)),
                new NamedRule("controllers are package-private", controllersArePackagePrivate()),
                new NamedRule("controllers return no persistence types", controllersReturnNoPersistenceTypes()),
                new NamedRule("constructor injection only", constructorInjectionOnly()),
                new NamedRule("scheduled jobs run once across replicas", scheduledJobsAreLocked()),
                new NamedRule("time from the Clock bean", timeFromTheClock()));
    }

    /**
     * Only repositories talk to the database: a class named {@code *Repository} (and the
     * classes nested in one) may depend on JDBC types; so may a Flyway Java migration.
     * Services, controllers and listeners call repositories.
     */
    public static ArchRule sqlOnlyInRepositories() {
        return noClasses()
            .that(DescribedPredicate.not(REPOSITORY_OR_NESTED).and(DescribedPredicate.not(FLYWAY_MIGRATION)))
            .should()
            .dependOnClassesThat(DATABASE_ACCESS)
            .as("only repositories (*Repository and the classes nested in them) and Flyway Java migrations depend on "
                    + DATABASE_ACCESS.getDescription())
            .because("SQL lives in *Repository classes only; services call repositories")
            .allowEmptyShould(true);
    }

    /**
     * A service uses its own package, the platform ({@code in.mdm.platform}) and the
     * event contract ({@code in.mdm.events}), and no other code of ours: never another
     * service, a tool or the test kit.
     */
    public static ArchRule noDependencyOnOtherServices(String servicePackage) {
        DescribedPredicate<JavaClass> ours = resideInAPackage("in.mdm..");
        DescribedPredicate<JavaClass> allowed = resideInAPackage(servicePackage + "..").or(resideInAnyPackage(SHARED));
        return noClasses().that()
            .resideInAPackage(servicePackage + "..")
            .should()
            .dependOnClassesThat(ours.and(DescribedPredicate.not(allowed)))
            .as("classes of " + servicePackage + " depend on no code of ours but their own, in.mdm.platform and "
                    + "in.mdm.events")
            .because("services share only the platform and the event contract; they talk by events and HTTP")
            .allowEmptyShould(true);
    }

    /**
     * Controllers are not part of any API: package-private, like the rest of a feature
     * package's web layer.
     */
    public static ArchRule controllersArePackagePrivate() {
        return classes().that(CONTROLLER)
            .should()
            .bePackagePrivate()
            .as("controllers (@Controller, @RestController) are package-private")
            .because("a controller is reached over HTTP only")
            .allowEmptyShould(true);
    }

    /**
     * No method of a controller returns a persistence type, not even inside a generic
     * type ({@code List<FooRow>}, {@code PageResponse<...>},
     * {@code ResponseEntity<...>}): see {@link #PERSISTENCE_TYPE} for what counts.
     */
    public static ArchRule controllersReturnNoPersistenceTypes() {
        return methods().that()
            .areDeclaredInClassesThat(CONTROLLER)
            .should(notReturn(PERSISTENCE_TYPE))
            .as("no method of a controller returns " + PERSISTENCE_TYPE.getDescription())
            .because("a controller answers with *Response records, never with what a repository reads")
            .allowEmptyShould(true);
    }

    /**
     * Dependencies come through constructors: no injected fields or setters, no
     * {@code @Value} fields.
     */
    public static ArchRule constructorInjectionOnly() {
        ArchRule fields = noFields().should()
            .beAnnotatedWith(Autowired.class)
            .orShould()
            .beAnnotatedWith("jakarta.inject.Inject")
            .orShould()
            .beAnnotatedWith("jakarta.annotation.Resource")
            .orShould()
            .beAnnotatedWith(Value.class)
            .allowEmptyShould(true);
        ArchRule setters = noMethods().should()
            .beAnnotatedWith(Autowired.class)
            .orShould()
            .beAnnotatedWith("jakarta.inject.Inject")
            .orShould()
            .beAnnotatedWith("jakarta.annotation.Resource")
            .allowEmptyShould(true);
        return CompositeArchRule.of(fields)
            .and(setters)
            .as("constructor injection only: no @Autowired, @Inject or @Resource fields or methods, no @Value fields")
            .because("constructor injection keeps dependencies explicit and the class testable without Spring")
            .allowEmptyShould(true);
    }

    /**
     * Every {@code @Scheduled} method also holds a ShedLock {@code @SchedulerLock} (the
     * starter provides the lock provider), so that a job runs on one replica at a time;
     * and no locked method returns a primitive, which ShedLock refuses when the method is
     * called.
     */
    public static ArchRule scheduledJobsAreLocked() {
        ArchRule locked = methods().that()
            .areAnnotatedWith(Scheduled.class)
            .or()
            .areAnnotatedWith(Schedules.class)
            .should()
            .beAnnotatedWith(SCHEDULER_LOCK)
            .allowEmptyShould(true);
        ArchRule lockable = methods().that()
            .areAnnotatedWith(SCHEDULER_LOCK)
            .should(notReturn(PRIMITIVE))
            .allowEmptyShould(true);
        return CompositeArchRule.of(locked)
            .and(lockable)
            .as("every @Scheduled method is also annotated @SchedulerLock, and no @SchedulerLock method returns a "
                    + "primitive")
            .because("every replica runs the schedule; the lock lets one of them do the job")
            .allowEmptyShould(true);
    }

    /**
     * The time comes from the one {@code Clock} bean: no {@code Clock.systemUTC()},
     * {@code Clock.systemDefaultZone()} or {@code Clock.system(zone)}, no {@code now()}
     * of a {@code java.time} type without a clock, no {@code System.currentTimeMillis()}.
     * ({@code System.nanoTime()} for durations is fine.)
     */
    public static ArchRule timeFromTheClock() {
        return noClasses().should()
            .accessTargetWhere(READS_SYSTEM_CLOCK)
            .as("no class should " + READS_SYSTEM_CLOCK.getDescription())
            .because("tests and replicas agree on the time only if it comes from the Clock bean")
            .allowEmptyShould(true);
    }

    /**
     * A class named {@code *Repository}, or a class nested in one (its rows, its
     * mappers).
     */
    static final DescribedPredicate<JavaClass> REPOSITORY_OR_NESTED = DescribedPredicate.describe(
            "repositories (*Repository and the classes nested in them)",
            type -> topLevel(type).getSimpleName().endsWith("Repository"));

    private static final DescribedPredicate<JavaClass> FLYWAY_MIGRATION = assignableTo(
            "org.flywaydb.core.api.migration.JavaMigration")
        .as("Flyway Java migrations");

    private static final DescribedPredicate<JavaClass> CONTROLLER = DescribedPredicate.describe(
            "controllers (@Controller, @RestController)",
            type -> type.isAnnotatedWith(Controller.class) || type.isMetaAnnotatedWith(Controller.class));

    /**
     * What a controller never answers with: a repository or a class nested in one, a
     * class of ours whose simple name ends in {@code Row} or {@code Entity} (Spring's
     * {@code ResponseEntity} is fine), a class annotated {@code @Table} (Spring Data) or
     * {@code @Entity}/{@code @Table} (JPA), and the types of {@code java.sql},
     * {@code javax.sql} and Spring's JDBC support.
     */
    static final DescribedPredicate<JavaClass> PERSISTENCE_TYPE = DescribedPredicate.describe(
            "a persistence type (a *Repository or a class nested in one, *Row, *Entity, @Table, @Entity, java.sql, "
                    + "javax.sql, org.springframework.jdbc)",
            type -> {
                JavaClass raw = type.getBaseComponentType();
                String simpleName = raw.getSimpleName();
                boolean ours = raw.getPackageName().startsWith("in.mdm.");
                return REPOSITORY_OR_NESTED.test(raw)
                        || (ours && (simpleName.endsWith("Row") || simpleName.endsWith("Entity")))
                        || raw.isAnnotatedWith("org.springframework.data.relational.core.mapping.Table")
                        || raw.isAnnotatedWith("jakarta.persistence.Entity")
                        || raw.isAnnotatedWith("jakarta.persistence.Table") || DATABASE_ACCESS.test(raw);
            });

    private static final DescribedPredicate<JavaClass> PRIMITIVE = DescribedPredicate.describe(
            "a primitive (a locked method returns void or an object)",
            type -> type.isPrimitive() && !type.getName().equals("void"));

    private static final DescribedPredicate<JavaAccess<?>> READS_SYSTEM_CLOCK = DescribedPredicate.describe(
            "read the system clock (Clock.systemUTC(), Clock.systemDefaultZone(), Clock.system(zone), Instant.now(), "
                    + "LocalDate.now(), ... without a Clock, System.currentTimeMillis())",
            access -> {
                if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                    return false;
                }
                String owner = target.getOwner().getName();
                String name = target.getName();
                List<JavaClass> parameters = target.getRawParameterTypes();
                if (owner.equals("java.time.Clock")) {
                    return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
                }
                if (DATE_TIME_TYPES.contains(owner) && name.equals("now")) {
                    return parameters.isEmpty() || !parameters.get(0).getName().equals("java.time.Clock");
                }
                return owner.equals("java.lang.System") && name.equals("currentTimeMillis");
            });

    private static ArchCondition<JavaMethod> notReturn(DescribedPredicate<JavaClass> forbidden) {
        return new ArchCondition<>("not return " + forbidden.getDescription()) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    return;
                }
                for (JavaClass involved : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (forbidden.test(involved)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns " + method.getReturnType().getName()
                                        + ", which involves " + involved.getName() + " in "
                                        + method.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass current = type.getBaseComponentType();
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

}
