package in.mdm.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

/**
 * The audit trail's tables in the service's schema: {@code audit_trail} (the chain),
 * {@code audit_trail_head} (its last sequence and hash, the row appends lock),
 * {@code audit_trail_anchor} (where the kept chain starts after pruning) and
 * {@code audit_trail_archive}.
 */
class AuditTrailRepository {

    private static final String COLUMNS = "seq, occurred_at, actor, action, method, path, status, request_id, "
            + "entity_type, entity_id, before, after, previous_hash, hash";

    private final JdbcClient jdbc;

    AuditTrailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sequence and the hash of the row at it. */
    record Link(long seq, String hash) {
    }

    /**
     * The chain's head, locked until the transaction ends: the appends of every replica
     * wait here in turn.
     */
    Link lockHead() {
        return jdbc.sql("select seq, hash from audit_trail_head where id = 1 for update")
            .query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash")))
            .single();
    }

    Link head() {
        return jdbc.sql("select seq, hash from audit_trail_head where id = 1")
            .query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash")))
            .single();
    }

    Link anchor() {
        return jdbc.sql("select seq, hash from audit_trail_anchor where id = 1")
            .query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash")))
            .single();
    }

    Link lockAnchor() {
        return jdbc.sql("select seq, hash from audit_trail_anchor where id = 1 for update")
            .query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash")))
            .single();
    }

    void insert(List<AuditRecord> records) {
        for (AuditRecord r : records) {
            jdbc.sql("insert into audit_trail (" + COLUMNS + ") values (:seq, :occurredAt, :actor, :action, :method, "
                    + ":path, :status, :requestId, :entityType, :entityId, :before, :after, :previousHash, :hash)")
                .param("seq", r.seq())
                .param("occurredAt", OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC))
                .param("actor", r.actor())
                .param("action", r.action())
                .param("method", r.method())
                .param("path", r.path())
                .param("status", r.status())
                .param("requestId", r.requestId())
                .param("entityType", r.entityType())
                .param("entityId", r.entityId())
                .param("before", r.before())
                .param("after", r.after())
                .param("previousHash", r.previousHash())
                .param("hash", r.hash())
                .update();
        }
    }

    void moveHead(Link head) {
        jdbc.sql("update audit_trail_head set seq = :seq, hash = :hash where id = 1")
            .param("seq", head.seq())
            .param("hash", head.hash())
            .update();
    }

    /** Up to {@code limit} rows after {@code seq}, in order. */
    List<AuditRecord> after(long seq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_trail where seq > :seq order by seq limit :limit")
            .param("seq", seq)
            .param("limit", limit)
            .query(AuditTrailRepository::record)
            .list();
    }

    /** Newest first. */
    PageResponse<AuditRecord> search(AuditQuery query, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, COLUMNS, "audit_trail")
            .where("(cast(:actor as text) is null or actor = :actor)"
                    + " and (cast(:action as text) is null or action = :action)"
                    + " and (cast(:entityType as text) is null or entity_type = :entityType)"
                    + " and (cast(:entityId as text) is null or entity_id = :entityId)"
                    + " and (cast(:from as timestamptz) is null or occurred_at >= :from)"
                    + " and (cast(:to as timestamptz) is null or occurred_at < :to)")
            .param("actor", query.actor())
            .param("action", query.action())
            .param("entityType", query.entityType())
            .param("entityId", query.entityId())
            .param("from", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
            .param("to", query.to() == null ? null : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC))
            .orderBy("seq desc")
            .fetch(page, size, AuditTrailRepository::record);
    }

    /**
     * Moves the rows {@code from..to} to the archive and makes the last of them the
     * anchor.
     */
    int archive(long from, long to, Link anchor, Instant now) {
        jdbc.sql("insert into audit_trail_archive (" + COLUMNS + ") select " + COLUMNS
                + " from audit_trail where seq between :from and :to")
            .param("from", from)
            .param("to", to)
            .update();
        int moved = jdbc.sql("delete from audit_trail where seq between :from and :to")
            .param("from", from)
            .param("to", to)
            .update();
        jdbc.sql("update audit_trail_anchor set seq = :seq, hash = :hash, pruned_at = :now where id = 1")
            .param("seq", anchor.seq())
            .param("hash", anchor.hash())
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update();
        return moved;
    }

    private static AuditRecord record(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("method"), rs.getString("path"),
                rs.getObject("status", Integer.class), rs.getString("request_id"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before"), rs.getString("after"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }

}
