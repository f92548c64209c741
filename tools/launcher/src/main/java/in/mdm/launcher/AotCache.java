package in.mdm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * JDK 25 ahead-of-time caches (JEP 483/514/515), one per application jar content and JDK,
 * under {@code <aot dir>/<app>/<key>/}: the jar extracted with Spring Boot's
 * {@code jarmode=tools} (a cache cannot hold classes from nested jars) and
 * {@code <app>.aot}.
 *
 * <p>
 * No start waits for a cache. An application whose jar has none starts from the extracted
 * jar, which alone starts faster than the fat jar; once the suite is ready the launcher
 * trains the missing caches, one at a time at low priority ({@link #training},
 * {@link #keepTraining}), and the next start uses them. A jar with other content (a
 * rebuild) or another JDK gets another key: the old folder is deleted, so a stale cache
 * is never used.
 */
final class AotCache {

    /**
     * Written when a training run failed: later starts of this jar do not train again.
     */
    static final String FAILED = "training-failed";

    /**
     * Unpacks a Spring Boot fat jar into {@code destination}, with
     * {@code <destination>/<jar name>} to run.
     */
    interface Extractor {

        boolean extract(Path jar, Path destination, Path log);

    }

    private final Path directory;

    private final Path logDir;

    private final Extractor extractor;

    AotCache(Path directory, Path logDir) {
        this(directory, logDir, AotCache::extractWithBootTools);
    }

    AotCache(Path directory, Path logDir, Extractor extractor) {
        this.directory = directory;
        this.logDir = logDir;
        this.extractor = extractor;
    }

    static boolean supported() {
        return Jvm.feature() >= 25;
    }

    /**
     * How to run one application: extra JVM flags, the jar to run, and whether a training
     * run should make the cache this jar lacks.
     */
    record Launch(List<String> flags, Path jar, boolean trainable) {

        Launch {
            flags = List.copyOf(flags);
        }

        static Launch plain(Path jar) {
            return new Launch(List.of(), jar, false);
        }

        /** Whether the JVM starts from a cache. */
        boolean cached() {
            return flags.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCache="));
        }
    }

    /** What a training run came to. */
    enum Outcome {

        /** the cache is complete and kept for the next start */
        TRAINED,
        /**
         * stopped before it ended (the suite stopped, or it ran out of time): the next
         * start trains again
         */
        INTERRUPTED,
        /** it ended without a complete cache: later starts of this jar run without one */
        FAILED

    }

    /**
     * The launch of this jar: from the cache when this jar (same content, same JDK) has
     * one, otherwise from the extracted jar, marked for training unless a training of
     * this jar failed before; the plain fat jar when extracting fails. Caches of any
     * other jar content are deleted first. Extracting takes under a second.
     */
    Launch launch(String app, Path jar) {
        Path version = versionDir(app, jar);
        Path cache = cache(app, version);
        Path extracted = version.resolve("app").resolve(jar.getFileName());
        try {
            deleteOtherVersions(app, version);
            Files.createDirectories(version);
            if (!Files.isRegularFile(extracted)) {
                // a cache remembers the extracted files it was made from; new files would
                // not match it
                Files.deleteIfExists(cache);
                Path log = logDir.resolve(app + "-extract.log");
                if (!extractor.extract(jar, version.resolve("app"), log) || !Files.isRegularFile(extracted)) {
                    return Launch.plain(jar);
                }
            }
            if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
                return new Launch(List.of("-XX:AOTCache=" + cache), extracted, false);
            }
            return new Launch(List.of(), extracted, !Files.exists(version.resolve(FAILED)));
        }
        catch (IOException | UncheckedIOException ex) {
            return Launch.plain(jar);
        }
    }

    /**
     * The two JVM runs that train one cache, both the application's own command
     * ({@code java}, its flags, up to but excluding {@code -jar}) at the lowest CPU
     * priority. The first records which classes the application loads and links, exiting
     * once its Spring context is refreshed (before its web server, listeners and
     * schedulers start, so it runs beside the live application); the second assembles the
     * cache from that record without running the application. Two runs rather than JDK
     * 25's one-step {@code -XX:AOTCacheOutput}, whose assembling JVM runs while the
     * recording one still holds its memory: one at a time, the training adds one JVM to
     * the suite.
     *
     * @param record records {@code configuration}; ends with exit code 0
     * @param create writes {@code output} from it; ends with exit code 0
     */
    record Training(List<String> record, List<String> create, Path configuration, Path output) {
    }

    /**
     * The training of a launch without a cache; what an interrupted earlier training left
     * is deleted first.
     */
    Training training(String app, Launch launch, List<String> javaAndFlags) throws IOException {
        if (!launch.trainable()) {
            throw new IllegalArgumentException(app + " has nothing to train: " + launch);
        }
        Path version = launch.jar().getParent().getParent();
        Path configuration = version.resolve(app + ".aotconf");
        Path output = version.resolve(app + ".aot.training");
        Files.deleteIfExists(configuration);
        Files.deleteIfExists(output);
        List<String> record = new ArrayList<>(lowPriority());
        record.addAll(javaAndFlags);
        record.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration,
                "-Dspring.context.exit=onRefresh", "-jar", launch.jar().toString()));
        List<String> create = new ArrayList<>(lowPriority());
        create.addAll(javaAndFlags);
        create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + output,
                "-cp", launch.jar().toString()));
        return new Training(record, create, configuration, output);
    }

    /**
     * After a training: keeps its cache if both runs ended by themselves with exit code 0
     * and the output is there; the record and any partial output are deleted either way.
     * @param exitCode the exit code of the last run of the training that ran
     * @param interrupted whether the launcher stopped it (the suite stopped, or a run ran
     * out of time)
     */
    Outcome keepTraining(String app, Training training, int exitCode, boolean interrupted) {
        Path output = training.output();
        try {
            Files.deleteIfExists(training.configuration());
            if (!interrupted && exitCode == 0 && Files.isRegularFile(output) && Files.size(output) > 0) {
                Files.move(output, output.resolveSibling(app + ".aot"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return Outcome.TRAINED;
            }
            Files.deleteIfExists(output);
            if (interrupted) {
                return Outcome.INTERRUPTED;
            }
            Files.writeString(output.resolveSibling(FAILED), "the training of " + app + " ended with exit code "
                    + exitCode + " and no cache; see " + trainingLog(app) + "\n");
            return Outcome.FAILED;
        }
        catch (IOException ex) {
            return Outcome.INTERRUPTED;
        }
    }

    /** The log of an application's training run. */
    Path trainingLog(String app) {
        return logDir.resolve(app + "-aot-training.log");
    }

    /**
     * {@code nice -n 19} where there is a {@code nice}: a training run takes only what
     * the suite leaves idle.
     */
    static List<String> lowPriority() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(java.io.File.pathSeparator)) {
            Path nice = Path.of(dir.isEmpty() ? "." : dir, "nice");
            if (Files.isExecutable(nice)) {
                return List.of(nice.toString(), "-n", "19");
            }
        }
        return List.of();
    }

    private Path versionDir(String app, Path jar) {
        return directory.resolve(app).resolve(contentKey(jar));
    }

    /**
     * Identifies what a jar holds rather than when it was written: the names, sizes and
     * CRCs of its entries (read from the zip directory, so it is quick), and the JDK that
     * runs it, whose caches no other JDK can use. Maven rewrites every fat jar on every
     * build, unchanged ones too; keyed by size and time, each build would record all
     * eleven caches again.
     */
    static String contentKey(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream()
                .sorted(Comparator.comparing(ZipEntry::getName))
                .forEach(
                        entry -> digest.update((entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n')
                            .getBytes(StandardCharsets.UTF_8)));
            digest.update(("jdk " + Runtime.version() + '\n').getBytes(StandardCharsets.UTF_8));
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

    private static boolean extractWithBootTools(Path jar, Path destination, Path log) {
        List<String> extract = List.of(Jvm.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                "--destination", destination.toString());
        return new ChildProcess(jar.getFileName() + "-extract", extract, Map.of(), log)
            .runToEnd(Duration.ofMinutes(2)) == 0;
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
