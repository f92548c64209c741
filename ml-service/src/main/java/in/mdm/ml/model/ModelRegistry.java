package in.mdm.ml.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.ml.MlProblems;
import in.mdm.platform.web.ApiException;

/**
 * The registry's writes: a trained version with its artifact, its promotion (one ACTIVE
 * version per model name, the others RETIRED or CANDIDATE), rejection and rollback, each
 * audited; and retraining jobs with their progress.
 */
@Service
public class ModelRegistry {

    /** A version to register. */
    public record Registration(String name, String version, String algorithm, Map<String, Double> metrics,
            int trainingRows, byte[] artifact, String sha256, List<String> features, LocalDate trainFrom,
            LocalDate trainTo, LocalDate heldBackFrom, LocalDate heldBackTo) {
    }

    /** An audited decision. */
    public record AuditEntry(String version, String action, String actor, String reason, Instant at) {
    }

    /** A retraining job. */
    public record Job(UUID id, String status, String stage, int progress, String requestedBy, Instant startedAt,
            Instant finishedAt, String version, Boolean promoted, String error) {
    }

    private final RegistryRepository registry;

    private final ModelRepository models;

    private final Clock clock;

    ModelRegistry(RegistryRepository registry, ModelRepository models, Clock clock) {
        this.registry = registry;
        this.models = models;
        this.clock = clock;
    }

    @Transactional
    public void register(Registration r, String actor) {
        insert(r, "CANDIDATE", clock.instant());
        registry.audit(r.name(), r.version(), "REGISTERED", actor,
                "trained on " + r.trainingRows() + " rows from " + r.trainFrom() + " to " + r.trainTo(),
                clock.instant());
    }

    /**
     * Registers a version and makes it serve, only when the registry holds no version of
     * its model at all (a fresh deployment): in one transaction, under a lock of the
     * model's name held until it commits, so replicas starting together register it once
     * and a restart changes nothing. Audited REGISTERED and PROMOTED by {@code actor}
     * with {@code reason}.
     * @return whether it was registered
     */
    @Transactional
    public boolean registerIfEmpty(Registration r, String actor, String reason) {
        registry.lockModelName(r.name());
        if (registry.versions(r.name()) > 0) {
            return false;
        }
        Instant now = clock.instant();
        insert(r, "ACTIVE", now);
        registry.audit(r.name(), r.version(), "REGISTERED", actor, reason, now);
        registry.audit(r.name(), r.version(), "PROMOTED", actor, reason, now);
        return true;
    }

    /** The version's row and its artifact. */
    private void insert(Registration r, String status, Instant at) {
        registry.insertModel(r.name(), r.version(), r.algorithm(), r.metrics(), at, r.trainingRows(), status);
        registry.insertArtifact(r.name(), r.version(), r.artifact(), r.sha256(), r.features(), r.trainFrom(),
                r.trainTo(), r.heldBackFrom(), r.heldBackTo());
    }

    /** Makes a version the one that serves; the one serving before is retired. */
    @Transactional
    public void promote(String name, String version, String actor, String reason) {
        registry.activeVersion(name).ifPresent(old -> {
            registry.retireActive(name);
            registry.audit(name, old, "RETIRED", actor, "replaced by " + version, clock.instant());
        });
        if (registry.setStatus(name, version, "ACTIVE") != 1) {
            throw ApiException.notFound(MlProblems.MODEL_NOT_FOUND,
                    "No model " + name + " version " + version + " in the registry");
        }
        registry.audit(name, version, "PROMOTED", actor, reason, clock.instant());
    }

    @Transactional
    public void reject(String name, String version, String actor, String reason) {
        registry.audit(name, version, "REJECTED", actor, reason, clock.instant());
    }

    /**
     * Serves the version that served before the current one again; the current one is
     * retired. Returns the version now serving.
     */
    @Transactional
    public String rollback(String name, String actor) {
        String current = registry.activeVersion(name)
            .orElseThrow(() -> ApiException.conflict(MlProblems.MODEL_NO_ACTIVE,
                    "name: model " + name + " has no active version to roll back"));
        String previous = registry.previouslyActive(name)
            .orElseThrow(() -> ApiException.conflict(MlProblems.MODEL_NO_PREVIOUS,
                    "name: model " + name + " has served no version before " + current));
        registry.retireActive(name);
        registry.setStatus(name, previous, "ACTIVE");
        registry.audit(name, current, "ROLLED_BACK", actor, "rolled back to " + previous, clock.instant());
        registry.audit(name, previous, "PROMOTED", actor, "serving again after the rollback of " + current,
                clock.instant());
        return previous;
    }

    @Transactional(readOnly = true)
    public Optional<String> activeVersion(String name) {
        return registry.activeVersion(name);
    }

    /** A version's artifact, checked against its SHA-256. */
    @Transactional(readOnly = true)
    public Optional<byte[]> artifact(String name, String version, java.util.function.Function<byte[], String> sha256) {
        return registry.artifact(name, version).map(a -> {
            if (!sha256.apply(a.bytes()).equals(a.sha256())) {
                throw new IllegalStateException("the artifact of " + name + " " + version + " fails its checksum");
            }
            return a.bytes();
        });
    }

    @Transactional(readOnly = true)
    public Optional<ModelResponse> find(String name, String version) {
        return models.find(name, version).map(ModelResponse::of);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> audits(String name) {
        return registry.audits(name);
    }

    /** Starts a job unless one runs; returns false when one does. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean startJob(UUID id, String requestedBy) {
        if (registry.jobRunning(clock.instant())) {
            return false;
        }
        registry.startJob(id, requestedBy, clock.instant());
        return true;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, String stage, int progress) {
        registry.progress(id, stage, progress);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finishJob(UUID id, String version, Boolean promoted, String error) {
        registry.finishJob(id, error == null ? "SUCCEEDED" : "FAILED", version, promoted, error, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Job> job(UUID id) {
        return registry.job(id);
    }

}
