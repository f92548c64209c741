package in.mdm.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a generated folder into a running suite through its gateway: logs in, imports
 * {@code schools.csv} and waits for the import job, then posts the daily reports day by
 * day in batches, each day followed by the deliveries expected that day.
 */
final class LiveLoader {

    /**
     * A step that cannot go on, with a message for the person at the terminal (no stack
     * trace).
     */
    static final class LiveException extends RuntimeException {

        LiveException(String message) {
            super(message);
        }

    }

    /**
     * What was loaded; {@code complete} is false when an endpoint was missing and a step
     * was skipped.
     */
    record Result(int schoolsImported, int kitchens, int suppliers, long reports, long deliveries, boolean complete) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int ATTEMPTS = 6;

    private final URI gateway;

    private final String username;

    private final String password;

    private final int batchSize;

    private final int concurrency;

    private final int importRows;

    private final Duration pollInterval;

    private final Duration jobTimeout;

    private final PrintStream log;

    private final HttpClient http;

    private final AtomicReference<String> token = new AtomicReference<>();

    /** Ids the suite gave the kitchens and suppliers, by the simulator's codes. */
    private final Map<String, String> kitchenIds = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, String> supplierIds = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong logins = new java.util.concurrent.atomic.AtomicLong();

    LiveLoader(URI gateway, String username, String password, int batchSize, int importRows, int concurrency,
            Duration pollInterval, Duration jobTimeout, PrintStream log) {
        this.importRows = importRows;
        this.gateway = gateway;
        this.username = username;
        this.password = password;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.jobTimeout = jobTimeout;
        this.log = log;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    Result load(Path folder) {
        login();
        log.println("Logged in to " + gateway + " as " + username + ".");
        int imported = importSchools(folder.resolve("schools.csv"));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        boolean complete = true;
        int[] supply = { 0, 0 };
        try {
            supply = registerSupply(folder, pool);
        }
        catch (LiveException ex) {
            log.println("Kitchens and suppliers skipped: " + ex.getMessage());
            complete = false;
        }
        Path reportsFile = folder.resolve("daily-reports.csv");
        if (!Files.isRegularFile(reportsFile)) {
            pool.shutdownNow();
            return new Result(imported, supply[0], supply[1], 0, 0, complete);
        }
        Map<String, List<Map<String, Object>>> deliveriesByDay = deliveries(folder.resolve("deliveries.csv"));
        boolean deliveriesWork = true;
        long reports = 0;
        long deliveries = 0;
        try (Reader reader = Files.newBufferedReader(reportsFile, StandardCharsets.UTF_8)) {
            String day = null;
            List<Map<String, Object>> batch = new ArrayList<>();
            List<List<Map<String, Object>>> dayBatches = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
                String date = row.get("date");
                if (day != null && !date.equals(day)) {
                    if (!batch.isEmpty()) {
                        dayBatches.add(batch);
                        batch = new ArrayList<>();
                    }
                    reports += postDay(pool, day, dayBatches);
                    dayBatches.clear();
                    if (deliveriesWork) {
                        long posted = postDeliveries(pool, deliveriesByDay.getOrDefault(day, List.of()));
                        deliveriesWork = posted >= 0;
                        complete &= deliveriesWork;
                        deliveries += Math.max(0, posted);
                    }
                }
                day = date;
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("clientReportId",
                        History.reportId(row.get("udise_code"), java.time.LocalDate.parse(date)).toString());
                report.put("udiseCode", row.get("udise_code"));
                report.put("date", date);
                report.put("attendancePrimary", Integer.parseInt(row.get("attendance_primary")));
                report.put("attendanceUpperPrimary", Integer.parseInt(row.get("attendance_upper_primary")));
                report.put("mealsServed", Integer.parseInt(row.get("meals_served")));
                report.put("noMealReason", row.get("no_meal_reason").isEmpty() ? null : row.get("no_meal_reason"));
                batch.add(report);
                if (batch.size() == batchSize) {
                    dayBatches.add(batch);
                    batch = new ArrayList<>();
                }
            }
            if (day != null) {
                if (!batch.isEmpty()) {
                    dayBatches.add(batch);
                }
                reports += postDay(pool, day, dayBatches);
                if (deliveriesWork) {
                    long posted = postDeliveries(pool, deliveriesByDay.getOrDefault(day, List.of()));
                    complete &= posted >= 0;
                    deliveries += Math.max(0, posted);
                }
            }
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + reportsFile + ": " + ex.getMessage());
        }
        finally {
            pool.shutdownNow();
        }
        return new Result(imported, supply[0], supply[1], reports, deliveries, complete);
    }

    /**
     * Kitchen name in the suite: carries the simulator's code, so that a second run finds
     * the kitchens it made.
     */
    static String kitchenName(String kitchenCode) {
        return "Central kitchen " + kitchenCode;
    }

    /**
     * Registers the kitchens (those not there yet, by name) and the suppliers with the
     * schools and kitchens they serve (a supplier code already known is a 409 and left as
     * it is).
     * @return kitchens and suppliers registered by this run
     */
    private int[] registerSupply(Path folder, ExecutorService pool) {
        Map<String, String> existing = new java.util.concurrent.ConcurrentHashMap<>();
        for (int page = 0;; page++) {
            String path = "/api/v1/kitchens?size=500&page=" + page;
            HttpResponse<String> response = exchange("list the kitchens", "GET", path, null, null, true);
            expectSuccess("list the kitchens", "/api/v1/kitchens", response);
            JsonNode body = JSON.readTree(response.body());
            for (JsonNode item : body.path("items")) {
                existing.put(item.path("name").asString(""), item.path("id").asString(""));
            }
            if (body.path("items").isEmpty() || (page + 1) * 500L >= body.path("total").asLong(0)) {
                break;
            }
        }
        Map<String, List<String>> kitchensOfSupplier = new LinkedHashMap<>();
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (CSVRecord row : csv(folder.resolve("kitchens.csv"))) {
            String code = row.get("kitchen_code");
            kitchensOfSupplier.computeIfAbsent(row.get("supplier_code"), s -> new ArrayList<>()).add(code);
            String known = existing.get(kitchenName(code));
            if (known != null) {
                kitchenIds.put(code, known);
                continue;
            }
            Map<String, Object> kitchen = new LinkedHashMap<>();
            kitchen.put("name", kitchenName(code));
            kitchen.put("districtCode", row.get("district_code"));
            kitchen.put("blockCode", row.get("block_code"));
            kitchen.put("address", "At school " + row.get("hub_udise_code") + " (" + row.get("latitude") + ", "
                    + row.get("longitude") + ")");
            kitchen.put("capacityMeals", Integer.parseInt(row.get("capacity_meals")));
            String body = JSON.writeValueAsString(kitchen);
            posts.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = exchange("register a kitchen", "POST", "/api/v1/kitchens",
                        "application/json", HttpRequest.BodyPublishers.ofString(body), true);
                expectSuccess("register a kitchen", "/api/v1/kitchens", response);
                kitchenIds.put(code, JSON.readTree(response.body()).path("id").asString());
                return 1;
            }, pool));
        }
        int kitchens = join(posts).size();
        log.println("Kitchens: " + kitchens + " registered, " + (kitchenIds.size() - kitchens) + " there already.");

        Map<String, List<String>> schoolsOfKitchen = new LinkedHashMap<>();
        for (CSVRecord row : csv(folder.resolve("kitchen-schools.csv"))) {
            schoolsOfKitchen.computeIfAbsent(row.get("kitchen_code"), k -> new ArrayList<>())
                .add(row.get("udise_code"));
        }
        List<CompletableFuture<Integer>> suppliers = new ArrayList<>();
        for (CSVRecord row : csv(folder.resolve("suppliers.csv"))) {
            List<String> served = kitchensOfSupplier.getOrDefault(row.get("supplier_code"), List.of());
            Map<String, Object> supplier = new LinkedHashMap<>();
            supplier.put("code", row.get("supplier_code"));
            supplier.put("name", row.get("supplier_name"));
            supplier.put("kind", row.get("kind"));
            supplier.put("districtCode", row.get("district_code"));
            supplier.put("servesSchools",
                    served.stream()
                        .flatMap(kitchen -> schoolsOfKitchen.getOrDefault(kitchen, List.of()).stream())
                        .limit(5000)
                        .toList());
            supplier.put("servesKitchens",
                    served.stream().map(kitchenIds::get).filter(java.util.Objects::nonNull).limit(1000).toList());
            String body = JSON.writeValueAsString(supplier);
            suppliers.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = exchange("register a supplier", "POST", "/api/v1/suppliers",
                        "application/json", HttpRequest.BodyPublishers.ofString(body), true);
                if (response.statusCode() == 409) {
                    return 0;
                }
                expectSuccess("register a supplier", "/api/v1/suppliers", response);
                supplierIds.put(row.get("supplier_code"), JSON.readTree(response.body()).path("id").asString());
                return 1;
            }, pool));
        }
        int registered = join(suppliers).stream().mapToInt(Integer::intValue).sum();
        if (registered < suppliers.size()) {
            // suppliers there from an earlier run: their ids by code
            for (int page = 0;; page++) {
                HttpResponse<String> response = exchange("list the suppliers", "GET",
                        "/api/v1/suppliers?size=500&page=" + page, null, null, true);
                expectSuccess("list the suppliers", "/api/v1/suppliers", response);
                JsonNode body = JSON.readTree(response.body());
                for (JsonNode item : body.path("items")) {
                    supplierIds.putIfAbsent(item.path("code").asString(""), item.path("id").asString(""));
                }
                if (body.path("items").isEmpty() || (page + 1) * 500L >= body.path("total").asLong(0)) {
                    break;
                }
            }
        }
        log.println("Suppliers: " + registered + " registered, " + (suppliers.size() - registered) + " there already.");
        return new int[] { kitchens, registered };
    }

    private static List<CSVRecord> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + file + ": " + ex.getMessage());
        }
    }

    void login() {
        Map<String, Object> body = Map.of("username", username, "password", password);
        HttpResponse<String> response = exchange("log in", "POST", "/api/v1/auth/login", "application/json",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), false);
        if (response.statusCode() == 401 || response.statusCode() == 400 || response.statusCode() == 403) {
            throw new LiveException("the suite refused the login of '" + username + "' (" + response.statusCode()
                    + "): check --username and --password / MDM_ADMIN_PASSWORD" + problem(response));
        }
        expectSuccess("log in", "/api/v1/auth/login", response);
        String accessToken = JSON.readTree(response.body()).path("accessToken").asString("");
        if (accessToken.isEmpty()) {
            throw new LiveException("the login answer holds no accessToken: " + abbreviate(response.body()));
        }
        token.set(accessToken);
        logins.incrementAndGet();
    }

    /**
     * After a 401: one fresh login, however many requests in flight were refused with the
     * old token.
     */
    private synchronized void relogin(long loginsWhenSent) {
        if (logins.get() == loginsWhenSent) {
            login();
        }
    }

    /**
     * Imports the register in parts of {@code importRows} rows, one job each, waiting for
     * each job: a part's schools are registered (and their events written) together, so
     * smaller parts spare the service a burst.
     */
    private int importSchools(Path schools) {
        List<String> lines;
        try {
            lines = Files.readAllLines(schools, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + schools + ": " + ex.getMessage());
        }
        if (lines.size() < 2) {
            throw new LiveException(schools + " holds no schools");
        }
        int parts = (lines.size() - 1 + importRows - 1) / importRows;
        int imported = 0;
        for (int part = 0; part < parts; part++) {
            StringBuilder csv = new StringBuilder(lines.getFirst()).append('\n');
            for (int i = 1 + part * importRows; i < Math.min(lines.size(), 1 + (part + 1) * importRows); i++) {
                csv.append(lines.get(i)).append('\n');
            }
            if (parts > 1) {
                log.println("Schools, part " + (part + 1) + " of " + parts + ":");
            }
            imported += importPart(csv.toString());
        }
        return imported;
    }

    private int importPart(String csv) {
        HttpResponse<String> response = exchange("import the schools", "POST",
                "/api/v1/schools/import?createMissingBlocks=true", "text/csv",
                HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8), true);
        expectSuccess("import the schools", "/api/v1/schools/import", response);
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            throw new LiveException(
                    "the import answered " + response.statusCode() + " without a Location header to follow");
        }
        URI job = gateway
            .resolve(location.get().startsWith("http") ? location.get() : gateway.getPath() + location.get());
        log.println("Import accepted: " + job);
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        String last = "";
        boolean busySaid = false;
        while (true) {
            HttpResponse<String> poll = exchange("follow the import job", "GET", job.toString(), null, null, true,
                    false);
            int code = poll.statusCode();
            if ((code == 502 || code == 503 || code == 504) && System.nanoTime() < deadline) {
                // school-service is busy with the import itself: keep asking until the
                // job's time is up
                if (!busySaid) {
                    log.println("  school-service does not answer right now (" + code + "); still waiting for the job");
                    busySaid = true;
                }
                sleep(pollInterval);
                continue;
            }
            expectSuccess("follow the import job", job.getPath(), poll);
            JsonNode body = JSON.readTree(poll.body());
            String status = body.path("status").asString("");
            if (!status.equals(last)) {
                log.println("  import job " + status.toLowerCase(java.util.Locale.ROOT) + progress(body));
                last = status;
            }
            if (status.equals("SUCCEEDED")) {
                int rejected = body.path("rejected").asInt(0);
                if (rejected > 0) {
                    log.println("  " + rejected + " rows were rejected; the reasons: GET "
                            + body.path("rejectsUrl").asString(job.getPath() + "/rejects"));
                }
                return body.path("inserted").asInt(0) + body.path("updated").asInt(0) + body.path("unchanged").asInt(0);
            }
            if (status.equals("FAILED")) {
                throw new LiveException("the school import failed: "
                        + (body.hasNonNull("error") ? body.get("error").asString() : abbreviate(poll.body())));
            }
            if (System.nanoTime() > deadline) {
                throw new LiveException("the import job was not done within " + jobTimeout.toSeconds()
                        + " s (last status " + status + ")");
            }
            sleep(pollInterval);
        }
    }

    private static String progress(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("rowsRead", "inserted", "updated", "unchanged", "rejected", "progress")) {
            if (body.has(field)) {
                text.append(text.isEmpty() ? " (" : ", ").append(field).append(' ').append(body.get(field).asString());
            }
        }
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    private long postDay(ExecutorService pool, String day, List<List<Map<String, Object>>> batches) {
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong rejected = new java.util.concurrent.atomic.AtomicLong();
        AtomicReference<String> firstRejection = new AtomicReference<>();
        for (List<Map<String, Object>> batch : batches) {
            String body = JSON.writeValueAsString(Map.of("reports", batch));
            posts.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = exchange("post daily reports", "POST", "/api/v1/meals/reports/batch",
                        "application/json", HttpRequest.BodyPublishers.ofString(body), true);
                expectSuccess("post daily reports", "/api/v1/meals/reports/batch", response);
                JsonNode answer = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
                created.addAndGet(answer.path("created").asLong(0));
                duplicates.addAndGet(answer.path("duplicates").asLong(0));
                rejected.addAndGet(answer.path("rejected").asLong(0));
                for (JsonNode item : answer.path("results")) {
                    if (item.path("status").asString("").equals("REJECTED")) {
                        firstRejection.compareAndSet(null,
                                item.path("code").asString("") + " " + item.path("detail").asString(""));
                    }
                }
                return batch.size();
            }, pool));
        }
        long posted = join(posts).stream().mapToLong(Integer::longValue).sum();
        log.println("  " + day + ": " + posted + " daily reports in " + batches.size() + " requests (created " + created
                + ", already there " + duplicates + ", rejected " + rejected
                + (firstRejection.get() == null ? "" : ", e.g. " + firstRejection.get()) + ")");
        return posted;
    }

    /**
     * Schedules the day's deliveries ({@code POST /api/v1/deliveries}, to the kitchen,
     * from its supplier) and records the receipt of those that arrived ({@code POST
     * /api/v1/deliveries/{id}/receipt}).
     * @return the number posted, or -1 when the suite has no deliveries endpoint (or
     * rejects them): then say so once
     */
    private long postDeliveries(ExecutorService pool, List<Map<String, Object>> deliveries) {
        if (!deliveries.isEmpty() && kitchenIds.isEmpty()) {
            log.println("Deliveries skipped: they go to kitchens, and the kitchens are not registered.");
            return -1;
        }
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (Map<String, Object> delivery : deliveries) {
            String kitchenId = kitchenIds.get((String) delivery.get("kitchenCode"));
            String supplierId = supplierIds.get((String) delivery.get("supplierCode"));
            if (kitchenId == null || supplierId == null) {
                continue;
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("supplierId", supplierId);
            request.put("kitchenId", kitchenId);
            request.put("commodity", delivery.get("commodity"));
            request.put("quantityKg", delivery.get("quantityKg"));
            request.put("promisedDate", delivery.get("expectedDate"));
            // the simulator's own delivery id: a second run finds the delivery the first
            // one scheduled
            request.put("clientReference", delivery.get("deliveryId"));
            String body = JSON.writeValueAsString(request);
            Object receivedOn = delivery.get("deliveredDate");
            posts.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = exchange("post a delivery", "POST", "/api/v1/deliveries",
                        "application/json", HttpRequest.BodyPublishers.ofString(body), true);
                expectSuccess("post a delivery", "/api/v1/deliveries", response);
                JsonNode scheduled = JSON.readTree(response.body());
                if (receivedOn != null && !"RECEIVED".equals(scheduled.path("status").asString())) {
                    String id = scheduled.path("id").asString();
                    String receipt = JSON
                        .writeValueAsString(Map.of("receivedOn", receivedOn, "quantityKg", delivery.get("quantityKg")));
                    HttpResponse<String> received = exchange("record a delivery's receipt", "POST",
                            "/api/v1/deliveries/" + id + "/receipt", "application/json",
                            HttpRequest.BodyPublishers.ofString(receipt), true);
                    expectSuccess("record a delivery's receipt", "/api/v1/deliveries/{id}/receipt", received);
                }
                return 1;
            }, pool));
        }
        try {
            return join(posts).size();
        }
        catch (LiveException ex) {
            log.println("Deliveries skipped from here on: " + ex.getMessage());
            return -1;
        }
    }

    private Map<String, List<Map<String, Object>>> deliveries(Path file) {
        Map<String, List<Map<String, Object>>> byDay = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return byDay;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
                Map<String, Object> delivery = new LinkedHashMap<>();
                delivery.put("deliveryId", row.get("delivery_id"));
                delivery.put("kitchenCode", row.get("kitchen_code"));
                delivery.put("supplierCode", row.get("supplier_code"));
                delivery.put("commodity", row.get("commodity"));
                delivery.put("quantityKg", new java.math.BigDecimal(row.get("quantity_kg")));
                delivery.put("expectedDate", row.get("expected_date"));
                delivery.put("deliveredDate", row.get("delivered_date").isEmpty() ? null : row.get("delivered_date"));
                byDay.computeIfAbsent(row.get("expected_date"), day -> new ArrayList<>()).add(delivery);
            }
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + file + ": " + ex.getMessage());
        }
        return byDay;
    }

    /**
     * One request with the bearer token, retried on 429/502/503/504 (honouring
     * Retry-After) and once after a fresh login on 401.
     */
    private HttpResponse<String> exchange(String what, String method, String pathOrUrl, String contentType,
            HttpRequest.BodyPublisher body, boolean authenticated) {
        return exchange(what, method, pathOrUrl, contentType, body, authenticated, true);
    }

    private HttpResponse<String> exchange(String what, String method, String pathOrUrl, String contentType,
            HttpRequest.BodyPublisher body, boolean authenticated, boolean retryBusy) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(gateway + pathOrUrl);
        boolean relogged = false;
        for (int attempt = 1;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json");
            long loginsWhenSent = logins.get();
            if (authenticated) {
                request.header("Authorization", "Bearer " + token.get());
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (ConnectException ex) {
                throw new LiveException(
                        "cannot reach the gateway at " + gateway + " to " + what + ": is the suite running (./run)?");
            }
            catch (HttpTimeoutException ex) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw new LiveException("no answer from " + uri + " to " + what + " within 120 s");
            }
            catch (IOException ex) {
                if (attempt < ATTEMPTS) {
                    sleep(Duration.ofSeconds(attempt));
                    continue;
                }
                throw new LiveException("cannot " + what + " at " + uri + ": " + ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new LiveException("interrupted while trying to " + what);
            }
            int status = response.statusCode();
            if (status == 401 && authenticated && !relogged) {
                relogged = true;
                relogin(loginsWhenSent);
                continue;
            }
            if ((status == 429 || retryBusy && (status == 502 || status == 503 || status == 504))
                    && attempt < ATTEMPTS) {
                long seconds = response.headers()
                    .firstValue("Retry-After")
                    .flatMap(LiveLoader::seconds)
                    .orElse(1L << Math.min(attempt - 1, 4));
                sleep(Duration.ofSeconds(Math.min(30, seconds)));
                continue;
            }
            return response;
        }
    }

    private static void expectSuccess(String what, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404 || status == 405 || status == 501) {
            throw new LiveException("cannot " + what + ": " + response.request().method() + " " + path + " answered "
                    + status + ", so this suite does not serve that endpoint yet (school-service may be older than the"
                    + " simulator)" + problem(response));
        }
        throw new LiveException("cannot " + what + ": " + response.request().method() + " " + path + " answered "
                + status + problem(response));
    }

    private static String problem(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (String field : List.of("title", "detail", "code")) {
                if (problem.hasNonNull(field)) {
                    parts.add(problem.get(field).asString());
                }
            }
            if (!parts.isEmpty()) {
                return ": " + String.join(" - ", parts);
            }
        }
        catch (RuntimeException ex) {
            // not JSON: show the start of it
        }
        return ": " + abbreviate(body);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "...";
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        List<T> results = new ArrayList<>();
        LiveException failure = null;
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            }
            catch (CompletionException ex) {
                if (ex.getCause() instanceof LiveException live) {
                    failure = failure == null ? live : failure;
                }
                else {
                    throw ex;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LiveException("interrupted");
        }
    }

}
