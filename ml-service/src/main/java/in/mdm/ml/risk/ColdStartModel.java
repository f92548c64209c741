package in.mdm.ml.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import in.mdm.ml.feature.Feature;
import in.mdm.ml.model.ModelRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model a fresh deployment serves before it has reports of its own to learn from:
 * trained by {@link RiskTrainer} on the simulator's twin (the command is in the README),
 * shipped as {@code ml/cold-start/school-risk.bin} (the artifact as the registry stores
 * it) with its SHA-256, windows, features and metrics in {@code school-risk.json}.
 * Registered as the ACTIVE version at startup only when the registry holds no version of
 * the model at all, once whatever the replicas and restarts
 * ({@link ModelRegistry#registerIfEmpty}); the first retraining on the deployment's own
 * snapshots replaces it under the usual promotion rule.
 */
@Component
class ColdStartModel {

    static final String ACTOR = "system";

    static final String REASON = "cold-start model trained on the twin";

    static final String ARTIFACT = "ml/cold-start/school-risk.bin";

    static final String DESCRIPTION = "ml/cold-start/school-risk.json";

    private static final Logger log = LoggerFactory.getLogger(ColdStartModel.class);

    private final ModelRegistry registry;

    private final ActiveModel active;

    private final JsonMapper json;

    private final boolean enabled;

    ColdStartModel(ModelRegistry registry, ActiveModel active, JsonMapper json,
            @Value("${mdm.ml.risk.cold-start:true}") boolean enabled) {
        this.registry = registry;
        this.active = active;
        this.json = json;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        if (enabled) {
            registerIfEmpty();
        }
    }

    /** Registers the shipped model unless the registry has a version already. */
    boolean registerIfEmpty() {
        ModelRegistry.Registration registration;
        try {
            registration = registration();
        }
        catch (RuntimeException ex) {
            // the service still serves whatever the registry holds; scores wait for a
            // model
            log.error("The cold-start model shipped with this build cannot be used", ex);
            return false;
        }
        boolean registered = registry.registerIfEmpty(registration, ACTOR, REASON);
        if (registered) {
            log.info("No {} model in the registry: the cold-start version {} trained on the twin serves",
                    registration.name(), registration.version());
            active.refresh();
        }
        return registered;
    }

    /**
     * The shipped model, checked: its bytes against its SHA-256, its features against
     * this code's, and that it loads.
     */
    ModelRegistry.Registration registration() {
        byte[] artifact = read(ARTIFACT);
        JsonNode d = json.readTree(read(DESCRIPTION));
        String sha256 = RiskModel.sha256(artifact);
        if (!sha256.equals(d.get("sha256").asString())) {
            throw new IllegalStateException(ARTIFACT + " fails its checksum");
        }
        List<String> features = new ArrayList<>();
        d.get("features").forEach(f -> features.add(f.asString()));
        if (!features.equals(Arrays.asList(Feature.keys()))) {
            throw new IllegalStateException(ARTIFACT + " was trained on other features than this code computes");
        }
        RiskModel.fromBytes(artifact);
        Map<String, Double> metrics = new LinkedHashMap<>();
        d.get("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new ModelRegistry.Registration(RiskSettings.MODEL, d.get("version").asString(),
                d.get("algorithm").asString(), metrics, d.get("trainingRows").asInt(), artifact, sha256, features,
                LocalDate.parse(d.get("trainFrom").asString()), LocalDate.parse(d.get("trainTo").asString()),
                LocalDate.parse(d.get("heldBackFrom").asString()), LocalDate.parse(d.get("heldBackTo").asString()));
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + path, ex);
        }
    }

}
