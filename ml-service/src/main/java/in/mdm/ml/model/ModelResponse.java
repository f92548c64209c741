package in.mdm.ml.model;

import java.time.Instant;
import java.util.Map;

public record ModelResponse(String name, String version, String algorithm, Map<String, Double> metrics,
        Instant trainedAt, Integer trainingRows, String artifactUri, ModelStatus status, Instant createdAt) {

    static ModelResponse of(Model m) {
        return new ModelResponse(m.name(), m.version(), m.algorithm(), m.metrics(), m.trainedAt(), m.trainingRows(),
                m.artifactUri(), m.status(), m.createdAt());
    }
}
