import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the running suite ({@code ./run}), as many officials at once: authenticated reads (one school, a district's
 * schools, a school's stock, the day's meal reports, alerts) and a write mix (meal reports), through the gateway and
 * straight to the services, printing throughput, p50/p95/p99 and errors per phase. Only the JDK: no class path.
 *
 * Set-up, done once and kept: as the admin, registers {@code --users} district officers of Tamil Nadu
 * ({@code loadbench.NNN}), activates each from the link of its e-mail on the launcher's mail page and signs them in.
 *
 * Phases: closed loop with {@code --connections} clients for {@code --seconds} (the most it takes), then open loop at
 * {@code --rate} requests a second (latency at a fixed load, timed from each request's planned start, so a stall
 * counts against it). {@code --soak MINUTES}: the mixed load at {@code --rate} for that long, a line every 30 s with
 * the interval's figures and the resident memory of the suite's processes (this machine's /proc); with
 * {@code --psql CONNINFO}, every 5 minutes each service's outbox (unsent and all rows) and inbox row counts.
 */
public class LoadBench {

    static final Pattern UDISE = Pattern.compile("\"udiseCode\"\\s*:\\s*\"([0-9]{11})\"");

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([0-9]{1,6})\"");

    static final Pattern ACCESS = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    static final String PASSWORD = "Load-Bench-Officer-2026!";

    record Official(String username, String district, String token, List<String> schools) {
    }

    record Target(String name, String base, Map<String, String> direct) {

        /** Where a path goes: the gateway, or the service that owns it. */
        String url(String path) {
            if (direct == null) {
                return base + path;
            }
            for (Map.Entry<String, String> e : direct.entrySet()) {
                if (path.startsWith(e.getKey())) {
                    return e.getValue() + path;
                }
            }
            throw new IllegalArgumentException("no service for " + path);
        }

    }

    final Map<String, String> options = new LinkedHashMap<>();

    final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();

    public static void main(String[] args) throws Exception {
        LoadBench bench = new LoadBench();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
            String[] kv = a.substring(2).split("=", 2);
            bench.options.put(kv[0], kv.length == 2 ? kv[1] : (i + 1 < args.length && !args[i + 1].startsWith("--")
                    ? args[++i] : "true"));
        }
        bench.run();
        System.exit(0);
    }

    String opt(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int num(String name, int fallback) {
        return Integer.parseInt(opt(name, Integer.toString(fallback)));
    }

    void run() throws Exception {
        String gateway = opt("gateway", "http://localhost:8080");
        String adminPassword = opt("password", System.getenv("MDM_ADMIN_PASSWORD"));
        if (adminPassword == null) {
            throw new IllegalArgumentException("the admin's password: --password or MDM_ADMIN_PASSWORD");
        }
        String admin = login(gateway, opt("username", "admin"), adminPassword);
        List<Official> officials = officials(gateway, admin, num("users", 40), opt("mail", "http://localhost:18025"));
        Map<String, String> direct = new LinkedHashMap<>();
        direct.put("/api/v1/schools", opt("school-service", "http://localhost:8082"));
        direct.put("/api/v1/stock", opt("school-service", "http://localhost:8082"));
        direct.put("/api/v1/meals", opt("school-service", "http://localhost:8082"));
        direct.put("/api/v1/alerts", opt("alert-service", "http://localhost:8085"));
        List<Target> targets = new ArrayList<>();
        String where = opt("target", "both");
        if (!where.equals("direct")) {
            targets.add(new Target("gateway", gateway, null));
        }
        if (!where.equals("gateway")) {
            targets.add(new Target("direct", null, direct));
        }
        String mix = opt("mix", "reads");
        int seconds = num("seconds", 30);
        int connections = num("connections", 64);
        int rate = num("rate", 1000);
        System.out.printf(Locale.ROOT, "%d officials, %d schools; JDK %s, %d cores; mix %s%n", officials.size(),
                officials.stream().mapToInt(o -> o.schools().size()).sum(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), mix);
        if (options.containsKey("soak")) {
            soak(targets.getFirst(), officials, mix, rate, num("soak", 30));
            return;
        }
        for (Target target : targets) {
            phase(target, officials, mix, Math.min(5, seconds), connections, 0, false);
            System.out.println(phase(target, officials, mix, seconds, connections, 0, true).line(target.name()
                    + ", closed loop, " + connections + " clients"));
            if (rate > 0) {
                System.out.println(phase(target, officials, mix, seconds, connections * 4, rate, true)
                    .line(target.name() + ", open loop at " + rate + "/s"));
            }
        }
    }

    /** What one request of the mix is. */
    HttpRequest next(Target target, Official o, String mix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String school = o.schools().get(r.nextInt(o.schools().size()));
        boolean write = mix.equals("writes") || (mix.equals("mixed") && r.nextInt(10) == 0);
        if (write) {
            LocalDate day = LocalDate.parse(opt("report-date", LocalDate.now().toString()));
            String id = UUID.nameUUIDFromBytes((school + day).getBytes(StandardCharsets.UTF_8)).toString();
            String body = """
                    {"clientReportId":"%s","udiseCode":"%s","date":"%s","attendancePrimary":40,\
                    "attendanceUpperPrimary":20,"mealsServed":60}""".formatted(id, school, day);
            return request(target.url("/api/v1/meals/reports"), o.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        }
        int pick = mix.equals("school") ? 0 : r.nextInt(100);
        String path;
        if (pick < 50) {
            path = "/api/v1/schools/" + school;
        }
        else if (pick < 65) {
            path = "/api/v1/schools?districtCode=" + o.district() + "&size=20&page=" + r.nextInt(5);
        }
        else if (pick < 80) {
            path = "/api/v1/stock/schools/" + school;
        }
        else if (pick < 90) {
            path = "/api/v1/meals/reports?udiseCode=" + school + "&size=10";
        }
        else {
            path = "/api/v1/alerts?size=20";
        }
        return request(target.url(path), o.token()).GET().build();
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Encoding", "identity");
    }

    /** What a request of the mix is, for the figures by kind. */
    static final List<String> KINDS = List.of("one school", "district list", "stock", "meal reports", "alerts",
            "report posted");

    static final long NANOS = (1L << 58) - 1;

    static int kind(HttpRequest request) {
        String path = request.uri().getPath();
        if (request.method().equals("POST")) {
            return 5;
        }
        if (path.startsWith("/api/v1/alerts")) {
            return 4;
        }
        if (path.startsWith("/api/v1/meals")) {
            return 3;
        }
        if (path.startsWith("/api/v1/stock")) {
            return 2;
        }
        return path.equals("/api/v1/schools") ? 1 : 0;
    }

    /** Figures of a phase; each sample is its kind (top bits) and its nanoseconds. */
    record Figures(long requests, double seconds, long[] samples, Map<Integer, Long> statuses, long failures) {

        long[] nanos() {
            return Arrays.stream(samples).map(v -> v & NANOS).sorted().toArray();
        }

        /** p50 and p99 of each kind of request in the phase. */
        String byKind() {
            StringBuilder out = new StringBuilder("    by kind:");
            for (int k = 0; k < KINDS.size(); k++) {
                long kind = k;
                long[] mine = Arrays.stream(samples).filter(v -> v >>> 58 == kind).map(v -> v & NANOS).sorted().toArray();
                if (mine.length > 0) {
                    out.append(String.format(Locale.ROOT, " %s %,d p50 %.1f p99 %.1f ms;", KINDS.get(k), mine.length,
                            pct(mine, 50) / 1e6, pct(mine, 99) / 1e6));
                }
            }
            return out.toString();
        }

        String line(String what) {
            long[] nanos = nanos();
            // a 409 is a report posted again (the answer for a duplicate), not a failure
            long errors = failures + statuses.entrySet()
                .stream()
                .filter(e -> e.getKey() >= 400 && e.getKey() != 409)
                .mapToLong(Map.Entry::getValue)
                .sum();
            return String.format(Locale.ROOT,
                    "%-36s %,8.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %d of %,d %s", what,
                    requests / seconds, pct(nanos, 50) / 1e6, pct(nanos, 95) / 1e6, pct(nanos, 99) / 1e6, errors,
                    requests, statuses) + System.lineSeparator() + byKind();
        }

    }

    /**
     * One phase: {@code rate} 0 is a closed loop ({@code clients} each sending its next request when the last one is
     * answered), otherwise requests start on schedule, {@code rate} a second, on up to {@code clients} at once.
     */
    Figures phase(Target target, List<Official> officials, String mix, int seconds, int clients, int rate,
            boolean record) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> samples = new ArrayList<>();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        AtomicLong sent = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                long[] mine = new long[rate == 0 ? 200_000 : (int) Math.max(1000, (long) rate * seconds / clients * 2)];
                samples.add(mine);
                int client = c;
                pool.submit(() -> {
                    int n = 0;
                    long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * clients / rate;
                    long planned = start + (rate == 0 ? 0 : interval * client / clients);
                    while (true) {
                        long now = System.nanoTime();
                        if (rate > 0) {
                            if (planned > now) {
                                java.util.concurrent.locks.LockSupport.parkNanos(planned - now);
                            }
                        }
                        long from = rate > 0 ? planned : System.nanoTime();
                        if (from >= end) {
                            break;
                        }
                        Official o = officials.get(ThreadLocalRandom.current().nextInt(officials.size()));
                        HttpRequest request = next(target, o, mix);
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            statuses.merge(response.statusCode(), 1L, Long::sum);
                        }
                        catch (IOException ex) {
                            failures.increment();
                        }
                        catch (InterruptedException ex) {
                            return;
                        }
                        if (n < mine.length) {
                            mine[n++] = ((long) kind(request) << 58) | Math.max(1, System.nanoTime() - from);
                        }
                        sent.incrementAndGet();
                        planned += interval;
                    }
                    if (n < mine.length) {
                        mine[n] = -1;
                    }
                });
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        long[] all = samples.stream()
            .flatMapToLong(a -> Arrays.stream(a).takeWhile(v -> v > 0))
            .sorted()
            .toArray();
        return new Figures(sent.get(), took, all, new java.util.TreeMap<>(statuses), failures.sum());
    }

    void soak(Target target, List<Official> officials, String mix, int rate, int minutes) throws Exception {
        System.out.printf(Locale.ROOT, "soak: %s at %d/s for %d minutes, a line every 30 s%n", target.name(), rate,
                minutes);
        String database = options.get("psql");
        if (database != null) {
            System.out.println("tables at the start: " + tables(database));
        }
        String gateway = opt("gateway", "http://localhost:8080");
        for (int i = 0; i < minutes * 2; i++) {
            if (i > 0 && i % 20 == 0) {
                // the officials' access tokens last 15 minutes: they sign in again every 10
                officials = renewed(gateway, officials);
            }
            Figures f = phase(target, officials, mix, 30, 256, rate, true);
            System.out.println(f.line(String.format(Locale.ROOT, "%5.1f min", (i + 1) / 2.0)) + "  " + memory());
            if (database != null && (i % 10 == 9 || i == minutes * 2 - 1)) {
                System.out.println("tables: " + tables(database));
            }
        }
    }

    /** The same officials signed in again (fresh access tokens). */
    List<Official> renewed(String gateway, List<Official> officials) throws Exception {
        List<Official> renewed = new ArrayList<>(officials.size());
        for (Official o : officials) {
            renewed.add(new Official(o.username(), o.district(), login(gateway, o.username(), PASSWORD), o.schools()));
        }
        return renewed;
    }

    /** Every service's schema: its outbox and inbox (event_publication, processed_events). */
    static final List<String> SCHEMAS = List.of("auth", "school", "finance", "ml", "alert", "notification",
            "optimization", "report");

    /**
     * The outbox rows not yet sent, all outbox rows, and the inbox rows of every service, read with {@code psql} (on
     * the PATH) from the suite's database ({@code --psql "host=127.0.0.1 port=15432 user=postgres dbname=mdm"}).
     */
    static String tables(String connection) {
        StringBuilder sql = new StringBuilder();
        for (String schema : SCHEMAS) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select '").append(schema).append("', (select count(*) from ").append(schema)
                .append(".event_publication where completion_date is null), (select count(*) from ").append(schema)
                .append(".event_publication), (select count(*) from ").append(schema).append(".processed_events)");
        }
        try {
            Process psql = new ProcessBuilder("psql", connection, "-Atc", sql.toString()).redirectErrorStream(true)
                .start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (psql.waitFor() != 0) {
                return "psql failed: " + out;
            }
            StringBuilder line = new StringBuilder("unsent/outbox/inbox");
            for (String row : out.split("\n")) {
                String[] cells = row.split("\\|");
                line.append(' ').append(cells[0]).append(' ').append(cells[1]).append('/').append(cells[2])
                    .append('/').append(cells[3]);
            }
            return line.toString();
        }
        catch (IOException ex) {
            return "no psql: " + ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Resident memory of the suite's processes on this machine: the total and the largest three. */
    static String memory() {
        Map<String, Long> kib = new java.util.TreeMap<>();
        long[] pss = { 0 };
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    Matcher m = Pattern.compile("([a-z-]+)\\.jar|(postgres)|(KafkaRaft)").matcher(cmd);
                    if (!m.find()) {
                        continue;
                    }
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? "postgres" : "kafka";
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("VmRSS:")) {
                            kib.merge(name, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
                        }
                    }
                    for (String line : Files.readAllLines(p.resolve("smaps_rollup"))) {
                        if (line.startsWith("Pss:")) {
                            pss[0] += Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                }
                catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        catch (IOException ex) {
            return "memory: " + ex.getMessage();
        }
        long total = kib.values().stream().mapToLong(Long::longValue).sum();
        // RSS summed as the launcher sums it (PostgreSQL's shared buffers once per backend that touched them); PSS
        // shares each page among the processes that map it
        StringBuilder top = new StringBuilder(String.format(Locale.ROOT, "RSS %.2f GiB (PSS %.2f GiB)",
                total / 1048576.0, pss[0] / 1048576.0));
        kib.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3)
            .forEach(e -> top.append(String.format(Locale.ROOT, ", %s %d MiB", e.getKey(), e.getValue() / 1024)));
        return top.toString();
    }

    /** Activates an official from the link of its e-mail (waiting up to a minute for the e-mail). */
    void activate(String gateway, String mail, String username) throws Exception {
        Pattern link = Pattern.compile(
                Pattern.quote(username + "@loadbench.example") + ".*?/activate\\?token=([A-Za-z0-9_%.~-]+)",
                Pattern.DOTALL);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String page = http.send(HttpRequest.newBuilder(URI.create(mail + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = link.matcher(page);
            if (m.find()) {
                String token = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/activate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"token":"%s","password":"%s"}""".formatted(token, PASSWORD)))
                    .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 300) {
                    throw new IllegalStateException("activate " + username + ": " + r.statusCode() + " " + r.body());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no activation e-mail for " + username + " on " + mail);
            }
            Thread.sleep(1000);
        }
    }

    /** The access token, or null when the login is refused. */
    String tryLogin(String gateway, String username, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("""
                    {"username":"%s","password":"%s"}""".formatted(username, password)))
            .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS.matcher(r.body());
        return r.statusCode() == 200 && m.find() ? m.group(1) : null;
    }

    String login(String gateway, String username, String password) throws Exception {
        String token = tryLogin(gateway, username, password);
        if (token == null) {
            throw new IllegalStateException("the login of " + username + " was refused");
        }
        return token;
    }

    /**
     * The district officers of the run: registered and activated once (their e-mails' links), signed in each run.
     */
    List<Official> officials(String gateway, String admin, int count, String mail) throws Exception {
        List<String> districts = new ArrayList<>();
        Matcher d = CODE.matcher(get(gateway + "/api/v1/districts?stateCode=33", admin));
        while (d.find()) {
            districts.add(d.group(1));
        }
        if (districts.isEmpty()) {
            throw new IllegalStateException("no districts of Tamil Nadu: import schools first (./run --demo)");
        }
        for (int i = 0; i < count; i++) {
            String username = "loadbench.%03d".formatted(i);
            String district = districts.get(i % districts.size());
            String body = """
                    {"username":"%s","email":"%s@loadbench.example","displayName":"Load bench officer %d",\
                    "role":"OFFICER","jurisdictionLevel":"DISTRICT","jurisdictionCode":"%s","districtCode":"%s",\
                    "preferredLanguage":"en"}""".formatted(username, username, i, district, district);
            HttpResponse<String> r = http.send(request(gateway + "/api/v1/auth/register", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IllegalStateException("register " + username + ": " + r.statusCode() + " " + r.body());
            }
        }
        for (int i = 0; i < count; i++) {
            String username = "loadbench.%03d".formatted(i);
            if (tryLogin(gateway, username, PASSWORD) == null) {
                activate(gateway, mail, username);
            }
        }
        List<Official> officials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "loadbench.%03d".formatted(i);
            String district = districts.get(i % districts.size());
            String token = login(gateway, username, PASSWORD);
            List<String> schools = new ArrayList<>();
            Matcher s = UDISE.matcher(get(gateway + "/api/v1/schools?districtCode=" + district + "&size=100", token));
            while (s.find()) {
                schools.add(s.group(1));
            }
            if (!schools.isEmpty()) {
                officials.add(new Official(username, district, token, schools));
            }
        }
        if (officials.isEmpty()) {
            throw new IllegalStateException("the officials see no schools");
        }
        return officials;
    }

    String get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
