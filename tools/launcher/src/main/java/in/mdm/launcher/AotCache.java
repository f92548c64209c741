package in.mdm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * JDK 25 ahead-of-time caches (JEP 483/514/515), one per application jar content, under
 * {@code <aot dir>/<app>/<content key>/}: the jar extracted with Spring Boot's
 * {@code jarmode=tools} (a cache cannot hold classes from nested jars) and
 * {@code <app>.aot} from a training run that refreshes the Spring context and exits. A
 * jar with other content gets a new folder; the old one is deleted.
 */
final class AotCache {

    private static final String FAILED = "training-failed";

    private final Path directory;

    private final Path logDir;

    private final Consumer<String> progress;

    AotCache(Path directory, Path logDir, Consumer<String> progress) {
        this.directory = directory;
        this.logDir = logDir;
        this.progress = progress;
    }

    static boolean supported() {
        return Jvm.feature() >= 25;
    }

    /** How to run one application: extra JVM flags and the jar to run. */
    record Launch(List<String> flags, Path jar, boolean cached) {

        static Launch plain(Path jar) {
            return new Launch(List.of(), jar, false);
        }
    }

    /**
     * Whether this jar build already has a cache (or a failed training that is not
     * retried).
     */
    boolean isPrepared(String app, Path jar) {
        Path version = versionDir(app, jar);
        return Files.isRegularFile(cache(app, version)) || Files.exists(version.resolve(FAILED));
    }

    /** The cached launch if this jar build has a cache, else the plain jar. */
    Launch launch(String app, Path jar) {
        Path version = versionDir(app, jar);
        Path cache = cache(app, version);
        if (Files.isRegularFile(cache)) {
            return new Launch(List.of("-XX:AOTCache=" + cache), extracted(app, version), true);
        }
        return Launch.plain(jar);
    }

    /**
     * Extracts the jar and runs the training, unless this build already has a cache; a
     * failure is reported, remembered for this build and leaves the application to run
     * without a cache.
     * @param command the JVM command up to (excluding) {@code -jar}: java, flags and
     * system properties
     */
    Launch prepare(String app, Path jar, List<String> command, Map<String, String> environment) {
        if (isPrepared(app, jar)) {
            return launch(app, jar);
        }
        Path version = versionDir(app, jar);
        Path log = logDir.resolve(app + "-aot-training.log");
        long started = System.nanoTime();
        try {
            deleteOtherVersions(app, version);
            Files.createDirectories(version);
            Path extractDir = version.resolve("app");
            List<String> extract = List.of(Jvm.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                    "--destination", extractDir.toString());
            int extracted = new ChildProcess(app + "-extract", extract, Map.of(), log).runToEnd(Duration.ofMinutes(2));
            if (extracted != 0 || !Files.isRegularFile(extracted(app, version))) {
                return failed(app, jar, version, "extracting the jar failed (exit " + extracted + ")", log);
            }
            Path cache = cache(app, version);
            List<String> train = new ArrayList<>(command);
            train.add("-XX:AOTCacheOutput=" + cache);
            train.add("-Dspring.context.exit=onRefresh");
            train.add("-jar");
            train.add(extracted(app, version).toString());
            int trained = new ChildProcess(app + "-aot-training", train, environment, log)
                .runToEnd(Duration.ofMinutes(5));
            if (trained != 0 || !Files.isRegularFile(cache)) {
                return failed(app, jar, version, "the training run ended with exit code " + trained, log);
            }
            progress.accept(
                    String.format("  %-40s AOT cache trained in %5.1f s", app, (System.nanoTime() - started) / 1e9));
            return launch(app, jar);
        }
        catch (IOException | UncheckedIOException ex) {
            return failed(app, jar, version, ex.toString(), log);
        }
    }

    private Launch failed(String app, Path jar, Path version, String why, Path log) {
        try {
            Files.createDirectories(version);
            Files.writeString(version.resolve(FAILED), why + "\n");
        }
        catch (IOException ignored) {
            // remembered or not, the application runs without a cache
        }
        progress.accept("  " + app + ": no AOT cache, " + why + " (see " + log + "); running without one."
                + " It is retried after the next build of " + app + ".");
        return Launch.plain(jar);
    }

    private Path versionDir(String app, Path jar) {
        return directory.resolve(app).resolve(contentKey(jar));
    }

    /**
     * Identifies what a jar holds rather than when it was written: the names, sizes and
     * CRCs of its entries (read from the zip directory, so it is quick). Maven rewrites
     * every fat jar on every build, unchanged ones too; keyed by size and time, each
     * build would retrain all eleven caches.
     */
    static String contentKey(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream()
                .sorted(Comparator.comparing(ZipEntry::getName))
                .forEach(
                        entry -> digest.update((entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n')
                            .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + jar, ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path cache(String app, Path version) {
        return version.resolve(app + ".aot");
    }

    private static Path extracted(String app, Path version) {
        return version.resolve("app").resolve(app + ".jar");
    }

    private void deleteOtherVersions(String app, Path keep) throws IOException {
        Path appDir = directory.resolve(app);
        if (!Files.isDirectory(appDir)) {
            return;
        }
        try (Stream<Path> versions = Files.list(appDir)) {
            for (Path version : versions.filter(path -> !path.equals(keep)).toList()) {
                deleteTree(version);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
