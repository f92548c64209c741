package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

    private static final String APP = "school-service";

    @TempDir
    Path dir;

    private final List<Path> extractions = new ArrayList<>();

    /**
     * Stands in for Spring Boot's extraction: copies the jar, as
     * {@code <destination>/<jar name>}.
     */
    private boolean copy(Path jar, Path destination, Path log) {
        extractions.add(jar);
        try {
            Files.createDirectories(destination);
            Files.copy(jar, destination.resolve(jar.getFileName()));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private AotCache cache() {
        return new AotCache(dir.resolve("aot"), dir.resolve("logs"), this::copy);
    }

    @Test
    void aRebuiltJarWithTheSameContentKeepsItsKey() throws IOException {
        Path first = jar("first.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A {}");
        Path rebuilt = jar("rebuilt.jar", Instant.parse("2026-02-01T10:00:00Z"), "class A {}");
        Files.setLastModifiedTime(rebuilt, FileTime.from(Instant.parse("2026-02-01T10:00:00Z")));

        assertThat(AotCache.contentKey(rebuilt)).isEqualTo(AotCache.contentKey(first));
    }

    @Test
    void aJarWithOtherContentGetsAnotherKey() throws IOException {
        Path first = jar("first.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A {}");
        Path changed = jar("changed.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A { int b; }");

        assertThat(AotCache.contentKey(changed)).isNotEqualTo(AotCache.contentKey(first)).hasSize(24);
    }

    @Test
    void withoutACacheTheApplicationStartsAtOnceFromTheExtractedJarAndIsMarkedForTraining() throws IOException {
        Path jar = serviceJar("class A {}");

        AotCache.Launch launch = cache().launch(APP, jar);

        Path version = dir.resolve("aot").resolve(APP).resolve(AotCache.contentKey(jar));
        assertThat(launch.flags()).isEmpty();
        assertThat(launch.cached()).isFalse();
        assertThat(launch.trainable()).isTrue();
        assertThat(launch.jar()).isEqualTo(version.resolve("app").resolve(APP + ".jar")).isRegularFile();
        assertThat(extractions).containsExactly(jar);
    }

    @Test
    void aCacheOfThisJarIsUsedWithoutExtractingAgain() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        Path cache = trainedCache(aot, aot.launch(APP, jar));

        AotCache.Launch launch = aot.launch(APP, jar);

        assertThat(launch.cached()).isTrue();
        assertThat(launch.trainable()).isFalse();
        assertThat(launch.flags()).containsExactly("-XX:AOTCache=" + cache);
        assertThat(launch.jar()).isEqualTo(cache.resolveSibling("app").resolve(APP + ".jar"));
        assertThat(extractions).hasSize(1);
    }

    @Test
    void aStaleCacheIsDeletedAndNeverUsed() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        Path oldCache = trainedCache(aot, aot.launch(APP, jar));
        Path oldVersion = oldCache.getParent();

        Path rebuilt = serviceJar("class A { int changed; }");
        AotCache.Launch after = aot.launch(APP, rebuilt);

        assertThat(after.cached()).isFalse();
        assertThat(after.flags()).isEmpty();
        assertThat(after.trainable()).isTrue();
        assertThat(after.jar().startsWith(oldVersion)).isFalse();
        assertThat(oldVersion).doesNotExist();
    }

    @Test
    void aCacheWhoseExtractedFilesWentMissingIsTrainedAgain() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Launch first = aot.launch(APP, jar);
        Path cache = trainedCache(aot, first);
        AotCache.deleteTree(first.jar().getParent());

        AotCache.Launch launch = aot.launch(APP, jar);

        assertThat(launch.cached()).isFalse();
        assertThat(launch.trainable()).isTrue();
        assertThat(cache).doesNotExist();
        assertThat(extractions).hasSize(2);
    }

    @Test
    void whenExtractingFailsTheFatJarRunsAsItIsAndNothingIsTrained() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = new AotCache(dir.resolve("aot"), dir.resolve("logs"), (from, to, log) -> false);

        AotCache.Launch launch = aot.launch(APP, jar);

        assertThat(launch.flags()).isEmpty();
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.trainable()).isFalse();
    }

    @Test
    void aTrainingIsTheApplicationsOwnCommandAtLowPriorityRecordingOnRefreshThenAssembling() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Launch launch = aot.launch(APP, jar);
        Path version = launch.jar().getParent().getParent();
        // what an interrupted earlier training left
        Files.writeString(version.resolve(APP + ".aotconf"), "half a record");
        Files.writeString(version.resolve(APP + ".aot.training"), "half a cache");

        AotCache.Training training = aot.training(APP, launch, List.of("/jdk/bin/java", "-Xmx256m", "-Dmarker"));

        List<String> nice = AotCache.lowPriority();
        Path configuration = version.resolve(APP + ".aotconf");
        Path output = version.resolve(APP + ".aot.training");
        assertThat(training.configuration()).isEqualTo(configuration).doesNotExist();
        assertThat(training.output()).isEqualTo(output).doesNotExist();
        assertThat(training.record()).startsWith(nice.toArray(String[]::new))
            .endsWith("/jdk/bin/java", "-Xmx256m", "-Dmarker", "-XX:AOTMode=record",
                    "-XX:AOTConfiguration=" + configuration, "-Dspring.context.exit=onRefresh", "-jar",
                    launch.jar().toString())
            .hasSize(nice.size() + 8);
        assertThat(training.create()).startsWith(nice.toArray(String[]::new))
            .endsWith("/jdk/bin/java", "-Xmx256m", "-Dmarker", "-XX:AOTMode=create",
                    "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + output, "-cp", launch.jar().toString())
            .hasSize(nice.size() + 8);
    }

    @Test
    void thereIsNothingToTrainForACachedOrPlainLaunch() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        trainedCache(aot, aot.launch(APP, jar));

        assertThatIllegalArgumentException().isThrownBy(() -> aot.training(APP, aot.launch(APP, jar), List.of("java")));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> aot.training(APP, AotCache.Launch.plain(jar), List.of("java")));
    }

    @Test
    void aCompleteTrainingBecomesTheCacheOfTheNextStart() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Training training = aot.training(APP, aot.launch(APP, jar), List.of("java"));
        Files.writeString(training.configuration(), "the record");
        Files.writeString(training.output(), "a complete cache");

        assertThat(aot.keepTraining(APP, training, 0, false)).isEqualTo(AotCache.Outcome.TRAINED);

        assertThat(training.output()).doesNotExist();
        assertThat(training.configuration()).doesNotExist();
        assertThat(training.output().resolveSibling(APP + ".aot")).hasContent("a complete cache");
        assertThat(aot.launch(APP, jar).cached()).isTrue();
    }

    @Test
    void aTrainingTheLauncherStoppedLeavesNothingAndIsTriedAgain() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Training training = aot.training(APP, aot.launch(APP, jar), List.of("java"));
        Files.writeString(training.configuration(), "the record");
        Files.writeString(training.output(), "perhaps a complete cache, perhaps not");

        assertThat(aot.keepTraining(APP, training, 137, true)).isEqualTo(AotCache.Outcome.INTERRUPTED);

        assertThat(training.output()).doesNotExist();
        assertThat(training.configuration()).doesNotExist();
        assertThat(training.output().resolveSibling(APP + ".aot")).doesNotExist();
        AotCache.Launch next = aot.launch(APP, jar);
        assertThat(next.cached()).isFalse();
        assertThat(next.trainable()).isTrue();
    }

    @Test
    void aTrainingThatFailedIsNotRepeatedForThisBuild() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Launch launch = aot.launch(APP, jar);
        AotCache.Training training = aot.training(APP, launch, List.of("java"));
        Files.writeString(training.output(), "a cache from a run that failed");

        assertThat(aot.keepTraining(APP, training, 1, false)).isEqualTo(AotCache.Outcome.FAILED);

        assertThat(training.output().resolveSibling(APP + ".aot")).doesNotExist();
        AotCache.Launch next = aot.launch(APP, jar);
        assertThat(next.cached()).isFalse();
        assertThat(next.trainable()).isFalse();
        assertThat(next.flags()).isEmpty();
        assertThat(next.jar()).isEqualTo(launch.jar());

        assertThat(aot.launch(APP, serviceJar("class A { int fixed; }")).trainable()).as("a new build is trained again")
            .isTrue();
    }

    @Test
    void aTrainingThatEndedWellButWroteNoCacheFailed() throws IOException {
        Path jar = serviceJar("class A {}");
        AotCache aot = cache();
        AotCache.Training training = aot.training(APP, aot.launch(APP, jar), List.of("java"));

        assertThat(aot.keepTraining(APP, training, 0, false)).isEqualTo(AotCache.Outcome.FAILED);
        assertThat(aot.launch(APP, jar).cached()).isFalse();
    }

    /**
     * The JDK itself: a training writes a cache that the next JVM of the same jar can
     * start from.
     */
    @Test
    void aTrainingWritesACacheTheNextStartUses() throws Exception {
        assumeTrue(AotCache.supported(), "AOT caches need JDK 25");
        Path jar = probeJar();
        AotCache aot = cache();
        AotCache.Training training = aot.training("probe", aot.launch("probe", jar),
                List.of(Jvm.java(), "-XX:+UseSerialGC"));

        ChildProcess record = new ChildProcess("probe-record", training.record(), Map.of(), aot.trainingLog("probe"));
        assertThat(record.runToEnd(Duration.ofMinutes(1))).as(record.tail(20)).isZero();
        ChildProcess create = new ChildProcess("probe-create", training.create(), Map.of(), aot.trainingLog("probe"));
        int exit = create.runToEnd(Duration.ofMinutes(1));

        assertThat(aot.keepTraining("probe", training, exit, false)).as("exit %d; log:%n%s", exit, create.tail(20))
            .isEqualTo(AotCache.Outcome.TRAINED);
        AotCache.Launch cached = aot.launch("probe", jar);
        assertThat(cached.cached()).isTrue();
        // with -XX:AOTMode=on a JVM that cannot use the cache refuses to start
        ChildProcess usingIt = run("probe-cached", cached, "-XX:AOTMode=on");
        assertThat(usingIt.runToEnd(Duration.ofMinutes(1))).as(usingIt.tail(20)).isZero();
        assertThat(usingIt.tail(5)).contains("probe done");
    }

    @Test
    void aTrainingKilledMidwayLeavesNothingToUse() throws Exception {
        assumeTrue(AotCache.supported(), "AOT caches need JDK 25");
        Path jar = probeJar();
        AotCache aot = cache();
        AotCache.Training training = aot.training("probe", aot.launch("probe", jar),
                List.of(Jvm.java(), "-XX:+UseSerialGC"));

        ChildProcess record = new ChildProcess("probe-record", training.record(), Map.of("AOT_PROBE", "serve"),
                aot.trainingLog("probe"))
            .start(true);
        awaitLine(record, "probe ready");
        record.kill();

        assertThat(aot.keepTraining("probe", training, record.exitValue(), true))
            .isEqualTo(AotCache.Outcome.INTERRUPTED);
        assertThat(training.output().resolveSibling("probe.aot")).doesNotExist();
        assertThat(training.configuration()).doesNotExist();
        assertThat(aot.launch("probe", jar).trainable()).isTrue();
    }

    private ChildProcess run(String name, AotCache.Launch launch, String... flags) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.add("-XX:+UseSerialGC");
        command.addAll(launch.flags());
        command.addAll(List.of(flags));
        command.add("-jar");
        command.add(launch.jar().toString());
        return new ChildProcess(name, command, Map.of(), dir.resolve("logs").resolve(name + ".log"));
    }

    /** Makes a (pretend) cache for the launch as a training would; its path. */
    private static Path trainedCache(AotCache aot, AotCache.Launch launch) throws IOException {
        AotCache.Training training = aot.training(APP, launch, List.of("java"));
        Files.writeString(training.output(), "a cache");
        assertThat(aot.keepTraining(APP, training, 0, false)).isEqualTo(AotCache.Outcome.TRAINED);
        return training.output().resolveSibling(APP + ".aot");
    }

    private static void awaitLine(ChildProcess process, String line) throws InterruptedException {
        for (int i = 0; i < 600 && !process.tail(50).contains(line); i++) {
            assertThat(process.isAlive()).as(process.tail(20)).isTrue();
            Thread.sleep(100);
        }
        assertThat(process.tail(50)).contains(line);
    }

    /** A runnable jar of {@link AotProbe}. */
    private Path probeJar() throws IOException {
        Path jar = dir.resolve("jars").resolve("probe.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AotProbe.class.getName());
        String entry = AotProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream in = AotProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /**
     * {@code
     *
    <dir>
     * /jars/school-service.jar}, as Maven writes it: the same path whatever the content.
     */
    private Path serviceJar(String content) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path built = jar("built.jar", Instant.parse("2026-01-01T00:00:00Z"), content);
        return Files.move(built, jars.resolve(APP + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Path jar(String name, Instant time, String content) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : new String[] { "META-INF/MANIFEST.MF", "BOOT-INF/classes/A.class" }) {
                ZipEntry zipEntry = new ZipEntry(entry);
                zipEntry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(zipEntry);
                zip.write(
                        (entry.endsWith(".MF") ? "Manifest-Version: 1.0\n" : content).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

}
