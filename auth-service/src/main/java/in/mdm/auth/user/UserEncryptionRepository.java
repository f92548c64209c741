package in.mdm.auth.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.jdbc.EncryptedColumns;

/**
 * Batches of the users table for encryption: rows still in plain text, and rows with a
 * value under a key other than the active one. Each batch is locked
 * ({@code for update skip locked}), so two instances share the work instead of doing it
 * twice; call inside a transaction.
 */
@Repository
class UserEncryptionRepository implements FieldEncryption.Census {

    /** A row's personal data as stored, plain or encrypted. */
    record Stored(UUID id, String email, String phone, String displayName) {
    }

    /** The encrypted columns. */
    private static final EncryptedColumns ENCRYPTED = EncryptedColumns.of("email_enc", "phone_enc", "display_name_enc");

    /** Rows with a value not under the key of {@code :prefix} ({@code v1:<key id>:}). */
    private static final String NOT_UNDER_ACTIVE_KEY = "email_enc is not null and " + ENCRYPTED.notUnder("prefix");

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batch;

    UserEncryptionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Up to {@code size} rows not yet encrypted, locked. */
    List<Stored> lockPlain(int size) {
        return jdbc.sql("""
                select id, email, phone, display_name from users where email_enc is null
                order by id limit :size for update skip locked""")
            .param("size", size)
            .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("phone"),
                    rs.getString("display_name")))
            .list();
    }

    /** Writes encrypted rows and clears their plain columns. */
    void writeEncrypted(Map<UUID, UserFields.Sealed> rows) {
        batch.batchUpdate("""
                update users set email_enc = :emailEnc, phone_enc = :phoneEnc, display_name_enc = :displayNameEnc,
                                 email_index = :emailIndex, phone_index = :phoneIndex,
                                 email = null, phone = null, display_name = null
                where id = :id and email_enc is null""", sealed(rows));
    }

    /**
     * Up to {@code size} encrypted rows with a value under another key than the active
     * one's prefix, locked.
     */
    List<Stored> lockNotUnder(String prefix, int size) {
        return jdbc
            .sql("select id, email_enc, phone_enc, display_name_enc from users where " + NOT_UNDER_ACTIVE_KEY
                    + " order by id limit :size for update skip locked")
            .param("prefix", prefix)
            .param("size", size)
            .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("email_enc"),
                    rs.getString("phone_enc"), rs.getString("display_name_enc")))
            .list();
    }

    /**
     * Writes re-encrypted values with their blind indexes made again (under the index key
     * of now, which a rotation of the index key changes).
     */
    void writeReencrypted(Map<UUID, UserFields.Sealed> rows) {
        batch.batchUpdate("""
                update users set email_enc = :emailEnc, phone_enc = :phoneEnc, display_name_enc = :displayNameEnc,
                                 email_index = :emailIndex, phone_index = :phoneIndex
                where id = :id""", sealed(rows));
    }

    /**
     * One statement's parameters per row: its id and what {@link UserFields#seal} made.
     */
    private static MapSqlParameterSource[] sealed(Map<UUID, UserFields.Sealed> rows) {
        return rows.entrySet()
            .stream()
            .map(row -> new MapSqlParameterSource("id", row.getKey()).addValue("emailEnc", row.getValue().emailEnc())
                .addValue("phoneEnc", row.getValue().phoneEnc())
                .addValue("displayNameEnc", row.getValue().displayNameEnc())
                .addValue("emailIndex", row.getValue().emailIndex())
                .addValue("phoneIndex", row.getValue().phoneIndex()))
            .toArray(MapSqlParameterSource[]::new);
    }

    /** Rows still in plain text or with a value under another key than the active one. */
    @Override
    public long remaining(String prefix) {
        return jdbc.sql("select count(*) from users where email_enc is null or (" + NOT_UNDER_ACTIVE_KEY + ")")
            .param("prefix", prefix)
            .query(Long.class)
            .single();
    }

    /** Encrypted rows by key id. */
    @Override
    public Map<String, Long> rowsByKey() {
        return ENCRYPTED.rowsByKey(jdbc, "users");
    }

}
