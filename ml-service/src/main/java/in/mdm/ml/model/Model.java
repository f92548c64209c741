package in.mdm.ml.model;

import java.time.Instant;
import java.util.SortedMap;

/** One trained version of a model, as registered. */
record Model(String name, String version, String algorithm, SortedMap<String, Double> metrics, Instant trainedAt,
        Integer trainingRows, String artifactUri, ModelStatus status, Instant createdAt) {
}
