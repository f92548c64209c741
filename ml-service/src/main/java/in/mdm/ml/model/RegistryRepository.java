package in.mdm.ml.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;

import tools.jackson.databind.json.JsonMapper;

/** Artifacts, the audit of promotions and rollbacks, and retraining jobs. */
@Repository
class RegistryRepository {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final AuditTrail trail;

    RegistryRepository(JdbcClient jdbc, JsonMapper json, AuditTrail trail) {
        this.jdbc = jdbc;
        this.json = json;
        this.trail = trail;
    }

    void insertModel(String name, String version, String algorithm, Map<String, Double> metrics, Instant trainedAt,
            int rows, String status) {
        jdbc.sql("""
                insert into models (name, version, algorithm, metrics, trained_at, training_rows, artifact_uri, status)
                values (:name, :version, :algorithm, cast(:metrics as jsonb), :trainedAt, :rows, :uri, :status)""")
            .param("name", name)
            .param("version", version)
            .param("algorithm", algorithm)
            .param("metrics", json.writeValueAsString(metrics))
            .param("trainedAt", Timestamp.from(trainedAt))
            .param("rows", rows)
            .param("uri", "db:model_artifacts/" + name + "/" + version)
            .param("status", status)
            .update();
    }

    void insertArtifact(String name, String version, byte[] artifact, String sha256, List<String> features,
            LocalDate trainFrom, LocalDate trainTo, LocalDate heldBackFrom, LocalDate heldBackTo) {
        jdbc.sql("""
                insert into model_artifacts (name, version, artifact, artifact_sha256, features, training_from,
                                             training_to, held_back_from, held_back_to)
                values (:name, :version, :artifact, :sha, cast(:features as jsonb), :tf, :tt, :hf, :ht)""")
            .param("name", name)
            .param("version", version)
            .param("artifact", artifact)
            .param("sha", sha256)
            .param("features", json.writeValueAsString(features))
            .param("tf", trainFrom)
            .param("tt", trainTo)
            .param("hf", heldBackFrom)
            .param("ht", heldBackTo)
            .update();
    }

    /** Holds a lock of the model's name until the transaction ends. */
    void lockModelName(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ml.models:' || :name))")
            .param("name", name)
            .query((rs, n) -> 1)
            .single();
    }

    int versions(String name) {
        return jdbc.sql("select count(*) from models where name = :name")
            .param("name", name)
            .query(Integer.class)
            .single();
    }

    Optional<String> activeVersion(String name) {
        return jdbc.sql("select version from models where name = :name and status = 'ACTIVE'")
            .param("name", name)
            .query(String.class)
            .optional();
    }

    /** The version active before the current one: the latest retired that had served. */
    Optional<String> previouslyActive(String name) {
        return jdbc.sql("""
                select version from model_audit where name = :name and action = 'PROMOTED'
                   and version <> coalesce((select version from models where name = :name and status = 'ACTIVE'), '')
                 order by at desc, id desc limit 1""").param("name", name).query(String.class).optional();
    }

    record Artifact(String version, byte[] bytes, String sha256) {
    }

    Optional<Artifact> artifact(String name, String version) {
        return jdbc.sql(
                "select version, artifact, artifact_sha256 from model_artifacts where name = :name and version = :version")
            .param("name", name)
            .param("version", version)
            .query((rs, n) -> new Artifact(rs.getString(1), rs.getBytes(2), rs.getString(3)))
            .optional();
    }

    int setStatus(String name, String version, String status) {
        return jdbc.sql("update models set status = :status where name = :name and version = :version")
            .param("name", name)
            .param("version", version)
            .param("status", status)
            .update();
    }

    /** Retires the active version, if any. */
    int retireActive(String name) {
        return jdbc.sql("update models set status = 'RETIRED' where name = :name and status = 'ACTIVE'")
            .param("name", name)
            .update();
    }

    void audit(String name, String version, String action, String actor, String reason, Instant at) {
        jdbc.sql("""
                insert into model_audit (name, version, action, actor, reason, at)
                values (:name, :version, :action, :actor, :reason, :at)""")
            .param("name", name)
            .param("version", version)
            .param("action", action)
            .param("actor", actor)
            .param("reason", reason)
            .param("at", Timestamp.from(at))
            .update();
        // and in the platform's trail of the service, chained by hash: the version's new
        // state
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("name", name);
        after.put("version", version);
        after.put("event", action);
        after.put("by", actor);
        after.put("reason", reason);
        trail.record(new AuditEntry("model." + action.toLowerCase(java.util.Locale.ROOT), "model", name + ":" + version,
                null, after));
    }

    List<ModelRegistry.AuditEntry> audits(String name) {
        return jdbc.sql(
                "select version, action, actor, reason, at from model_audit where name = :name order by at desc, id desc")
            .param("name", name)
            .query((rs, n) -> new ModelRegistry.AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getTimestamp(5).toInstant()))
            .list();
    }

    void startJob(UUID id, String requestedBy, Instant at) {
        jdbc.sql("""
                insert into retrain_jobs (id, status, stage, progress, requested_by, started_at)
                values (:id, 'RUNNING', 'queued', 0, :by, :at)""")
            .param("id", id)
            .param("by", requestedBy)
            .param("at", Timestamp.from(at))
            .update();
    }

    void progress(UUID id, String stage, int progress) {
        jdbc.sql("update retrain_jobs set stage = :stage, progress = :progress where id = :id")
            .param("id", id)
            .param("stage", stage)
            .param("progress", progress)
            .update();
    }

    void finishJob(UUID id, String status, String version, Boolean promoted, String error, Instant at) {
        jdbc.sql(
                """
                        update retrain_jobs set status = :status, stage = :stage, progress = case when :status = 'SUCCEEDED' then 100 else progress end,
                               version = :version, promoted = :promoted, error = :error, finished_at = :at where id = :id""")
            .param("id", id)
            .param("status", status)
            .param("stage", "SUCCEEDED".equals(status) ? "done" : "failed")
            .param("version", version)
            .param("promoted", promoted)
            .param("error", error)
            .param("at", Timestamp.from(at))
            .update();
    }

    Optional<ModelRegistry.Job> job(UUID id) {
        return jdbc.sql("select * from retrain_jobs where id = :id")
            .param("id", id)
            .query((rs, n) -> new ModelRegistry.Job(rs.getObject("id", UUID.class), rs.getString("status"),
                    rs.getString("stage"), rs.getInt("progress"), rs.getString("requested_by"),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                    rs.getString("version"), rs.getObject("promoted", Boolean.class), rs.getString("error")))
            .optional();
    }

    /**
     * Whether a job runs; a job RUNNING for longer than a job may take (its replica
     * stopped) is marked FAILED first, so that it does not block retraining for ever.
     */
    boolean jobRunning(Instant now) {
        jdbc.sql("""
                update retrain_jobs set status = 'FAILED', stage = 'failed', finished_at = :now,
                       error = 'not finished within 3 hours (the replica running it stopped?)'
                 where status = 'RUNNING' and started_at < :stale""")
            .param("now", Timestamp.from(now))
            .param("stale", Timestamp.from(now.minus(java.time.Duration.ofHours(3))))
            .update();
        return jdbc.sql("select count(*) from retrain_jobs where status = 'RUNNING'").query(Integer.class).single() > 0;
    }

}
