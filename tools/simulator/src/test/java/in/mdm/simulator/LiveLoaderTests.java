package in.mdm.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live mode against WireMock standing in for the suite's gateway. */
class LiveLoaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JOB = "/api/v1/schools/import/jobs/5f1c2a9e";

    private final WireMockServer gateway = new WireMockServer(options().dynamicPort().globalTemplating(true));

    @TempDir
    Path out;

    private String baseUrl;

    private String stdout = "";

    private String stderr = "";

    @BeforeEach
    void start() {
        gateway.start();
        baseUrl = gateway.baseUrl();
        gateway.stubFor(post(urlEqualTo("/api/v1/auth/login"))
            .willReturn(okJson("{\"accessToken\":\"token-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":900}")));
        gateway.stubFor(post(urlEqualTo("/api/v1/schools/import?createMissingBlocks=true"))
            .willReturn(aResponse().withStatus(202)
                .withHeader("Location", JOB)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"QUEUED\"}")));
        gateway.stubFor(get(urlEqualTo(JOB)).inScenario("job")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"status\":\"RUNNING\",\"rowsRead\":40,\"progress\":30}"))
            .willSetStateTo("busy"));
        // school-service busy with the import: the gateway answers 503 for a while
        gateway.stubFor(get(urlEqualTo(JOB)).inScenario("job")
            .whenScenarioStateIs("busy")
            .willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Service unavailable\",\"code\":\"gateway.service-unavailable\"}"))
            .willSetStateTo("done"));
        gateway.stubFor(get(urlEqualTo(JOB)).inScenario("job")
            .whenScenarioStateIs("done")
            .willReturn(okJson("{\"status\":\"SUCCEEDED\",\"rowsRead\":140,\"inserted\":138,\"updated\":0,"
                    + "\"unchanged\":0,\"rejected\":2,\"rejectsUrl\":\"" + JOB + "/rejects\"}")));
        gateway.stubFor(post(urlEqualTo("/api/v1/meals/reports/batch"))
            .willReturn(okJson("{\"created\":3,\"duplicates\":1,\"rejected\":1,\"results\":[{\"status\":\"CREATED\"},"
                    + "{\"status\":\"REJECTED\",\"code\":\"meal.not-a-school-day\",\"detail\":\"a Sunday\"}]}")));
        gateway.stubFor(post(urlEqualTo(LiveLoader.BULK)).willReturn(aResponse().withStatus(202)
            .withHeader("Location", LiveLoader.BULK + "/{{randomValue length=12 type='ALPHANUMERIC'}}")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"status\":\"QUEUED\"}")));
        // each job: RUNNING at the first look, then SUCCEEDED
        gateway.stubFor(get(urlPathMatching(LiveLoader.BULK + "/[A-Za-z0-9]{12}")).inScenario("bulk")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"status\":\"RUNNING\",\"progress\":40}"))
            .willSetStateTo("succeeded"));
        gateway.stubFor(get(urlPathMatching(LiveLoader.BULK + "/[A-Za-z0-9]{12}")).inScenario("bulk")
            .whenScenarioStateIs("succeeded")
            .willReturn(okJson("{\"status\":\"SUCCEEDED\",\"created\":7,"
                    + "\"duplicates\":2,\"rejected\":1,\"progress\":100,\"rejectsUrl\":\"" + LiveLoader.BULK
                    + "/{{request.path.5}}/rejects\"}"))
            .willSetStateTo(STARTED));
        gateway.stubFor(get(urlPathMatching(LiveLoader.BULK + "/[A-Za-z0-9]{12}/rejects"))
            .willReturn(aResponse().withHeader("Content-Type", "text/csv")
                .withBody("line,udise_code,date,code,detail\n4,30000000000,2026-11-18,school.not-found,No school\n")));
        gateway.stubFor(post(urlEqualTo(LiveLoader.DELIVERIES_BATCH))
            .willReturn(okJson("{\"created\":2,\"duplicates\":1,\"rejected\":1,\"results\":[{\"status\":\"CREATED\"},"
                    + "{\"status\":\"REJECTED\",\"code\":\"kitchen.not-found\",\"detail\":\"No kitchen\"}]}")));
        gateway.stubFor(get(urlEqualTo("/api/v1/kitchens?size=500&page=0"))
            .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}")));
        gateway.stubFor(post(urlEqualTo("/api/v1/kitchens")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"{{randomValue type='UUID'}}\"}")));
        gateway.stubFor(post(urlEqualTo("/api/v1/suppliers")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"{{randomValue type='UUID'}}\"}")));
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private int live(String... extra) {
        List<String> args = new java.util.ArrayList<>(
                List.of("--state", "Goa", "--scale", "0.1", "--days", "3", "--end", "2026-11-20", "--seed", "3",
                        "--out", out.toString(), "--live", "--gateway", baseUrl, "--batch-size", "50"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Main.run(Map.of("MDM_ADMIN_PASSWORD", "Secret-Pass-2026"),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void logsInImportsWaitsForTheJobThenSendsEachDayAsOneBulkJobAfterItsDeliveries() throws Exception {
        assertThat(live()).as(stderr).isZero();

        gateway.verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/login"))
            .withRequestBody(equalToJson("{\"username\":\"admin\",\"password\":\"Secret-Pass-2026\"}")));
        List<LoggedRequest> imports = gateway.findAll(postRequestedFor(urlPathEqualTo("/api/v1/schools/import")));
        assertThat(imports).hasSize(1);
        assertThat(imports.getFirst().getHeader("Content-Type")).startsWith("text/csv");
        assertThat(imports.getFirst().getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(imports.getFirst().getBodyAsString()).startsWith(String.join(",", StateFiles.SCHOOL_HEADER) + "\n");
        assertThat(gateway.findAll(getRequestedFor(urlEqualTo(JOB))).size()).isGreaterThanOrEqualTo(3);

        // one bulk job a day, its rows as CSV with their derived ids
        List<CSVRecord> expected = Generated.read(out.resolve("daily-reports.csv"));
        Map<String, Integer> perDay = new TreeMap<>();
        expected.forEach(row -> perDay.merge(row.get("date"), 1, Integer::sum));
        assertThat(perDay).hasSize(3);
        List<LoggedRequest> jobs = gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.BULK)));
        assertThat(jobs).hasSize(3);
        Map<String, String[]> sent = new HashMap<>();
        List<String> jobDays = new ArrayList<>();
        for (LoggedRequest job : jobs) {
            assertThat(job.getHeader("Content-Type")).startsWith("text/csv");
            assertThat(job.getHeader("Authorization")).isEqualTo("Bearer token-1");
            String[] lines = job.getBodyAsString().split("\n");
            assertThat(lines[0]).isEqualTo(LiveLoader.BULK_HEADER);
            String day = lines[1].split(",", -1)[1];
            jobDays.add(day);
            assertThat(lines.length - 1).isEqualTo(perDay.get(day));
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(",", -1);
                assertThat(fields).hasSize(7);
                assertThat(fields[1]).as("one day a job").isEqualTo(day);
                assertThat(sent.put(fields[0] + "|" + fields[1], fields)).isNull();
            }
        }
        assertThat(jobDays).as("in date order").isSorted().hasSize(3);
        assertThat(sent).hasSize(expected.size());
        for (CSVRecord row : expected) {
            String[] fields = sent.get(row.get("udise_code") + "|" + row.get("date"));
            assertThat(fields[2]).isEqualTo(row.get("attendance_primary"));
            assertThat(fields[3]).isEqualTo(row.get("attendance_upper_primary"));
            assertThat(fields[4]).isEqualTo(row.get("meals_served"));
            assertThat(fields[5]).isEqualTo(row.get("no_meal_reason"));
            assertThat(fields[6])
                .isEqualTo(History.reportId(row.get("udise_code"), LocalDate.parse(row.get("date"))).toString());
        }
        // each job followed until SUCCEEDED (RUNNING first), its first reject shown
        assertThat(gateway.findAll(getRequestedFor(urlPathMatching(LiveLoader.BULK + "/[A-Za-z0-9]{12}")))).hasSize(6);
        String firstDay = jobDays.getFirst();
        assertThat(stdout).containsPattern("  " + firstDay + ": \\d+ deliveries in \\d+ requests \\(created \\d+, "
                + "already there \\d+, rejected \\d+, e\\.g\\. kitchen\\.not-found No kitchen\\) in [0-9.]+ s; "
                + perDay.get(firstDay) + " daily reports in one bulk job \\(created 7, already there 2, rejected 1, "
                + "e\\.g\\. 4,30000000000,2026-11-18,school\\.not-found,No school; all of them: GET " + LiveLoader.BULK
                + "/[A-Za-z0-9]{12}/rejects\\) in [0-9.]+ s \\(day [0-9.]+ s\\)");
        assertThat(stdout)
            .containsPattern("Days loaded: 3 in [0-9.]+ s: " + String.format(Locale.ROOT, "%,d", expected.size())
                    + " daily reports \\([0-9,]+ a second\\), [0-9,]+ deliveries \\([0-9,]+ a second\\)");

        List<CSVRecord> kitchens = Generated.read(out.resolve("kitchens.csv"));
        List<LoggedRequest> kitchenPosts = gateway.findAll(postRequestedFor(urlEqualTo("/api/v1/kitchens")));
        assertThat(kitchenPosts).hasSize(kitchens.size());
        JsonNode kitchen = JSON.readTree(kitchenPosts.getFirst().getBodyAsString());
        assertThat(kitchen.get("name").asString()).startsWith("Central kitchen K30");
        assertThat(kitchen.get("districtCode").asString()).matches("\\d{1,6}");
        assertThat(kitchen.get("capacityMeals").asInt()).isPositive();
        // every kitchen names the schools it cooks for, as kitchen-schools.csv has them
        Map<String, Integer> schoolsPerKitchen = new HashMap<>();
        Generated.read(out.resolve("kitchen-schools.csv"))
            .forEach(row -> schoolsPerKitchen.merge(row.get("kitchen_code"), 1, Integer::sum));
        int linked = 0;
        for (LoggedRequest post : kitchenPosts) {
            linked += JSON.readTree(post.getBodyAsString()).get("schools").size();
        }
        assertThat(linked).isEqualTo(schoolsPerKitchen.values().stream().mapToInt(Integer::intValue).sum())
            .isPositive();
        List<LoggedRequest> supplierPosts = gateway.findAll(postRequestedFor(urlEqualTo("/api/v1/suppliers")));
        assertThat(supplierPosts).hasSize(Generated.read(out.resolve("suppliers.csv")).size());
        int kitchensServed = 0;
        for (LoggedRequest supplierPost : supplierPosts) {
            JsonNode supplier = JSON.readTree(supplierPost.getBodyAsString());
            assertThat(supplier.get("kind").asString()).isIn("CIVIL_SUPPLIES_CORPORATION", "COOPERATIVE", "PRIVATE");
            for (JsonNode id : supplier.get("servesKitchens")) {
                assertThat(id.asString()).matches("[0-9a-f-]{36}");
                kitchensServed++;
            }
            for (JsonNode udise : supplier.get("servesSchools")) {
                assertThat(udise.asString()).matches("30\\d{9}");
            }
        }
        assertThat(kitchensServed).isEqualTo(kitchens.size());

        // every delivery once, in batches, with its receipt when it arrived; before them
        // the kitchens' opening stock of the first day, received that day
        Map<String, CSVRecord> deliveries = new HashMap<>();
        Generated.read(out.resolve("deliveries.csv")).forEach(row -> deliveries.put(row.get("delivery_id"), row));
        assertThat(deliveries).isNotEmpty();
        List<CSVRecord> stock = Generated.read(out.resolve("stock.csv"));
        String openingDay = stock.getFirst().get("date");
        Map<String, String> opening = new HashMap<>();
        for (CSVRecord row : stock) {
            if (row.get("date").equals(openingDay)) {
                opening.put(LiveLoader.openingId(row.get("kitchen_code"), "RICE"), row.get("grain_opening_kg"));
                opening.put(LiveLoader.openingId(row.get("kitchen_code"), "PULSES"), row.get("pulses_opening_kg"));
                opening.put(LiveLoader.openingId(row.get("kitchen_code"), "OIL"), row.get("oil_opening_kg"));
            }
        }
        List<LoggedRequest> batches = gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.DELIVERIES_BATCH)));
        Set<String> references = new HashSet<>();
        Set<String> supplierIds = new HashSet<>();
        for (LoggedRequest batch : batches) {
            JsonNode items = JSON.readTree(batch.getBodyAsString()).get("deliveries");
            assertThat(items.size()).isBetween(1, 50);
            for (JsonNode item : items) {
                String reference = item.get("clientReference").asString();
                assertThat(references.add(reference)).isTrue();
                if (opening.containsKey(reference)) {
                    assertThat(item.get("quantityKg").decimalValue())
                        .isEqualByComparingTo(new java.math.BigDecimal(opening.get(reference)).setScale(3,
                                java.math.RoundingMode.HALF_EVEN));
                    assertThat(item.get("promisedDate").asString()).isEqualTo(openingDay);
                    assertThat(item.get("receipt").get("receivedOn").asString()).isEqualTo(openingDay);
                    continue;
                }
                CSVRecord row = deliveries.get(reference);
                assertThat(row).isNotNull();
                assertThat(item.get("kitchenId").asString()).matches("[0-9a-f-]{36}");
                assertThat(item.get("commodity").asString()).isEqualTo(row.get("commodity"));
                assertThat(item.get("quantityKg").decimalValue())
                    .isEqualByComparingTo(new java.math.BigDecimal(row.get("quantity_kg")));
                assertThat(item.get("promisedDate").asString()).isEqualTo(row.get("expected_date"));
                if (row.get("delivered_date").isEmpty()) {
                    assertThat(item.has("receipt")).isFalse();
                }
                else {
                    assertThat(item.get("receipt").get("receivedOn").asString()).isEqualTo(row.get("delivered_date"));
                    assertThat(item.get("receipt").get("quantityKg").decimalValue())
                        .isEqualByComparingTo(item.get("quantityKg").decimalValue());
                }
                supplierIds.add(item.get("supplierId").asString());
            }
        }
        Set<String> expectedReferences = new HashSet<>(deliveries.keySet());
        opening.forEach((reference, kg) -> {
            if (new java.math.BigDecimal(kg).signum() > 0) {
                expectedReferences.add(reference);
            }
        });
        assertThat(references).isEqualTo(expectedReferences).containsAnyElementsOf(opening.keySet());
        assertThat(supplierIds).allMatch(id -> id.matches("[0-9a-f-]{36}"))
            .hasSizeLessThanOrEqualTo(supplierPosts.size());
        gateway.verify(0, postRequestedFor(urlEqualTo("/api/v1/deliveries")));
        gateway.verify(0, postRequestedFor(urlPathMatching("/api/v1/deliveries/.+/receipt")));

        // a day's deliveries (expected that day or before) go before its bulk job
        List<ServeEvent> events = new ArrayList<>(gateway.getAllServeEvents());
        java.util.Collections.reverse(events);
        String lastJobDay = "";
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            if (request.getUrl().equals(LiveLoader.BULK)) {
                lastJobDay = request.getBodyAsString().split("\n")[1].split(",")[1];
            }
            else if (request.getUrl().equals(LiveLoader.DELIVERIES_BATCH)) {
                for (JsonNode item : JSON.readTree(request.getBodyAsString()).get("deliveries")) {
                    assertThat(item.get("promisedDate").asString()).as("posted after the bulk job of " + lastJobDay)
                        .isGreaterThan(lastJobDay);
                }
            }
        }
        assertThat(stdout).contains("import job running (rowsRead 40, progress 30)")
            .contains("still waiting for the job")
            .contains("2 rows were rejected")
            .contains(JOB + "/rejects")
            .contains("Loaded into " + baseUrl + ": 138 schools imported");
    }

    @Test
    void theBatchPathPostsEveryReportInBatchesWithItsDerivedId() {
        assertThat(live("--meal-path", "batch")).as(stderr).isZero();

        gateway.verify(0, postRequestedFor(urlEqualTo(LiveLoader.BULK)));
        List<CSVRecord> expected = Generated.read(out.resolve("daily-reports.csv"));
        Map<String, Integer> perDay = new HashMap<>();
        expected.forEach(row -> perDay.merge(row.get("date"), 1, Integer::sum));
        int expectedRequests = perDay.values().stream().mapToInt(n -> (n + 49) / 50).sum();

        List<LoggedRequest> batches = gateway.findAll(postRequestedFor(urlEqualTo("/api/v1/meals/reports/batch")));
        assertThat(batches).hasSize(expectedRequests);
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> posted = new HashMap<>();
        for (LoggedRequest batch : batches) {
            assertThat(batch.getHeader("Authorization")).isEqualTo("Bearer token-1");
            JsonNode reports = JSON.readTree(batch.getBodyAsString()).get("reports");
            assertThat(reports.size()).isBetween(1, 50);
            for (JsonNode report : reports) {
                assertThat(ids.add(report.get("clientReportId").asString())).isTrue();
                posted.put(report.get("udiseCode").asString() + "|" + report.get("date").asString(), report);
            }
        }
        assertThat(posted).hasSize(expected.size());
        for (CSVRecord row : expected) {
            JsonNode report = posted.get(row.get("udise_code") + "|" + row.get("date"));
            assertThat(report.get("clientReportId").asString())
                .isEqualTo(History.reportId(row.get("udise_code"), LocalDate.parse(row.get("date"))).toString());
            assertThat(report.get("attendancePrimary").asInt())
                .isEqualTo(Integer.parseInt(row.get("attendance_primary")));
            assertThat(report.get("attendanceUpperPrimary").asInt())
                .isEqualTo(Integer.parseInt(row.get("attendance_upper_primary")));
            assertThat(report.get("mealsServed").asInt()).isEqualTo(Integer.parseInt(row.get("meals_served")));
            assertThat(report.get("noMealReason").isNull()).isEqualTo(row.get("no_meal_reason").isEmpty());
        }
        // each batch answers created 3, duplicates 1, rejected 1: the day's line adds
        // them up
        int firstDay = perDay.get("2026-11-18");
        int requests = (firstDay + 49) / 50;
        assertThat(stdout).contains(firstDay + " daily reports in " + requests + " requests (created " + 3 * requests
                + ", already there " + requests + ", rejected " + requests + ", e.g. meal.not-a-school-day a Sunday)");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.DELIVERIES_BATCH)))).isNotEmpty();
    }

    @Test
    void aSecondRunSendsTheSameIdsAndReferences() {
        assertThat(live()).as(stderr).isZero();
        Set<String> firstIds = reportIdsSent();
        Set<String> firstReferences = referencesSent();
        gateway.resetRequests();

        assertThat(live()).as(stderr).isZero();

        assertThat(reportIdsSent()).isEqualTo(firstIds).isNotEmpty();
        assertThat(referencesSent()).isEqualTo(firstReferences).isNotEmpty();
    }

    private Set<String> reportIdsSent() {
        Set<String> ids = new HashSet<>();
        for (LoggedRequest job : gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.BULK)))) {
            String[] lines = job.getBodyAsString().split("\n");
            for (int i = 1; i < lines.length; i++) {
                ids.add(lines[i].substring(lines[i].lastIndexOf(',') + 1));
            }
        }
        return ids;
    }

    private Set<String> referencesSent() {
        Set<String> references = new HashSet<>();
        for (LoggedRequest batch : gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.DELIVERIES_BATCH)))) {
            JSON.readTree(batch.getBodyAsString())
                .get("deliveries")
                .forEach(item -> references.add(item.get("clientReference").asString()));
        }
        return references;
    }

    @Test
    void aFailedBulkJobStopsTheLoadWithTheJobsError() {
        gateway.stubFor(get(urlPathMatching(LiveLoader.BULK + "/[A-Za-z0-9]{12}")).inScenario("bulk")
            .whenScenarioStateIs("succeeded")
            .willReturn(okJson("{\"status\":\"FAILED\",\"error\":\"could not write the reports: disk full\"}")));

        assertThat(live()).isEqualTo(1);

        assertThat(stderr).contains("the bulk job of the daily reports of 2026-11-18 failed")
            .contains("disk full")
            .doesNotContain("Exception");
        gateway.verify(1, postRequestedFor(urlEqualTo(LiveLoader.BULK)));
        assertThat(stdout).doesNotContain("Loaded into");
    }

    @Test
    void theRegisterGoesInPartsOneJobEach() {
        assertThat(live("--import-rows", "50", "--days", "1")).as(stderr).isZero();

        List<CSVRecord> schools = Generated.read(out.resolve("schools.csv"));
        List<LoggedRequest> imports = gateway.findAll(postRequestedFor(urlPathEqualTo("/api/v1/schools/import")));
        assertThat(imports).hasSize((schools.size() + 49) / 50);
        int rows = 0;
        for (LoggedRequest part : imports) {
            String[] lines = part.getBodyAsString().split("\n");
            assertThat(lines[0]).isEqualTo(String.join(",", StateFiles.SCHOOL_HEADER));
            assertThat(lines.length - 1).isBetween(1, 50);
            rows += lines.length - 1;
        }
        assertThat(rows).isEqualTo(schools.size());
        assertThat(stdout).contains("Schools, part 1 of " + imports.size());
    }

    @Test
    void aSecondRunRegistersOnlyTheKitchensAndSuppliersNotThereYet() {
        Generated.run("--state", "Goa", "--scale", "0.1", "--days", "3", "--end", "2026-11-20", "--seed", "3", "--out",
                out.toString());
        List<CSVRecord> kitchens = Generated.read(out.resolve("kitchens.csv"));
        String known = LiveLoader.kitchenName(kitchens.getFirst().get("kitchen_code"));
        gateway.stubFor(get(urlEqualTo("/api/v1/kitchens?size=500&page=0"))
            .willReturn(okJson("{\"items\":[{\"id\":\"6d2b7a8e-1f0c-4c55-9a41-0a7e3c1d2b90\",\"name\":\"" + known
                    + "\"}]," + "\"page\":0,\"size\":500,\"total\":1}")));
        gateway.stubFor(get(urlEqualTo("/api/v1/suppliers?size=500&page=0"))
            .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}")));
        gateway.stubFor(post(urlEqualTo("/api/v1/suppliers")).willReturn(aResponse().withStatus(409)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"code\":\"supplier.duplicate-code\"}")));

        assertThat(live()).as(stderr).isZero();

        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/api/v1/kitchens")))).hasSize(kitchens.size() - 1);
        assertThat(stdout).contains("Kitchens: " + (kitchens.size() - 1) + " registered, 1 there already.")
            .contains("Suppliers: 0 registered");
    }

    @Test
    void withoutKitchenEndpointsTheReportsStillGoIn() {
        gateway.stubFor(get(urlEqualTo("/api/v1/kitchens?size=500&page=0")).willReturn(aResponse().withStatus(404)));

        assertThat(live("--days", "1")).as(stderr).isZero();

        assertThat(stdout).contains("Kitchens and suppliers skipped").contains("some steps were skipped");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.BULK)))).isNotEmpty();
    }

    @Test
    void aMissingReportsEndpointIsSaidPlainlyWithoutAStackTrace() {
        gateway.stubFor(post(urlEqualTo(LiveLoader.BULK)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Not Found\",\"status\":404,\"code\":\"platform.not-found\"}")));

        assertThat(live()).isEqualTo(1);

        assertThat(stderr).contains("/api/v1/meals/reports/bulk answered 404")
            .contains("does not serve that endpoint")
            .contains("platform.not-found")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
    }

    @Test
    void aMissingDeliveriesEndpointSkipsTheDeliveriesButNotTheReports() {
        gateway.stubFor(post(urlEqualTo(LiveLoader.DELIVERIES_BATCH)).willReturn(aResponse().withStatus(501)));

        assertThat(live()).as(stderr).isZero();

        assertThat(stdout).contains("Deliveries skipped from here on")
            .contains("answered 501")
            .contains("some steps were skipped");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo(LiveLoader.BULK)))).hasSize(3);
        // only the opening stock was tried (its batches go out at once); no day's
        // deliveries after that
        List<ServeEvent> events = new ArrayList<>(gateway.getAllServeEvents());
        java.util.Collections.reverse(events);
        boolean bulkSeen = false;
        int deliveryRequests = 0;
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            bulkSeen |= url.equals(LiveLoader.BULK);
            if (url.equals(LiveLoader.DELIVERIES_BATCH)) {
                assertThat(bulkSeen).as("a delivery batch after the first bulk job").isFalse();
                deliveryRequests++;
            }
        }
        assertThat(deliveryRequests).isBetween(1, 4);
    }

    @Test
    void aFailedImportStopsWithTheJobsErrors() {
        gateway.stubFor(get(urlEqualTo(JOB)).inScenario("job")
            .whenScenarioStateIs("done")
            .willReturn(okJson("{\"status\":\"FAILED\",\"error\":\"line 2: school.import.bad-header\"}")));

        assertThat(live()).isEqualTo(1);

        assertThat(stderr).contains("the school import failed").contains("school.import.bad-header");
        gateway.verify(0, postRequestedFor(urlEqualTo(LiveLoader.BULK)));
    }

    @Test
    void anExpiredTokenLeadsToOneFreshLogin() {
        gateway.stubFor(post(urlEqualTo(LiveLoader.BULK)).inScenario("token")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("fresh"));
        gateway.stubFor(post(urlEqualTo(LiveLoader.BULK)).inScenario("token")
            .whenScenarioStateIs("fresh")
            .willReturn(aResponse().withStatus(202).withHeader("Location", LiveLoader.BULK + "/abcdefghijkl")));

        assertThat(live("--days", "1")).as(stderr).isZero();

        gateway.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/login")));
    }

    @Test
    void aRefusedLoginNamesTheCredentials() {
        gateway.stubFor(post(urlEqualTo("/api/v1/auth/login")).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Unauthorized\",\"code\":\"auth.bad-credentials\"}")));

        assertThat(live()).isEqualTo(1);

        assertThat(stderr).contains("refused the login of 'admin'").contains("auth.bad-credentials");
    }

    @Test
    void anUnreachableGatewayIsSaidPlainly() {
        gateway.stop();

        assertThat(live()).isEqualTo(1);

        assertThat(stderr).contains("cannot reach the gateway").doesNotContain("Exception");
    }

}
