package in.mdm.systemtests;

import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.INDIA;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.JSON;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.activate;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.consumed;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.get;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.historyThatPutsRiskNearTheEdge;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.json;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.login;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.register;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.send;
import static in.mdm.systemtests.AlertsAndNotificationsSystemTests.todaysReportWithoutAMeal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import in.mdm.launcher.Suite;
import in.mdm.systemtests.AlertsAndNotificationsSystemTests.Person;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost or doubled when services, the broker or the database die mid-day: a day of
 * meal reports of a district's schools (10,000 by default, {@code -Dmdm.chaos.schools}
 * for the long form) flows through the gateway from a client that sends a batch again
 * until it is answered, as a headmaster's phone does, while school-service, ml-service,
 * alert-service and notification-service are killed (SIGKILL) and started again in turn,
 * then the Kafka broker and PostgreSQL crash and come back. Then it counts, in the
 * services' own tables and in what the mail and SMS sinks received: every acknowledged
 * report stored once and consumed once by each consumer, one open CRITICAL alert per
 * school whose risk crossed 70, one e-mail and one SMS per alert and official, no outbox
 * row left, no dead letter, and the time from the last restart until every consumer had
 * caught up. The counts are printed as a table.
 *
 * <p>
 * The schools are Thanjavur's (district 586), which no other class of the suite uses.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class ChaosSystemTests {

    static final String DISTRICT = "586";

    static final List<String> BLOCKS = IntStream.rangeClosed(6320, 6333).mapToObj(Integer::toString).toList();

    static final int SCHOOLS = Integer.getInteger("mdm.chaos.schools", 10_000);

    /** Reports per request: a block's morning. */
    static final int BATCH = 100;

    /**
     * How long the day's reports take to send when nothing fails, whatever their number:
     * about as long as the crashes take, so that reports flow through every one.
     */
    static final Duration DAY = Duration.ofSeconds(90);

    /** Schools whose history puts them at the edge: today's report takes them over 70. */
    static final int RISKY = 3;

    static final Duration RECOVERY = Duration.ofSeconds(30);

    /**
     * How long the broker and the database stay down once killed
     * ({@code -Dmdm.chaos.outage-seconds}): long enough that sends, completions and
     * consumers' transactions fail while they are away, not only the connections open at
     * the kill.
     */
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("mdm.chaos.outage-seconds", 5));

    /** Each consumer of DailyMealReported with the schema it keeps its inbox in. */
    static final Map<String, String> REPORT_CONSUMERS = Map.of("finance.daily-meals", "finance", "ml.meals", "ml");

    static final List<String> SCHEMAS = List.of("auth", "school", "finance", "ml", "alert", "notification",
            "optimization", "report");

    static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    static Suite suite;

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            RunningSuite.printLogs(List.of("gateway", "school-service", "finance-service", "ml-service",
                    "alert-service", "notification-service"), 30);
        }
    };

    @Test
    void aDayOfReportsThroughCrashesOfFourServicesTheBrokerAndTheDatabaseIsCountedOnceEverywhere() throws Exception {
        suite = RunningSuite.suite();
        AlertsAndNotificationsSystemTests.signIn();
        String admin = AlertsAndNotificationsSystemTests.adminToken;
        LocalDate today = LocalDate.now(INDIA);

        List<String> schools = importSchools(admin);
        Person deo = new Person("deo.thanjavur", "+919840000101", "en", "OFFICER", "DISTRICT", DISTRICT, DISTRICT,
                null);
        double activatedBefore = consumed("notification-service",
                line -> line.contains("consumer=\"notification.users\"") && line.contains("UserActivated")
                        && line.contains("outcome=\"applied\""));
        register(deo);
        activate(deo);
        await("notification-service knows the district officer as active").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> consumed("notification-service", line -> line.contains("consumer=\"notification.users\"")
                    && line.contains("UserActivated") && line.contains("outcome=\"applied\"")) >= activatedBefore + 1);
        List<String> risky = schools.subList(0, RISKY);
        for (String udise : risky) {
            historyThatPutsRiskNearTheEdge(udise, DISTRICT, admin);
        }

        List<Report> reports = new ArrayList<>();
        Random random = new Random(586);
        for (String udise : schools) {
            UUID id = UUID.nameUUIDFromBytes(("chaos:" + udise + ":" + today).getBytes(StandardCharsets.UTF_8));
            if (risky.contains(udise)) {
                reports.add(new Report(id, udise, 0, todaysReportWithoutAMeal(udise, id.toString())));
            }
            else {
                int primary = 40 + random.nextInt(80);
                int upper = random.nextInt(50);
                int meals = primary + upper - random.nextInt(3);
                reports.add(new Report(id, udise, meals, """
                        {"udiseCode":"%s","date":"%s","attendancePrimary":%d,"attendanceUpperPrimary":%d,\
                        "mealsServed":%d,"clientReportId":"%s"}""".formatted(udise, today, primary, upper, meals, id)));
            }
        }
        Collections.shuffle(reports, random);

        Map<String, Long> deadLettersBefore = deadLetters();
        OffsetDateTime start = databaseNow();
        Flow flow = new Flow(reports, admin);
        Thread sender = Thread.ofPlatform().name("chaos-flow").start(flow);

        // each crash waits for its share of the day to have been answered, so that
        // reports
        // flow before, during and after every one of them
        List<Crash> crashes = List.of(new Crash("school-service", () -> crashService("school-service")),
                new Crash("ml-service", () -> crashService("ml-service")),
                new Crash("alert-service", () -> crashService("alert-service")),
                new Crash("notification-service", () -> crashService("notification-service")),
                new Crash("Kafka broker", () -> suite.crashAndRestartKafka(OUTAGE)),
                new Crash("PostgreSQL", () -> suite.crashAndRestartPostgres(OUTAGE)));
        Map<String, Double> restartSeconds = new LinkedHashMap<>();
        long lastRestart = 0;
        for (int i = 0; i < crashes.size(); i++) {
            int share = flow.batches.size() * (i + 1) / (crashes.size() + 1);
            await("the flow reaches batch " + share).atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> flow.answered.get() >= share || flow.failure != null);
            assertThat(flow.failure).as("the flow").isNull();
            Crash crash = crashes.get(i);
            long crashed = System.nanoTime();
            System.out.printf("[chaos] batch %d of %d answered: crashing %s%n", flow.answered.get(),
                    flow.batches.size(), crash.what());
            crash.action().run();
            lastRestart = System.nanoTime();
            restartSeconds.put(crash.what(), (lastRestart - crashed) / 1e9);
            System.out.printf("[chaos] %s back in %.1f s%n", crash.what(), restartSeconds.get(crash.what()));
        }
        sender.join(Duration.ofMinutes(10).toMillis());
        assertThat(sender.isAlive()).as("the flow ended").isFalse();
        assertThat(flow.failure).as("the flow").isNull();
        assertThat(flow.acknowledged).as("reports acknowledged").hasSize(reports.size());

        // every consumer catches up: each count reaches what was acknowledged
        long restarted = lastRestart;
        String[] lastProgress = { "" };
        // what each count was after the last restart, whenever one changed: the failure
        // message
        // names the consumer or outbox that was late
        List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        try {
            await("every consumer catches up").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Counts now = counts(today, start, deo);
                    String line = now.progress();
                    if (!line.equals(lastProgress[0])) {
                        lastProgress[0] = line;
                        String entry = "+%.1f s after the last restart: %s"
                            .formatted((System.nanoTime() - restarted) / 1e9, line);
                        timeline.add(entry);
                        System.out.println("[chaos] " + entry);
                    }
                    return now;
                }, found -> found.caughtUp(reports.size()));
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            throw new AssertionError(
                    "not every consumer caught up; the counts after the last restart:\n" + String.join("\n", timeline),
                    ex);
        }
        double recovery = (System.nanoTime() - lastRestart) / 1e9;
        // what a late duplicate would add has time to arrive
        Thread.sleep(8000);
        Counts last = counts(today, start, deo);
        Map<String, Long> deadLettersAfter = deadLetters();
        List<MessagesOfAlert> messages = messagesOf(last.criticalAlerts(), deo);

        long sentMeals = reports.stream().mapToLong(Report::meals).sum();
        Map<String, String> table = new LinkedHashMap<>();
        table.put("reports sent (schools of Thanjavur)", Integer.toString(reports.size()));
        table.put("batches / requests / answers by status",
                flow.batches.size() + " / " + flow.requests.get() + " / " + flow.statuses + " (0: no answer)");
        table.put("reports acknowledged (CREATED + DUPLICATE)", Integer.toString(flow.acknowledged.size()));
        table.put("stored in school-service (today)", Long.toString(last.stored()));
        table.put("stored twice", Long.toString(last.storedTwice()));
        table.put("finance.daily-meals inbox (DailyMealReported since the start)",
                Long.toString(last.inbox().get("finance.daily-meals")));
        table.put("ml.meals inbox (DailyMealReported since the start)", Long.toString(last.inbox().get("ml.meals")));
        table.put("finance daily_meals rows / meals (sent " + sentMeals + ")",
                last.financeRows() + " / " + last.financeMeals());
        table.put("ml risk scores for today", Long.toString(last.scored()));
        table.put("schools at risk >= 70 / with one open CRITICAL risk alert", last.atRisk().size() + " / "
                + last.criticalAlerts().values().stream().filter(alerts -> alerts.size() == 1).count());
        table.put("open CRITICAL risk alerts in all",
                Long.toString(last.criticalAlerts().values().stream().mapToLong(List::size).sum()));
        table.put("the district officer's e-mails / SMS / in-app, per alert",
                messages.stream().map(m -> m.mails() + "/" + m.sms() + "/" + m.notifications()).toList().toString());
        table.put("outbox rows not sent, by schema", last.unsent().toString());
        table.put("dead letters added, by topic", added(deadLettersBefore, deadLettersAfter).toString());
        restartSeconds.forEach(
                (what, seconds) -> table.put("crash and restart of " + what + " (s)", String.format("%.1f", seconds)));
        table.put("recovery after the last restart (s)", String.format("%.1f", recovery));
        System.out.println("[chaos] the counts");
        table.forEach((what, value) -> System.out.printf("[chaos] | %-70s | %s%n", what, value));

        assertThat(flow.statuses.keySet()).as("answers to the flow's requests (0: none)")
            .allSatisfy(status -> assertThat(status).isIn(0, 200, 502, 503, 504));
        assertThat(last.stored()).as("reports stored").isEqualTo(reports.size());
        assertThat(last.storedTwice()).as("reports stored twice").isZero();
        for (String consumer : REPORT_CONSUMERS.keySet()) {
            assertThat(last.inbox().get(consumer)).as("DailyMealReported consumed by " + consumer)
                .isEqualTo(reports.size());
        }
        assertThat(last.financeRows()).as("finance's days of meals").isEqualTo(reports.size());
        assertThat(last.financeMeals()).as("finance's meals").isEqualTo(sentMeals);
        assertThat(last.scored()).as("schools scored for today").isEqualTo(reports.size());
        assertThat(last.atRisk()).as("schools at risk >= 70").containsAll(risky);
        assertThat(last.criticalAlerts().keySet()).as("schools with an open CRITICAL risk alert")
            .containsExactlyInAnyOrderElementsOf(last.atRisk());
        assertThat(last.criticalAlerts()).as("open CRITICAL risk alerts by school")
            .allSatisfy((udise, alerts) -> assertThat(alerts).as(udise).hasSize(1));
        assertThat(messages).as("messages per alert to the district officer")
            .allSatisfy(m -> assertThat(List.of(m.mails(), m.sms(), m.notifications())).as(m.alertId())
                .containsExactly(1, 1, 1));
        assertThat(last.unsent()).as("outbox rows not sent").allSatisfy((schema, rows) -> assertThat(rows).isZero());
        assertThat(added(deadLettersBefore, deadLettersAfter)).as("dead letters added").isEmpty();
        assertThat(recovery)
            .as("seconds from the last restart until every consumer caught up; the counts meanwhile:%n%s",
                    String.join("\n", timeline))
            .isLessThanOrEqualTo(RECOVERY.toSeconds());
    }

    // ---------------------------------------------------------------- the crashes

    record Crash(String what, Runnable action) {
    }

    static void crashService(String service) {
        suite.kill(service);
        suite.restart(service);
    }

    // ---------------------------------------------------------------- the flow

    record Report(UUID id, String udise, int meals, String json) {
    }

    /**
     * A client that sends each batch until it is answered with its results, as a
     * headmaster's phone or an aggregator does: no answer, a 503 or a 502 is sent again
     * after a second, with the same client report ids.
     */
    static final class Flow implements Runnable {

        final List<List<Report>> batches = new ArrayList<>();

        final AtomicInteger answered = new AtomicInteger();

        final AtomicInteger requests = new AtomicInteger();

        final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();

        final Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());

        volatile Throwable failure;

        private final long pause;

        private volatile String token;

        Flow(List<Report> reports, String token) {
            for (int from = 0; from < reports.size(); from += BATCH) {
                this.batches.add(reports.subList(from, Math.min(reports.size(), from + BATCH)));
            }
            this.token = token;
            this.pause = DAY.toMillis() / batches.size();
        }

        @Override
        public void run() {
            try {
                for (List<Report> batch : batches) {
                    String body = "{\"reports\":[" + String.join(",", batch.stream().map(Report::json).toList()) + "]}";
                    while (!sent(batch, body)) {
                        Thread.sleep(1000);
                    }
                    answered.incrementAndGet();
                    // a district's morning, spread over the crashes
                    Thread.sleep(pause);
                }
            }
            catch (Throwable ex) {
                failure = ex;
            }
        }

        private boolean sent(List<Report> batch, String body) throws InterruptedException {
            requests.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = HTTP
                    .send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/meals/reports/batch"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                statuses.merge(0, 1, Integer::sum);
                return false;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 401) {
                token = login(suite.adminPassword().username(), suite.adminPassword().value());
                return false;
            }
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode results = JSON.readTree(response.body()).path("results");
            assertThat(results.size()).as("results of a batch of " + batch.size()).isEqualTo(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                String status = results.get(i).path("status").asString();
                assertThat(status).as("report of " + batch.get(i).udise() + ": " + results.get(i))
                    .isIn("CREATED", "DUPLICATE");
                acknowledged.add(batch.get(i).id());
            }
            return true;
        }

    }

    // ---------------------------------------------------------------- the counts

    record Counts(long stored, long storedTwice, Map<String, Long> inbox, long financeRows, long financeMeals,
            long scored, List<String> atRisk, Map<String, List<String>> criticalAlerts, Map<String, Long> unsent,
            Map<String, String> unsentByStatus, long undelivered) {

        String progress() {
            return "stored " + stored + ", inbox " + inbox + ", finance " + financeRows + ", scored " + scored
                    + ", at risk " + atRisk.size() + ", alerted " + criticalAlerts.size() + ", unsent " + unsent
                    + (unsentByStatus.isEmpty() ? "" : " " + unsentByStatus) + ", undelivered " + undelivered;
        }

        boolean caughtUp(int reports) {
            return stored == reports && inbox.values().stream().allMatch(count -> count == reports)
                    && financeRows == reports && scored == reports && criticalAlerts.keySet().containsAll(atRisk)
                    && unsent.values().stream().allMatch(rows -> rows == 0) && undelivered == 0;
        }

    }

    static Counts counts(LocalDate today, OffsetDateTime start, Person deo) throws SQLException {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword())) {
            long stored = count(db,
                    "select count(*) from school.meal_reports where udise_code like '3318%' " + "and report_date = ?",
                    today);
            long storedTwice = count(db, "select count(*) - count(distinct (udise_code, report_date)) "
                    + "from school.meal_reports where udise_code like '3318%' and report_date = ?", today);
            Map<String, Long> inbox = new TreeMap<>();
            for (Map.Entry<String, String> consumer : REPORT_CONSUMERS.entrySet()) {
                inbox.put(consumer.getKey(), count(db, "select count(*) from " + consumer.getValue()
                        + ".processed_events "
                        + "where consumer = ? and event_type like '%.DailyMealReported.%' and processed_at >= ?",
                        consumer.getKey(), start));
            }
            long financeRows = count(db,
                    "select count(*) from finance.daily_meals where udise_code like '3318%' " + "and served_on = ?",
                    today);
            long financeMeals = count(db, "select coalesce(sum(meals_primary + meals_upper_primary), 0) "
                    + "from finance.daily_meals where udise_code like '3318%' and served_on = ?", today);
            long scored = count(db,
                    "select count(*) from ml.risk_scores where udise_code like '3318%' " + "and for_date = ?", today);
            List<String> atRisk = strings(db, "select udise_code from ml.risk_scores where udise_code like '3318%' "
                    + "and for_date = ? and score >= 70 order by 1", today);
            Map<String, List<String>> critical = new TreeMap<>();
            try (PreparedStatement query = db.prepareStatement("select udise_code, id::text from alert.alerts "
                    + "where udise_code like '3318%' and rule_code = 'risk.critical' and status = 'OPEN'")) {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        critical.computeIfAbsent(rows.getString(1).trim(), key -> new ArrayList<>())
                            .add(rows.getString(2));
                    }
                }
            }
            Map<String, Long> unsent = new TreeMap<>();
            Map<String, String> unsentByStatus = new TreeMap<>();
            for (String schema : SCHEMAS) {
                unsent.put(schema, count(db,
                        "select count(*) from " + schema + ".event_publication where completion_date is null"));
                if (unsent.get(schema) > 0) {
                    unsentByStatus.put(schema,
                            strings(db, "select coalesce(status, 'none') || ' ' || count(*) from " + schema
                                    + ".event_publication where completion_date is null group by status order by 1")
                                .toString());
                }
            }
            long undelivered = count(db,
                    "select count(*) from notification.deliveries d "
                            + "join notification.notifications n on n.id = d.notification_id "
                            + "where n.username = ? and d.status in ('PENDING', 'SENDING')",
                    deo.username());
            return new Counts(stored, storedTwice, inbox, financeRows, financeMeals, scored, atRisk, critical, unsent,
                    unsentByStatus, undelivered);
        }
    }

    record MessagesOfAlert(String alertId, int mails, int sms, int notifications) {
    }

    /**
     * What the district officer received about each alert: e-mails the SMTP sink got for
     * its notification, SMS the SMS sink got for its delivery, and in-app notifications
     * naming it.
     */
    static List<MessagesOfAlert> messagesOf(Map<String, List<String>> alerts, Person deo) throws SQLException {
        List<MessagesOfAlert> found = new ArrayList<>();
        MimeMessage[] mails = suite.messageSink().mails();
        List<Map<String, String>> sms = suite.messageSink().sms();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword())) {
            for (String alertId : alerts.values().stream().flatMap(List::stream).toList()) {
                List<String> notifications = strings(db,
                        "select id::text from notification.notifications where username = ? and subject_ref = ?",
                        deo.username(), "alert:" + alertId);
                List<String> smsDeliveries = notifications.isEmpty() ? List.of()
                        : strings(db, "select id::text from notification.deliveries where notification_id::text = ? "
                                + "and channel = 'SMS'", notifications.getFirst());
                int mailCount = 0;
                for (MimeMessage mail : mails) {
                    if (notifications.contains(header(mail, "X-MDM-Notification"))) {
                        mailCount++;
                    }
                }
                int smsCount = (int) sms.stream().filter(text -> smsDeliveries.contains(text.get("reference"))).count();
                found.add(new MessagesOfAlert(alertId, mailCount, smsCount, notifications.size()));
            }
        }
        return found;
    }

    static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        }
        catch (MessagingException ex) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the schools

    /**
     * Registers the district's schools through the UDISE import (one CSV, as the state's
     * UDISE+ extract comes) and returns their codes, {@code 3318} then the block's number
     * and a serial.
     */
    static List<String> importSchools(String admin) {
        StringBuilder csv = new StringBuilder(
                "udise_code,school_name,district_code,block_code,category,management,rural_urban,"
                        + "enrollment_primary,enrollment_upper_primary\n");
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            int block = i % BLOCKS.size();
            String udise = "3318%02d%05d".formatted(block + 1, i / BLOCKS.size() + 1);
            schools.add(udise);
            csv.append(udise)
                .append(",PUPS Thanjavur ")
                .append(i + 1)
                .append(',')
                .append(DISTRICT)
                .append(',')
                .append(BLOCKS.get(block))
                .append(",PRIMARY,GOVERNMENT,RURAL,120,50\n");
        }
        HttpResponse<String> accepted = send(HttpRequest
            .newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/schools/import?academicYear="
                    + AlertsAndNotificationsSystemTests.academicYear(LocalDate.now(INDIA))))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + admin)
            .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode done = await("the import of " + SCHOOLS + " schools").atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> json(get(job, admin)),
                    status -> !List.of("QUEUED", "RUNNING").contains(status.path("status").asString()));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("inserted").asInt() + done.path("unchanged").asInt()).as(done.toString())
            .isEqualTo(SCHOOLS);
        return schools;
    }

    // ---------------------------------------------------------------- the database

    static OffsetDateTime databaseNow() throws SQLException {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword());
                PreparedStatement now = db.prepareStatement("select now()");
                ResultSet row = now.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static List<String> strings(Connection db, String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1).trim());
                }
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- dead letters

    /** The end offset of every dead-letter topic ({@code <topic>.DLT}), by partition. */
    static Map<String, Long> deadLetters() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap()))) {
            List<String> topics = admin.listTopics()
                .names()
                .get()
                .stream()
                .filter(name -> name.endsWith(".DLT"))
                .sorted()
                .toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) -> description.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(name, partition.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest)
                .all()
                .get()
                .forEach((partition, offsets) -> ends.put(partition.toString(), offsets.offset()));
            return ends;
        }
    }

    static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new TreeMap<>();
        after.forEach((partition, end) -> {
            long grew = end - before.getOrDefault(partition, 0L);
            if (grew > 0) {
                added.put(partition, grew);
            }
        });
        return added;
    }

}
