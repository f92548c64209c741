package in.mdm.finance.treasury;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TreasuryRepository {

    private final JdbcClient jdbc;

    TreasuryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One instruction per release, located where the release is; a second one for the
     * same release is never written.
     */
    void insert(UUID releaseId, BigDecimal amount, Instant at) {
        jdbc.sql(
                """
                        insert into treasury_instructions (id, release_id, idempotency_key, udise_code, district_code, block_code,
                                                           amount, status, created_at)
                        select :id, r.id, :key, r.udise_code, r.district_code, r.block_code, :amount, 'PENDING', :at
                        from fund_releases r where r.id = :release
                        on conflict (release_id) do nothing""")
            .param("id", UUID.randomUUID())
            .param("release", releaseId)
            .param("key", UUID.randomUUID())
            .param("amount", amount)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Claims up to {@code limit} instructions to send: pending ones, and ones claimed by
     * a sender that stopped before it finished ({@code stale}). Replicas skip each
     * other's claimed rows.
     */
    List<TreasuryInstruction> claim(int limit, Duration stale, Instant now) {
        return jdbc.sql("""
                update treasury_instructions set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
                where id in (select id from treasury_instructions
                             where status = 'PENDING' or (status = 'SENDING' and claimed_at < :staleBefore)
                             order by created_at limit :limit for update skip locked)
                returning *""")
            .param("now", Timestamp.from(now))
            .param("staleBefore", Timestamp.from(now.minus(stale)))
            .param("limit", limit)
            .query(TreasuryRepository::map)
            .list();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql(
                "update treasury_instructions set status = 'SENT', sent_at = :at, last_error = null where id = :id and status = 'SENDING'")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Puts a claimed instruction back ({@code PENDING}) or marks it refused, with the
     * reason.
     */
    void unsent(UUID id, InstructionStatus status, String error) {
        jdbc.sql(
                "update treasury_instructions set status = :status, last_error = :error where id = :id and status = 'SENDING'")
            .param("id", id)
            .param("status", status.name())
            .param("error", error)
            .update();
    }

    Optional<TreasuryInstruction> lockByKey(UUID idempotencyKey) {
        return jdbc.sql("select * from treasury_instructions where idempotency_key = :key for update")
            .param("key", idempotencyKey)
            .query(TreasuryRepository::map)
            .optional();
    }

    void confirm(UUID id, String reference, Instant at) {
        jdbc.sql(
                """
                        update treasury_instructions set status = 'CONFIRMED', confirmed_at = :at, treasury_reference = :reference,
                                                         last_error = null
                        where id = :id""")
            .param("id", id)
            .param("reference", reference)
            .param("at", Timestamp.from(at))
            .update();
    }

    List<TreasuryInstruction> unconfirmed(Instant olderThan) {
        return jdbc.sql(
                "select * from treasury_instructions where status <> 'CONFIRMED' and created_at < :before order by created_at")
            .param("before", Timestamp.from(olderThan))
            .query(TreasuryRepository::map)
            .list();
    }

    void recordReconciliation(Instant at, Instant olderThan, int unconfirmed, BigDecimal amount) {
        jdbc.sql("""
                insert into treasury_reconciliations (run_at, older_than, unconfirmed, amount)
                values (:at, :olderThan, :unconfirmed, :amount)""")
            .param("at", Timestamp.from(at))
            .param("olderThan", Timestamp.from(olderThan))
            .param("unconfirmed", unconfirmed)
            .param("amount", amount)
            .update();
    }

    private static TreasuryInstruction map(ResultSet rs, int row) throws SQLException {
        return new TreasuryInstruction(rs.getObject("id", UUID.class), rs.getObject("release_id", UUID.class),
                rs.getObject("idempotency_key", UUID.class), rs.getString("udise_code"), rs.getString("district_code"),
                rs.getString("block_code"), rs.getBigDecimal("amount"),
                InstructionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "confirmed_at"),
                rs.getString("treasury_reference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
