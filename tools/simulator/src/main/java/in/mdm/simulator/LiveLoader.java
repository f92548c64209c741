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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a generated folder into a running suite through its gateway: logs in, imports
 * {@code schools.csv} and waits for the import job, registers kitchens and suppliers,
 * then day by day posts the deliveries expected by that day (in batches, with their
 * receipts) and the day's reports (one bulk job, or batches with {@code --meal-path
 * batch}).
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

    /** Where the day's reports go as one job. */
    static final String BULK = "/api/v1/meals/reports/bulk";

    /** The columns of a bulk job's CSV, as the bulk endpoint names them. */
    static final String BULK_HEADER = "udise_code,date,attendance_primary,attendance_upper_primary,meals_served,"
            + "no_meal_reason,client_report_id";

    static final String DELIVERIES_BATCH = "/api/v1/deliveries/batch";

    /** Deliveries a batch request takes at most. */
    static final int MAX_DELIVERY_BATCH = 500;

    /**
     * How the daily reports go in: one bulk job a day (the default), or batches of
     * {@code --batch-size} (the older path, kept to compare).
     */
    enum MealPath {

        BULK, BATCH

    }

    private final URI gateway;

    private final String username;

    private final String password;

    private final int batchSize;

    private final int concurrency;

    private final int importRows;

    private final Duration pollInterval;

    private final Duration jobTimeout;

    private final PrintStream log;

    private final MealPath mealPath;

    /** Longest wait between two looks at a bulk job, in milliseconds. */
    private final long bulkPollMaxMillis;

    private final HttpClient http;

    private final AtomicReference<String> token = new AtomicReference<>();

    /** Ids the suite gave the kitchens and suppliers, by the simulator's codes. */
    private final Map<String, String> kitchenIds = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, String> supplierIds = new java.util.concurrent.ConcurrentHashMap<>();

    /** The simulator's supplier code of each kitchen, by kitchen code. */
    private final Map<String, String> supplierOfKitchen = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong logins = new java.util.concurrent.atomic.AtomicLong();

    LiveLoader(URI gateway, String username, String password, int batchSize, int importRows, int concurrency,
            Duration pollInterval, Duration jobTimeout, MealPath mealPath, PrintStream log) {
        this.importRows = importRows;
        this.mealPath = mealPath;
        this.bulkPollMaxMillis = Math.max(1, Math.min(1000, pollInterval.toMillis()));
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
        TreeMap<String, List<Delivery>> deliveriesByDay = deliveries(folder.resolve("deliveries.csv"));
        Totals totals = new Totals(System.nanoTime());
        List<Delivery> opening = openingStock(folder.resolve("stock.csv"));
        if (!opening.isEmpty()) {
            DeliveryCounts counts = postDeliveries(pool, opening);
            if (counts != null) {
                log.println("Opening stock of the kitchens: " + counts.describe());
            }
            else {
                totals.deliveriesWork = false;
            }
        }
        try (Reader reader = Files.newBufferedReader(reportsFile, StandardCharsets.UTF_8)) {
            Day current = null;
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
                String date = row.get("date");
                if (current != null && !date.equals(current.date)) {
                    loadDay(pool, current, deliveriesByDay, totals);
                    current = null;
                }
                if (current == null) {
                    current = new Day(date);
                }
                current.add(row);
            }
            if (current != null) {
                loadDay(pool, current, deliveriesByDay, totals);
            }
            if (totals.deliveriesWork && !deliveriesByDay.isEmpty()) {
                // expected after the last day of reports: scheduled (in transit) all the
                // same
                List<Delivery> rest = new ArrayList<>();
                deliveriesByDay.values().forEach(rest::addAll);
                deliveriesByDay.clear();
                DeliveryCounts counts = postDeliveries(pool, rest);
                totals.add(counts);
                if (counts != null) {
                    log.println("  after " + totals.lastDay + ": " + counts.describe());
                }
            }
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + reportsFile + ": " + ex.getMessage());
        }
        finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - totals.started) / 1e9;
        log.printf(Locale.ROOT,
                "Days loaded: %d in %.1f s: %,d daily reports (%,.0f a second), %,d deliveries (%,.0f a second)%n",
                totals.days, seconds, totals.reports, totals.reports / Math.max(seconds, 0.001), totals.deliveries,
                totals.deliveries / Math.max(seconds, 0.001));
        complete &= totals.deliveriesWork;
        return new Result(imported, supply[0], supply[1], totals.reports, totals.deliveries, complete);
    }

    /** Reports sent, one line of the day (the batch path) or of the day's CSV (bulk). */
    private final class Day {

        final String date;

        final StringBuilder csv = new StringBuilder(BULK_HEADER).append('\n');

        final List<Map<String, Object>> reports = new ArrayList<>();

        int rows;

        Day(String date) {
            this.date = date;
        }

        void add(CSVRecord row) {
            rows++;
            String udise = row.get("udise_code");
            String id = History.reportId(udise, java.time.LocalDate.parse(date)).toString();
            if (mealPath == MealPath.BULK) {
                csv.append(udise)
                    .append(',')
                    .append(date)
                    .append(',')
                    .append(row.get("attendance_primary"))
                    .append(',')
                    .append(row.get("attendance_upper_primary"))
                    .append(',')
                    .append(row.get("meals_served"))
                    .append(',')
                    .append(row.get("no_meal_reason"))
                    .append(',')
                    .append(id)
                    .append('\n');
                return;
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("clientReportId", id);
            report.put("udiseCode", udise);
            report.put("date", date);
            report.put("attendancePrimary", Integer.parseInt(row.get("attendance_primary")));
            report.put("attendanceUpperPrimary", Integer.parseInt(row.get("attendance_upper_primary")));
            report.put("mealsServed", Integer.parseInt(row.get("meals_served")));
            report.put("noMealReason", row.get("no_meal_reason").isEmpty() ? null : row.get("no_meal_reason"));
            reports.add(report);
        }

        List<List<Map<String, Object>>> batches() {
            List<List<Map<String, Object>>> batches = new ArrayList<>();
            for (int i = 0; i < reports.size(); i += batchSize) {
                batches.add(reports.subList(i, Math.min(reports.size(), i + batchSize)));
            }
            return batches;
        }

    }

    /** What the day loop has loaded so far. */
    private static final class Totals {

        final long started;

        long reports;

        long deliveries;

        int days;

        boolean deliveriesWork = true;

        String lastDay;

        Totals(long started) {
            this.started = started;
        }

        void add(DeliveryCounts counts) {
            if (counts == null) {
                deliveriesWork = false;
            }
            else {
                deliveries += counts.posted();
            }
        }

    }

    /**
     * One school day: first the deliveries expected by then (so kitchens have their food
     * before the day's meals draw on it), then the day's reports, one bulk job or
     * batches.
     */
    private void loadDay(ExecutorService pool, Day day, TreeMap<String, List<Delivery>> deliveriesByDay,
            Totals totals) {
        long started = System.nanoTime();
        String deliveryLine = "";
        if (totals.deliveriesWork) {
            List<Delivery> due = new ArrayList<>();
            Map<String, List<Delivery>> head = deliveriesByDay.headMap(day.date, true);
            head.values().forEach(due::addAll);
            head.clear();
            DeliveryCounts counts = postDeliveries(pool, due);
            totals.add(counts);
            if (counts != null) {
                deliveryLine = counts.describe() + String.format(Locale.ROOT, " in %.1f s; ", since(started));
            }
        }
        long reportsStarted = System.nanoTime();
        String reportLine = mealPath == MealPath.BULK ? postBulk(day) : postDay(pool, day.date, day.batches());
        totals.reports += day.rows;
        totals.days++;
        totals.lastDay = day.date;
        log.println(String.format(Locale.ROOT, "  %s: %s%s in %.1f s (day %.1f s)", day.date, deliveryLine, reportLine,
                since(reportsStarted), since(started)));
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
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
        Map<String, List<String>> schoolsOfKitchen = new LinkedHashMap<>();
        for (CSVRecord row : csv(folder.resolve("kitchen-schools.csv"))) {
            schoolsOfKitchen.computeIfAbsent(row.get("kitchen_code"), k -> new ArrayList<>())
                .add(row.get("udise_code"));
        }
        Map<String, List<String>> kitchensOfSupplier = new LinkedHashMap<>();
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (CSVRecord row : csv(folder.resolve("kitchens.csv"))) {
            String code = row.get("kitchen_code");
            kitchensOfSupplier.computeIfAbsent(row.get("supplier_code"), s -> new ArrayList<>()).add(code);
            supplierOfKitchen.put(code, row.get("supplier_code"));
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
            // the schools it cooks for: their meals draw its stock
            kitchen.put("schools", schoolsOfKitchen.getOrDefault(code, List.of()));
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

    /**
     * The day's reports in batches of {@code --batch-size} ({@code POST
     * /api/v1/meals/reports/batch}, {@code --concurrency} at a time); @return the day's
     * line
     */
    private String postDay(ExecutorService pool, String day, List<List<Map<String, Object>>> batches) {
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        AtomicLong created = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
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
        return posted + " daily reports in " + batches.size() + " requests (created " + created + ", already there "
                + duplicates + ", rejected " + rejected
                + (firstRejection.get() == null ? "" : ", e.g. " + firstRejection.get()) + ")";
    }

    /**
     * The day's reports as one bulk job ({@code POST /api/v1/meals/reports/bulk}, the
     * day's rows as CSV with their client report ids), followed until it is done: every
     * 250 ms at first, then less often up to every second. A FAILED job stops the load
     * with the job's error. @return the day's line
     */
    private String postBulk(Day day) {
        String what = "send the daily reports of " + day.date + " as a bulk job";
        HttpResponse<String> response = exchange(what, "POST", BULK, "text/csv",
                HttpRequest.BodyPublishers.ofString(day.csv.toString(), StandardCharsets.UTF_8), true);
        expectSuccess(what, BULK, response);
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
            String id = response.body() == null || response.body().isBlank() ? ""
                    : JSON.readTree(response.body()).path("id").asString("");
            if (id.isEmpty()) {
                throw new LiveException("the bulk job for " + day.date + " answered " + response.statusCode()
                        + " without a Location header or an id to follow");
            }
            location = BULK + "/" + id;
        }
        URI job = gateway.resolve(location.startsWith("http") ? location : gateway.getPath() + location);
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        long wait = Math.min(250, bulkPollMaxMillis);
        while (true) {
            HttpResponse<String> poll = exchange("follow the bulk job of " + day.date, "GET", job.toString(), null,
                    null, true, false);
            int code = poll.statusCode();
            if (code == 502 || code == 503 || code == 504) {
                if (System.nanoTime() > deadline) {
                    throw new LiveException("the bulk job of " + day.date + " was not done within "
                            + jobTimeout.toSeconds() + " s (the gateway answered " + code + ")");
                }
                sleep(Duration.ofMillis(bulkPollMaxMillis));
                continue;
            }
            expectSuccess("follow the bulk job of " + day.date, job.getPath(), poll);
            JsonNode body = JSON.readTree(poll.body());
            String status = body.path("status").asString("");
            if (status.equals("SUCCEEDED")) {
                long rejected = body.path("rejected").asLong(0);
                String line = body.path("rowsRead").asLong(day.rows) + " daily reports in one bulk job (created "
                        + body.path("created").asLong(0) + ", already there " + body.path("duplicates").asLong(0)
                        + ", rejected " + rejected;
                if (rejected > 0) {
                    String rejects = body.path("rejectsUrl").asString(job.getPath() + "/rejects");
                    line += firstReject(rejects) + "; all of them: GET " + rejects;
                }
                return line + ")";
            }
            if (status.equals("FAILED")) {
                throw new LiveException("the bulk job of the daily reports of " + day.date + " failed: "
                        + (body.hasNonNull("error") ? body.get("error").asString() : abbreviate(poll.body())));
            }
            if (System.nanoTime() > deadline) {
                throw new LiveException("the bulk job of " + day.date + " was not done within " + jobTimeout.toSeconds()
                        + " s (last status " + status + progress(body) + ")");
            }
            sleep(Duration.ofMillis(wait));
            wait = Math.min(bulkPollMaxMillis, wait * 2);
        }
    }

    /**
     * The first rejected row of a bulk job, from its rejects CSV: ", e.g. line 7 ...".
     */
    private String firstReject(String rejectsUrl) {
        try {
            HttpResponse<String> rejects = exchange("read the rejected rows", "GET", rejectsUrl, null, null, true);
            if (rejects.statusCode() != 200) {
                return "";
            }
            String[] lines = rejects.body().split("\n", 3);
            return lines.length > 1 && !lines[1].isBlank() ? ", e.g. " + abbreviate(lines[1]) : "";
        }
        catch (LiveException ex) {
            return "";
        }
    }

    /** One line of deliveries.csv. */
    record Delivery(String deliveryId, String kitchenCode, String supplierCode, String commodity,
            java.math.BigDecimal quantityKg, String expectedDate, String deliveredDate) {
    }

    /** What the deliveries batches of a day answered. */
    record DeliveryCounts(long posted, int requests, long created, long duplicates, long rejected,
            String firstRejection) {

        String describe() {
            return posted + " deliveries in " + requests + " requests (created " + created + ", already there "
                    + duplicates + ", rejected " + rejected + (firstRejection == null ? "" : ", e.g. " + firstRejection)
                    + ")";
        }

    }

    /**
     * Schedules deliveries to the kitchens, from their suppliers, with their receipts
     * when they arrived: {@code POST /api/v1/deliveries/batch}, up to 500 a request,
     * {@code --concurrency} at a time. The simulator's delivery id is the client
     * reference, so a second run finds the deliveries the first one stored.
     * @return the counts, or {@code null} when the suite has no such endpoint (or refuses
     * the requests): then say so once
     */
    private DeliveryCounts postDeliveries(ExecutorService pool, List<Delivery> deliveries) {
        if (!deliveries.isEmpty() && kitchenIds.isEmpty()) {
            log.println("Deliveries skipped: they go to kitchens, and the kitchens are not registered.");
            return null;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            String kitchenId = kitchenIds.get(delivery.kitchenCode());
            String supplierId = supplierIds.get(delivery.supplierCode());
            if (kitchenId == null || supplierId == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("supplierId", supplierId);
            item.put("kitchenId", kitchenId);
            item.put("commodity", delivery.commodity());
            item.put("quantityKg", delivery.quantityKg());
            item.put("promisedDate", delivery.expectedDate());
            item.put("clientReference", delivery.deliveryId());
            if (delivery.deliveredDate() != null) {
                item.put("receipt",
                        Map.of("receivedOn", delivery.deliveredDate(), "quantityKg", delivery.quantityKg()));
            }
            items.add(item);
        }
        int size = Math.min(batchSize, MAX_DELIVERY_BATCH);
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        AtomicLong created = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicReference<String> firstRejection = new AtomicReference<>();
        for (int i = 0; i < items.size(); i += size) {
            List<Map<String, Object>> batch = items.subList(i, Math.min(items.size(), i + size));
            String body = JSON.writeValueAsString(Map.of("deliveries", batch));
            posts.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = exchange("post deliveries", "POST", DELIVERIES_BATCH,
                        "application/json", HttpRequest.BodyPublishers.ofString(body), true);
                expectSuccess("post deliveries", DELIVERIES_BATCH, response);
                JsonNode answer = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
                created.addAndGet(answer.path("created").asLong(0));
                duplicates.addAndGet(answer.path("duplicates").asLong(0));
                rejected.addAndGet(answer.path("rejected").asLong(0));
                for (JsonNode result : answer.path("results")) {
                    if (result.path("status").asString("").equals("REJECTED")) {
                        firstRejection.compareAndSet(null,
                                result.path("code").asString("") + " " + result.path("detail").asString(""));
                    }
                }
                return batch.size();
            }, pool));
        }
        try {
            long posted = join(posts).stream().mapToLong(Integer::longValue).sum();
            return new DeliveryCounts(posted, posts.size(), created.get(), duplicates.get(), rejected.get(),
                    firstRejection.get());
        }
        catch (LiveException ex) {
            log.println("Deliveries skipped from here on: " + ex.getMessage());
            return null;
        }
    }

    /**
     * The kitchens' stock on the first day (stock.csv's opening balances), as deliveries
     * received that day from each kitchen's supplier: rice, pulses and oil. The client
     * reference is derived from the kitchen and commodity, so a second run adds nothing.
     */
    private List<Delivery> openingStock(Path file) {
        List<Delivery> opening = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return opening;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = null;
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
                String date = row.get("date");
                if (first == null) {
                    first = date;
                }
                if (!date.equals(first)) {
                    break;
                }
                String kitchen = row.get("kitchen_code");
                String supplier = supplierOfKitchen.get(kitchen);
                if (supplier == null) {
                    continue;
                }
                String[][] commodities = { { "RICE", "grain_opening_kg" }, { "PULSES", "pulses_opening_kg" },
                        { "OIL", "oil_opening_kg" } };
                for (String[] commodity : commodities) {
                    java.math.BigDecimal kg = new java.math.BigDecimal(row.get(commodity[1])).setScale(3,
                            java.math.RoundingMode.HALF_EVEN);
                    if (kg.signum() > 0) {
                        opening.add(new Delivery(openingId(kitchen, commodity[0]), kitchen, supplier, commodity[0], kg,
                                date, date));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new LiveException("cannot read " + file + ": " + ex.getMessage());
        }
        return opening;
    }

    /** The client reference of a kitchen's opening stock of a commodity. */
    static String openingId(String kitchenCode, String commodity) {
        return java.util.UUID
            .nameUUIDFromBytes(
                    ("mdm-simulator:opening:" + kitchenCode + ":" + commodity).getBytes(StandardCharsets.UTF_8))
            .toString();
    }

    /** deliveries.csv by expected date. */
    private TreeMap<String, List<Delivery>> deliveries(Path file) {
        TreeMap<String, List<Delivery>> byDay = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return byDay;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)) {
                Delivery delivery = new Delivery(row.get("delivery_id"), row.get("kitchen_code"),
                        row.get("supplier_code"), row.get("commodity"),
                        new java.math.BigDecimal(row.get("quantity_kg")), row.get("expected_date"),
                        row.get("delivered_date").isEmpty() ? null : row.get("delivered_date"));
                byDay.computeIfAbsent(delivery.expectedDate(), day -> new ArrayList<>()).add(delivery);
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
