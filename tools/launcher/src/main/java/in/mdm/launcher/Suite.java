package in.mdm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import in.mdm.platform.security.PasswordPolicy;

/**
 * The whole suite on one machine: PostgreSQL, Redis and Kafka, then config-server, then
 * discovery, the gateway and the chosen services, each application a JVM of its own
 * running its Spring Boot jar. {@link #start} returns once every application is ready and
 * the gateway routes to every service.
 *
 * <p>
 * On JDK 25 an application whose jar has an AOT cache starts from it, one without from
 * its extracted jar; no start waits for a cache. {@link #trainMissingCaches()} then
 * trains the missing ones in the background, one at a time at low priority, for the next
 * start ({@link AotCache}).
 *
 * <p>
 * A JVM shutdown hook stops everything if the owner does not call {@link #close()}.
 */
public final class Suite implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /**
     * Jars extracted at once for their AOT caches (each extraction is a short JVM run).
     */
    private static final int EXTRACTIONS = 2;

    /**
     * How long one training run may take at low priority before it is stopped and left
     * for the next start.
     */
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .executor(Background.EXECUTOR)
        .build();

    private final LaunchOptions options;

    private final Consumer<String> progress;

    private final String marker;

    private final Map<String, ChildProcess> apps = new LinkedHashMap<>();

    private final Map<String, AotCache.Launch> launches = new LinkedHashMap<>();

    private final Thread shutdownHook = new Thread(this::close, "mdm-suite-shutdown");

    private InfrastructureServers infrastructure;

    private MessageSink messages;

    private FileChannel lockChannel;

    private FileLock lock;

    private AdminPassword adminPassword;

    private AotCache aot;

    private CompletableFuture<Void> training;

    private ChildProcess trainingRun;

    private Duration startupTime;

    private boolean closed;

    private Suite(LaunchOptions options) {
        this.options = options;
        this.progress = options.progress();
        this.marker = "-Dmdm.launcher.data=" + options.dataDir();
    }

    /**
     * Starts everything and returns when every application is ready and routed; on
     * failure stops all.
     */
    public static Suite start(LaunchOptions options) {
        Suite suite = new Suite(options);
        try {
            suite.startAll();
            return suite;
        }
        catch (RuntimeException | Error ex) {
            suite.close();
            throw ex;
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        // a password auth-service would refuse stops the start here, before anything runs
        adminPassword = options.services().stream().anyMatch(app -> app.name().equals("auth-service"))
                ? AdminPassword.resolve(options.dataDir(), System.getenv()) : null;
        requireJars();
        lockDataDir();
        stopLeftovers();
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        aot = aotCache();
        Map<App, CompletableFuture<AotCache.Launch>> prepared = prepareLaunches();
        infrastructure = InfrastructureServers.start(options, marker);
        messages = MessageSink.start(options.ports().smtp(), options.ports().messages(), gatewayUrl());
        messages.serve("/weather", WeatherStandIn.of(options.root(), options.runDir().resolve("simulated"))::handle);
        progress.accept(String.format("  %-40s ready", "Mail and SMS on http://localhost:" + messages.webPort()));
        prepared.forEach((app, launch) -> launches.put(app.name(), launch.join()));
        reportCaches();

        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        launch(App.CONFIG_SERVER);
        awaitReady(List.of(App.CONFIG_SERVER), deadline);

        List<App> rest = options.apps().stream().filter(app -> app != App.CONFIG_SERVER).toList();
        rest.forEach(this::launch);
        awaitReady(rest, deadline);
        awaitRouted(options.services(), deadline);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void requireJars() {
        List<String> missing = options.apps()
            .stream()
            .filter(app -> !Files.isRegularFile(app.jar(options.root())))
            .map(app -> app.name() + " (" + options.root().relativize(app.jar(options.root())) + ")")
            .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + ". Build with ./mvnw -B install -DskipTests (./run does so itself).");
        }
    }

    private void lockDataDir() {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logDir());
            lockChannel = FileChannel.open(options.dataDir().resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another launcher runs on " + options.dataDir()
                        + ". Stop it, or give this one its own --data-dir and --port-offset.");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot lock " + options.dataDir(), ex);
        }
    }

    /**
     * Processes a killed launcher left behind on this data folder (no live launcher holds
     * its lock).
     */
    private void stopLeftovers() {
        List<ProcessHandle> leftovers = Processes.withArgument(marker);
        if (!leftovers.isEmpty()) {
            progress.accept("Stopping " + leftovers.size() + " process(es) left behind by an earlier run.");
            leftovers.parallelStream().forEach(process -> Processes.stop(process, Duration.ofSeconds(10)));
        }
    }

    private AotCache aotCache() {
        if (!options.aot()) {
            return null;
        }
        if (!AotCache.supported()) {
            progress.accept("AOT caches need JDK 25 or later; this is JDK " + Jvm.feature() + ": starting without.");
            return null;
        }
        return new AotCache(options.aotDir(), options.logDir());
    }

    /**
     * Each application's launch, found (and its jar extracted, two at a time) while the
     * infrastructure starts.
     */
    private Map<App, CompletableFuture<AotCache.Launch>> prepareLaunches() {
        Map<App, CompletableFuture<AotCache.Launch>> prepared = new LinkedHashMap<>();
        Semaphore slots = new Semaphore(EXTRACTIONS);
        for (App app : options.apps()) {
            Path jar = app.jar(options.root());
            prepared.put(app, aot == null ? CompletableFuture.completedFuture(AotCache.Launch.plain(jar))
                    : CompletableFuture.supplyAsync(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            return aot.launch(app.name(), jar);
                        }
                        finally {
                            slots.release();
                        }
                    }, Background.EXECUTOR));
        }
        return prepared;
    }

    private void reportCaches() {
        if (aot == null) {
            return;
        }
        List<String> plain = launches.entrySet()
            .stream()
            .filter(entry -> !entry.getValue().cached() && !entry.getValue().jar().startsWith(options.aotDir()))
            .map(Map.Entry::getKey)
            .toList();
        if (!plain.isEmpty()) {
            progress.accept("No AOT cache for " + String.join(", ", plain) + ": extracting the jar failed (see "
                    + shortPath(options.logDir()) + "/<app>-extract.log); starting from the jar as it is.");
        }
        List<String> untrained = untrained();
        if (!untrained.isEmpty()) {
            progress.accept("No AOT cache yet for "
                    + (untrained.size() == launches.size() ? "any application" : String.join(", ", untrained))
                    + " (new build): starting without; the caches are trained once" + " everything is up.");
        }
    }

    private String shortPath(Path path) {
        return path.startsWith(options.root()) ? options.root().relativize(path).toString() : path.toString();
    }

    /** The JVM command of one application, starting it as {@code launch} says. */
    private List<String> command(App app, AotCache.Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.addAll(options.jvmFlags(app.name()));
        command.add(marker);
        command.addAll(launch.flags());
        command.add("-jar");
        command.add(launch.jar().toString());
        return command;
    }

    private synchronized void launch(App app) {
        AotCache.Launch launch = launches.get(app.name());
        ChildProcess process = new ChildProcess(app.name(), command(app, launch), environment(app),
                options.logDir().resolve(app.name() + ".log"));
        apps.put(app.name(), process.start(true));
    }

    /**
     * What every application reads (the environment contract), then the options' extra
     * environment.
     */
    Map<String, String> environment(App app) {
        Ports ports = options.ports();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SERVER_PORT", Integer.toString(ports.app(app)));
        environment.put("MDM_CONFIG_URI", "http://localhost:" + ports.app(App.CONFIG_SERVER));
        environment.put("MDM_EUREKA_URL", "http://localhost:" + ports.app(App.DISCOVERY) + "/eureka/");
        environment.put("MDM_DB_URL", infrastructure.jdbcUrl());
        environment.put("MDM_DB_USER", infrastructure.dbUser());
        environment.put("MDM_DB_PASSWORD", infrastructure.dbPassword());
        environment.put("MDM_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrap());
        environment.put("MDM_REDIS_HOST", infrastructure.redisHost());
        environment.put("MDM_REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        if (messages != null) {
            environment.putAll(messageEnvironment(messages.smtpPort(), messages.webPort()));
            if (app.name().equals("ml-service")) {
                environment.putAll(weatherEnvironment(messages.webPort()));
            }
        }
        if (app.name().equals("report-service")) {
            // report files live with the suite's data, kept across restarts
            environment.put("MDM_REPORT_STORAGE_DIR", options.dataDir().resolve("reports").toString());
        }
        if (app == App.CONFIG_SERVER) {
            environment.put("MDM_CONFIG_REPO", options.root().resolve("config-repo").toUri().toString());
        }
        environment.putAll(identityEnvironment(app, ports, adminPassword, System.getenv()));
        if (app.name().equals("auth-service") || app.name().equals("school-service")
                || app.name().equals("notification-service")) {
            // the development key ring of personal data lives with the data it
            // encrypts (generated there on first start when no MDM_CRYPTO_* keys are set)
            environment.put("MDM_CRYPTO_DEV_KEY_FILE", devKeyFile(options.dataDir()).toString());
        }
        environment.putAll(options.environment());
        return environment;
    }

    /**
     * Where notification-service sends: the local SMTP server, the SMS sink (with a key
     * and the sink's own DLT check left to the sink), and the links of account e-mails,
     * which open the sink's small activation and reset forms.
     */
    static Map<String, String> messageEnvironment(int smtpPort, int webPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        String page = "http://localhost:" + webPort;
        environment.put("MDM_SMTP_HOST", "127.0.0.1");
        environment.put("MDM_SMTP_PORT", Integer.toString(smtpPort));
        environment.put("MDM_SMS_URL", "http://127.0.0.1:" + webPort + "/sms");
        environment.put("MDM_SMS_API_KEY", "local");
        environment.put("MDM_ACTIVATION_LINK", page + "/activate?token={token}");
        environment.put("MDM_RESET_LINK", page + "/reset-password?token={token}");
        return environment;
    }

    /**
     * Where ml-service asks for the weather: the launcher's stand-in for the public
     * forecast API ({@link WeatherStandIn}), fed by the demo's simulated weather, asked
     * every 15 minutes so that the demo's rain shows soon after the simulator wrote it.
     */
    static Map<String, String> weatherEnvironment(int webPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MDM_WEATHER_URL", "http://127.0.0.1:" + webPort + "/weather");
        environment.put("MDM_WEATHER_SOURCE", "twin-simulator (./run stand-in)");
        environment.put("MDM_WEATHER_EVERY", "PT15M");
        return environment;
    }

    /**
     * Where auth-service and school-service keep the development key ring of a data
     * folder.
     */
    static Path devKeyFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("auth-field-keys.properties");
    }

    /** The page that shows the mail and SMS sent, or null before it has started. */
    public String messagesUrl() {
        return messages == null ? null : "http://localhost:" + messages.webPort();
    }

    /** The local SMTP server and SMS sink. */
    public MessageSink messageSink() {
        return messages;
    }

    /**
     * What the identity work needs of every application: the public URL tokens are issued
     * for (the gateway's), where auth-service publishes its keys, an outside issuer when
     * one is configured, and, for auth-service, the admin user it creates on its first
     * start.
     * @param launcher the launcher's own environment
     */
    static Map<String, String> identityEnvironment(App app, Ports ports, AdminPassword admin,
            Map<String, String> launcher) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MDM_PUBLIC_URL", "http://localhost:" + ports.app(App.GATEWAY));
        environment.put("MDM_AUTH_JWKS_URI",
                "http://localhost:" + ports.app("auth-service") + "/.well-known/jwks.json");
        String keycloak = launcher.get("MDM_KEYCLOAK_ISSUER_URI");
        if (keycloak != null && !keycloak.isBlank()) {
            environment.put("MDM_KEYCLOAK_ISSUER_URI", keycloak);
        }
        if (app.name().equals("auth-service") && admin != null) {
            environment.put("MDM_ADMIN_USERNAME", admin.username());
            environment.put("MDM_ADMIN_PASSWORD", admin.value());
        }
        return environment;
    }

    private void awaitReady(Collection<App> waiting, long deadline) {
        Set<App> pending = new LinkedHashSet<>(waiting);
        while (!pending.isEmpty()) {
            for (App app : List.copyOf(pending)) {
                ChildProcess process = process(app);
                if (!process.isAlive()) {
                    throw new IllegalStateException(app.name() + " exited with code " + process.exitValue()
                            + " before it was ready; see " + process.log() + ":\n" + process.tail(40));
                }
                if (status(url(app) + "/actuator/health/readiness") == 200) {
                    pending.remove(app);
                    progress.accept(String.format("  %-40s ready", app.name() + " on :" + options.ports().app(app)));
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw timeout("not ready", pending);
                }
                pause(500);
            }
        }
    }

    private void awaitRouted(Collection<App> services, long deadline) {
        Set<App> pending = new LinkedHashSet<>(services);
        while (!pending.isEmpty()) {
            for (App app : List.copyOf(pending)) {
                for (App needed : List.of(App.GATEWAY, App.DISCOVERY, app)) {
                    ChildProcess process = process(needed);
                    if (!process.isAlive()) {
                        throw new IllegalStateException(needed.name() + " exited with code " + process.exitValue()
                                + "; see " + process.log() + ":\n" + process.tail(40));
                    }
                }
                if (status(gatewayUrl() + app.docsPath()) == 200) {
                    pending.remove(app);
                    progress.accept(String.format("  %-40s routed (%s)", app.name(), app.docsPath()));
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw timeout(
                            "not routed by the gateway (GET " + gatewayUrl() + "/v3/api-docs/<service> is not 200)",
                            pending);
                }
                pause(500);
            }
        }
    }

    private IllegalStateException timeout(String what, Set<App> pending) {
        StringBuilder message = new StringBuilder();
        message.append(what).append(" within ").append(options.startTimeout().toSeconds()).append(" s: ");
        message.append(pending.stream()
            .map(app -> app.name() + " (log: " + process(app).log() + ")")
            .collect(Collectors.joining(", ")));
        App first = pending.iterator().next();
        message.append("\nlast lines of ").append(first.name()).append("'s log:\n").append(process(first).tail(40));
        return new IllegalStateException(message.toString());
    }

    private static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private synchronized ChildProcess process(App app) {
        ChildProcess process = apps.get(app.name());
        if (process == null) {
            throw new IllegalArgumentException(app.name() + " is not part of this suite");
        }
        return process;
    }

    private App app(String name) {
        App app = App.named(name).orElseThrow(() -> new IllegalArgumentException("no application named " + name));
        process(app);
        return app;
    }

    /** {@code http://localhost:<gateway port>}. */
    public String gatewayUrl() {
        return url(App.GATEWAY);
    }

    /** {@code http://localhost:<port>} of one application, bypassing the gateway. */
    public String url(String app) {
        return url(app(app));
    }

    private String url(App app) {
        return "http://localhost:" + options.ports().app(app);
    }

    public String kafkaBootstrap() {
        return infrastructure.kafkaBootstrap();
    }

    /** The JDBC URL of database {@code mdm} that every service uses. */
    public String jdbcUrl() {
        return infrastructure.jdbcUrl();
    }

    public String dbUser() {
        return infrastructure.dbUser();
    }

    public String dbPassword() {
        return infrastructure.dbPassword();
    }

    public LaunchOptions options() {
        return options;
    }

    /** From the call of {@link #start} until every service was routed. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * The applications that started without an AOT cache and will have one trained (a new
     * build's first start).
     */
    public synchronized List<String> untrained() {
        return launches.entrySet()
            .stream()
            .filter(entry -> entry.getValue().trainable())
            .map(Map.Entry::getKey)
            .toList();
    }

    /** The applications that started from an AOT cache. */
    public synchronized List<String> cached() {
        return launches.entrySet().stream().filter(entry -> entry.getValue().cached()).map(Map.Entry::getKey).toList();
    }

    /** The admin password given to auth-service, if auth-service runs. */
    public AdminPassword adminPassword() {
        return adminPassword;
    }

    /** The log file of one application. */
    public Path log(String app) {
        return process(app(app)).log();
    }

    /** Applications whose process has ended although nobody stopped it. */
    public synchronized List<String> exited() {
        return apps.values().stream().filter(process -> !process.isAlive()).map(ChildProcess::name).toList();
    }

    /**
     * Every process of the suite: the applications, Kafka, redis-server, PostgreSQL, and
     * their descendants.
     */
    public synchronized List<ProcessHandle> processes() {
        List<ProcessHandle> roots = new ArrayList<>();
        apps.values().stream().filter(ChildProcess::isAlive).forEach(process -> roots.add(process.handle()));
        if (infrastructure != null) {
            roots.addAll(infrastructure.processes());
        }
        roots.addAll(ProcessHandle.current().children().toList());
        return new ArrayList<>(Processes.trees(roots));
    }

    /** The summed resident memory of {@link #processes()} in KiB. */
    public long rssKiB() {
        return Processes.totalRssKiB(processes());
    }

    /** Crashes one application (SIGKILL) and returns once its process has gone. */
    public void kill(String service) {
        App app = app(service);
        process(app).kill();
        progress.accept("  " + app.name() + " killed");
    }

    /**
     * Starts one application again (stopping it first if it runs) and waits until it is
     * ready and routed.
     */
    public void restart(String service) {
        App app = app(service);
        ChildProcess old = process(app);
        if (old.isAlive()) {
            old.stop(STOP_GRACE);
        }
        ChildProcess fresh;
        synchronized (this) {
            if (aot != null) {
                // a cache trained since the start is used now
                launches.put(app.name(), aot.launch(app.name(), app.jar(options.root())));
            }
            fresh = new ChildProcess(app.name(), command(app, launches.get(app.name())), old.environment(), old.log());
            apps.put(app.name(), fresh.start(false));
        }
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        awaitReady(List.of(app), deadline);
        if (app.isService()) {
            awaitRouted(List.of(app), deadline);
        }
        else if (app == App.GATEWAY || app == App.DISCOVERY) {
            awaitRouted(options.services(), deadline);
        }
    }

    /**
     * Crashes the suite's Kafka broker (SIGKILL) and starts it again on its log folder;
     * returns once it answers. The applications reconnect by themselves.
     */
    public void crashAndRestartKafka() {
        crashAndRestartKafka(Duration.ZERO);
    }

    /** {@link #crashAndRestartKafka()}, the broker down for {@code down} in between. */
    public void crashAndRestartKafka(Duration down) {
        infrastructure.crashAndRestartKafka(down);
        progress.accept("  Kafka killed and started again");
    }

    /**
     * Crashes the suite's PostgreSQL (SIGKILL for the postmaster) and starts it again on
     * its data folder; returns once it accepts connections. The applications' pools
     * reconnect by themselves.
     */
    public void crashAndRestartPostgres() {
        crashAndRestartPostgres(Duration.ZERO);
    }

    /**
     * {@link #crashAndRestartPostgres()}, the database down for {@code down} in between.
     */
    public void crashAndRestartPostgres(Duration down) {
        infrastructure.crashAndRestartPostgres(down);
        progress.accept("  PostgreSQL killed and started again");
    }

    /** Whether {@link #close()} has begun. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops every application (SIGTERM, SIGKILL after 20 s), then Kafka, Redis and
     * PostgreSQL.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<ChildProcess> running;
        synchronized (this) {
            running = apps.values().stream().filter(ChildProcess::isAlive).toList();
        }
        List<ProcessHandle> all = processes();
        if (!running.isEmpty() || infrastructure != null) {
            progress.accept("Stopping " + running.size() + " application(s) and the infrastructure.");
        }
        stopTraining();
        try {
            CompletableFuture
                .allOf(running.stream()
                    .map(process -> CompletableFuture.runAsync(() -> process.stop(STOP_GRACE), Background.EXECUTOR))
                    .toArray(CompletableFuture[]::new))
                .join();
        }
        catch (CompletionException ex) {
            System.err.println("while stopping the applications: " + ex.getCause());
        }
        if (messages != null) {
            messages.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        // whatever else this launcher started (redis-server, a child of a child): no
        // process stays behind
        Processes.awaitGone(all, Duration.ofSeconds(10));
        if (lock != null) {
            // only the launcher holding the data folder's lock owns what carries its
            // marker
            Processes.kill(Processes.withArgument(marker));
        }
        releaseLock();
        if (!running.isEmpty() || infrastructure != null) {
            progress.accept("Stopped.");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException | IllegalArgumentException ex) {
            // the JVM is shutting down (this is the hook), or it was never added
        }
    }

    /**
     * Trains the AOT caches this start lacked, in the background: one application at a
     * time, each a JVM of its own at the lowest CPU priority that refreshes its Spring
     * context against the running suite and exits, writing its cache for the next start.
     * Call it once the suite is up; nothing here delays a start. Stopping the suite stops
     * the training too, and what was not trained yet is trained on the next start.
     * @return completes when every missing cache was trained or tried, or the suite
     * stopped
     */
    public synchronized CompletableFuture<Void> trainMissingCaches() {
        if (training == null) {
            List<String> untrained = untrained();
            if (aot == null || untrained.isEmpty() || closed) {
                training = CompletableFuture.completedFuture(null);
            }
            else {
                progress.accept("Training the AOT caches for the next start: " + untrained.size() + " application(s),"
                        + " one at a time at low priority (logs: " + shortPath(options.logDir())
                        + "/<app>-aot-training.log).");
                training = CompletableFuture.runAsync(() -> train(untrained), Background.EXECUTOR);
            }
        }
        return training;
    }

    private void train(List<String> untrained) {
        long started = System.nanoTime();
        List<String> trained = new ArrayList<>();
        for (String name : untrained) {
            App app = App.named(name).orElseThrow();
            AotCache.Training training;
            synchronized (this) {
                if (closed) {
                    return;
                }
                AotCache.Launch launch = launches.get(name);
                List<String> command = command(app, launch);
                try {
                    training = aot.training(name, launch, command.subList(0, command.indexOf("-jar")));
                }
                catch (IOException ex) {
                    progress.accept("The AOT cache of " + name + " cannot be trained: " + ex);
                    continue;
                }
            }
            long one = System.nanoTime();
            int exit = runTrainingStep(name, training.record(), environment(app), true);
            if (exit == 0) {
                exit = runTrainingStep(name, training.create(), Map.of(), false);
            }
            boolean interrupted;
            synchronized (this) {
                interrupted = closed || exit == -1;
            }
            switch (aot.keepTraining(name, training, exit, interrupted)) {
                case TRAINED -> trained.add(String.format("%s %.0f s", name, (System.nanoTime() - one) / 1e9));
                case FAILED -> progress.accept("Training the AOT cache of " + name + " failed (exit code " + exit
                        + ", see " + shortPath(aot.trainingLog(name)) + "); it runs without one until its next build.");
                case INTERRUPTED -> {
                    if (!isClosed()) {
                        progress.accept("Training the AOT cache of " + name + " took over " + TRAINING_LIMIT.toMinutes()
                                + " minutes and was stopped; the next start tries again.");
                    }
                }
            }
        }
        if (!trained.isEmpty() && !isClosed()) {
            progress.accept(String.format("AOT caches trained in %.0f s (%s); the next start uses them.",
                    (System.nanoTime() - started) / 1e9, String.join(", ", trained)));
        }
    }

    /**
     * One JVM run of a training, to its end; its exit code, -1 when it ran out of time,
     * 137 when stopped.
     */
    private int runTrainingStep(String app, List<String> command, Map<String, String> environment, boolean first) {
        ChildProcess run = new ChildProcess(app + "-aot-training", command, environment, aot.trainingLog(app));
        synchronized (this) {
            if (closed) {
                return 137;
            }
            try {
                // started while holding the lock: close() either sees it and stops it, or
                // it never starts
                trainingRun = run.start(first);
            }
            catch (UncheckedIOException ex) {
                progress.accept("Training the AOT cache of " + app + " did not start: " + ex.getMessage());
                return 1;
            }
        }
        int exit = run.awaitEnd(TRAINING_LIMIT);
        synchronized (this) {
            trainingRun = null;
        }
        return exit;
    }

    /** Ends a training run under way: what it wrote is incomplete and is discarded. */
    private void stopTraining() {
        ChildProcess run;
        synchronized (this) {
            run = trainingRun;
        }
        if (run != null) {
            run.kill();
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        }
        catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    /**
     * The admin user auth-service creates on its first start: {@code MDM_ADMIN_USERNAME}
     * (default {@code admin}) and {@code MDM_ADMIN_PASSWORD} if set, otherwise a password
     * generated on the first run and kept beside the data (mode 600), since the admin
     * user lives in that data too and a new password would not match it. A password
     * auth-service's {@link PasswordPolicy} refuses is refused here, with the policy's
     * reason: auth-service would create no admin, and nobody could sign in.
     *
     * @param generated whether it was generated by this run, so that it is shown once
     * @param file where a generated password is kept, {@code null} when it came from the
     * environment
     */
    public record AdminPassword(String username, String value, boolean generated, Path file) {

        static final String DEFAULT_USERNAME = "admin";
        static final int LENGTH = 20;

        private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

        private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

        private static final String DIGITS = "23456789";

        private static final String ALPHABET = UPPER + LOWER + DIGITS;

        static AdminPassword resolve(Path dataDir, Map<String, String> environment) {
            String username = environment.getOrDefault("MDM_ADMIN_USERNAME", "");
            username = username.isBlank() ? DEFAULT_USERNAME : username.trim();
            String given = environment.get("MDM_ADMIN_PASSWORD");
            if (given != null && !given.isBlank()) {
                requireAccepted(given, username, "MDM_ADMIN_PASSWORD");
                return new AdminPassword(username, given, false, null);
            }
            Path file = dataDir.resolve("admin-password");
            try {
                if (Files.isRegularFile(file)) {
                    String kept = Files.readString(file).trim();
                    requireAccepted(kept, username, "the password kept in " + file);
                    return new AdminPassword(username, kept, false, file);
                }
                Files.createDirectories(dataDir);
                SecureRandom random = new SecureRandom();
                String value = generate(random);
                // e.g. one that happens to contain the username
                while (!PasswordPolicy.accepts(value, username)) {
                    value = generate(random);
                }
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, value + "\n");
                return new AdminPassword(username, value, true, file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot keep the admin password in " + file, ex);
            }
        }

        /**
         * @throws IllegalArgumentException naming the password's source and the policy's
         * reason, never the password
         */
        static void requireAccepted(String password, String username, String source) {
            String problem = PasswordPolicy.problem(password, username);
            if (problem != null) {
                throw new IllegalArgumentException(source + " is refused by auth-service's password policy: it "
                        + problem + " (admin user '" + username + "'). Nothing was started. Choose another: "
                        + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters mixing at"
                        + " least three of lower case, upper case, digits and other characters, without the username;"
                        + " without MDM_ADMIN_PASSWORD the launcher generates one.");
            }
        }

        /**
         * Twenty letters and digits, at least one of each kind (no look-alikes such as
         * 0/O, 1/l/I).
         */
        static String generate(SecureRandom random) {
            while (true) {
                StringBuilder password = new StringBuilder(LENGTH);
                for (int i = 0; i < LENGTH; i++) {
                    password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                String value = password.toString();
                if (value.chars().anyMatch(c -> UPPER.indexOf(c) >= 0)
                        && value.chars().anyMatch(c -> LOWER.indexOf(c) >= 0)
                        && value.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0)) {
                    return value;
                }
            }
        }

        @Override
        public String toString() {
            return "AdminPassword[" + username + ", " + (file == null ? "from MDM_ADMIN_PASSWORD" : file) + "]";
        }
    }

}
