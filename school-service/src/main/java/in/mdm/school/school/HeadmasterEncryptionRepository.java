package in.mdm.school.school;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.jdbc.EncryptedColumns;

/**
 * Batches of the schools table for the encryption of headmasters: rows that still hold a
 * plain name or phone, and rows with a value under another key than the active one. Each
 * batch is locked ({@code for update skip locked}), so two instances share the work
 * instead of doing it twice; call inside a transaction.
 */
@Repository
class HeadmasterEncryptionRepository implements FieldEncryption.Census {

    /** A school's headmaster as stored: both values plain, or both encrypted. */
    record Stored(String udiseCode, String name, String phone) {
    }

    /** What a row is given: each value encrypted, null to keep what the row has. */
    record Encrypted(String udiseCode, String nameEnc, String phoneEnc, String phoneIndex) {
    }

    private static final EncryptedColumns ENCRYPTED = EncryptedColumns.of("headmaster_name_enc",
            "headmaster_phone_enc");

    /** Rows with a plain value (the index {@code schools_headmaster_to_encrypt}). */
    private static final String PLAIN = "(headmaster_name is not null or headmaster_phone is not null)";

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batch;

    HeadmasterEncryptionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Up to {@code size} rows with a plain name or phone, locked; their plain values. */
    List<Stored> lockPlain(int size) {
        return jdbc
            .sql("select udise_code, headmaster_name, headmaster_phone from schools where " + PLAIN
                    + " order by udise_code limit :size for update skip locked")
            .param("size", size)
            .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    }

    /**
     * Writes encrypted values and clears the plain columns; a value given as null keeps
     * the row's encrypted one (a row whose plain column was empty).
     */
    void writeEncrypted(List<Encrypted> rows) {
        batch.batchUpdate("""
                update schools set headmaster_name_enc = coalesce(:nameEnc, headmaster_name_enc),
                                   headmaster_phone_enc = coalesce(:phoneEnc, headmaster_phone_enc),
                                   headmaster_phone_index = coalesce(:phoneIndex, headmaster_phone_index),
                                   headmaster_name = null, headmaster_phone = null
                where udise_code = :udise""",
                rows.stream()
                    .map(row -> new MapSqlParameterSource("udise", row.udiseCode()).addValue("nameEnc", row.nameEnc())
                        .addValue("phoneEnc", row.phoneEnc())
                        .addValue("phoneIndex", row.phoneIndex()))
                    .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Up to {@code size} rows with a value under another key than the active one's
     * prefix, locked; their encrypted values.
     */
    List<Stored> lockNotUnder(String prefix, int size) {
        return jdbc
            .sql("select udise_code, headmaster_name_enc, headmaster_phone_enc from schools where "
                    + ENCRYPTED.notUnder("prefix") + " order by udise_code limit :size for update skip locked")
            .param("prefix", prefix)
            .param("size", size)
            .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    }

    /** Writes re-encrypted values with the phone's blind index made again. */
    void writeReencrypted(List<Encrypted> rows) {
        batch.batchUpdate("""
                update schools set headmaster_name_enc = :name, headmaster_phone_enc = :phone,
                                   headmaster_phone_index = :phoneIndex
                where udise_code = :udise""",
                rows.stream()
                    .map(row -> new MapSqlParameterSource("udise", row.udiseCode()).addValue("name", row.nameEnc())
                        .addValue("phone", row.phoneEnc())
                        .addValue("phoneIndex", row.phoneIndex()))
                    .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Rows still with a plain value or with a value under another key than the active
     * one.
     */
    @Override
    public long remaining(String prefix) {
        return jdbc.sql("select count(*) from schools where " + PLAIN + " or " + ENCRYPTED.notUnder("prefix"))
            .param("prefix", prefix)
            .query(Long.class)
            .single();
    }

    /** Schools with an encrypted headmaster, by key id. */
    @Override
    public Map<String, Long> rowsByKey() {
        return ENCRYPTED.rowsByKey(jdbc, "schools");
    }

}
