package in.mdm.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The Java runtime the launcher runs on, which also runs every child JVM. */
final class Jvm {

    private Jvm() {
    }

    /** The {@code java} executable of this JVM. */
    static String java() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : ProcessHandle.current().info().command().orElse("java");
    }

    /** The feature release of this JVM (21, 25, ...). */
    static int feature() {
        return Runtime.version().feature();
    }

    /**
     * This JVM's class path as a list of files, including what the {@code Class-Path} of
     * a jar's manifest adds (Maven's test runners pass a long class path as a
     * manifest-only jar).
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath(), entries);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void expand(Path entry, Set<String> entries) {
        if (entries.add(entry.toString())) {
            manifestClassPath(entry).stream().filter(Files::exists).forEach(path -> expand(path, entries));
        }
    }

    private static List<Path> manifestClassPath(Path entry) {
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return List.of();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            URI base = entry.getParent().toUri();
            for (String item : classPath.trim().split("\\s+")) {
                paths.add(Path.of(base.resolve(item)));
            }
            return paths;
        }
        catch (IOException | IllegalArgumentException ex) {
            return List.of();
        }
    }

}
