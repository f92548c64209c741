package in.mdm.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A kustomization rendered by {@code kubectl kustomize} and parsed, object by object,
 * into the fabric8 model (typed classes for Kubernetes kinds, generic resources for the
 * operators' custom kinds). Rendered once per directory and test run.
 */
final class Rendered {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private final String directory;

    private final List<HasMetadata> objects;

    private Rendered(String directory, List<HasMetadata> objects) {
        this.directory = directory;
        this.objects = objects;
    }

    static Rendered of(String directory) {
        return CACHE.computeIfAbsent(directory, (dir) -> new Rendered(dir, parse(Tools.kustomize(dir))));
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new AssertionError("Not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    String directory() {
        return this.directory;
    }

    List<HasMetadata> all() {
        return this.objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<HasMetadata> all(String kind) {
        return this.objects.stream().filter((o) -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter((o) -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
            .orElseThrow(() -> new AssertionError(this.directory + " renders no " + kind.getSimpleName() + " " + name));
    }

}
