package in.mdm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the applications themselves say, read from the repository: the reactor's
 * application modules, each one's port, and the config repository. The deployment files
 * are checked against these facts, never against a second list kept in the tests.
 */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repository() {
    }

    static Path root() {
        String root = System.getProperty("mdm.root");
        Path path = (root != null) ? Path.of(root) : Path.of("../..");
        path = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml")) || !Files.isDirectory(path.resolve("deploy"))) {
            throw new IllegalStateException("Not the repository root (no pom.xml and deploy/): " + path);
        }
        return path;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The reactor's application modules: modules of the root pom with a Spring Boot main
     * class ({@code *Application.java} under {@code src/main/java}).
     */
    static List<String> applicationModules() {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read(file("pom.xml")));
        while (matcher.find()) {
            String module = matcher.group(1).trim();
            Path sources = file(module).resolve("src/main/java");
            if (Files.isDirectory(sources) && hasApplicationClass(sources)) {
                modules.add(module);
            }
        }
        return modules;
    }

    private static boolean hasApplicationClass(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.anyMatch((p) -> p.getFileName().toString().endsWith("Application.java"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every YAML document of a file, as maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path path) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(500);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(read(path))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** A dotted path into nested maps, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String dotted) {
        Object current = map;
        for (String key : dotted.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    /**
     * The module's {@code server.port}: from its own application.yml, which must agree
     * with its file in the config repository when that sets one too.
     */
    static int serverPort(String module) {
        Integer own = firstPort(file(module).resolve("src/main/resources/application.yml"));
        Path served = file("config-repo").resolve(module + ".yml");
        Integer central = Files.exists(served) ? firstPort(served) : null;
        if (own == null && central == null) {
            throw new IllegalStateException(module + " sets no server.port");
        }
        if (own != null && central != null && !own.equals(central)) {
            throw new IllegalStateException(
                    module + ": server.port " + own + " in its application.yml but " + central + " in config-repo");
        }
        return (own != null) ? own : central;
    }

    private static Integer firstPort(Path yaml) {
        for (Map<String, Object> document : yamlDocuments(yaml)) {
            if (at(document, "spring.config.activate") != null) {
                continue;
            }
            Object port = at(document, "server.port");
            if (port != null) {
                return Integer.valueOf(String.valueOf(port));
            }
        }
        return null;
    }

    /** The services the gateway's routes lead to ({@code uri: lb://<service>}). */
    static List<String> gatewayRouteTargets() {
        Matcher matcher = Pattern.compile("uri:\\s*lb://([a-z-]+)").matcher(read(file("config-repo/gateway.yml")));
        List<String> targets = new ArrayList<>();
        while (matcher.find()) {
            if (!targets.contains(matcher.group(1))) {
                targets.add(matcher.group(1));
            }
        }
        return targets;
    }

    /**
     * Modules with an {@code @EventConsumer} in their main sources: the Kafka consumers.
     */
    static List<String> consumerModules() {
        List<String> consumers = new ArrayList<>();
        for (String module : applicationModules()) {
            try (Stream<Path> files = Files.walk(file(module).resolve("src/main/java"))) {
                if (files.filter((p) -> p.toString().endsWith(".java"))
                    .anyMatch((p) -> read(p).contains("@EventConsumer("))) {
                    consumers.add(module);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return consumers;
    }

    /**
     * The config repository's profiles (spring.config.activate.on-profile) of
     * application.yml.
     */
    static Map<String, Map<String, Object>> sharedConfigProfiles() {
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        for (Map<String, Object> document : yamlDocuments(file("config-repo/application.yml"))) {
            Object profile = at(document, "spring.config.activate.on-profile");
            profiles.put((profile != null) ? String.valueOf(profile) : "", document);
        }
        return profiles;
    }

}
