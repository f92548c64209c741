package in.mdm.notification.privacy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.jdbc.EncryptedColumns;

/**
 * Batches of the recipients and deliveries tables for the encryption of personal data:
 * rows that still hold a plain value, and rows with a value under another key than the
 * active one. Each batch is locked ({@code for update skip locked}), so two instances
 * share the work instead of doing it twice; call inside a transaction.
 */
@Repository
class PersonalDataRepository implements FieldEncryption.Census {

    /** A recipient's personal data as stored: plain, or encrypted. */
    record Recipient(UUID userId, String email, String phone, String name) {
    }

    /** A delivery's address as stored: plain, or encrypted. */
    record Delivery(UUID id, String address) {
    }

    private static final EncryptedColumns RECIPIENTS = EncryptedColumns.of("email_enc", "phone_enc",
            "display_name_enc");

    private static final EncryptedColumns DELIVERIES = EncryptedColumns.of("address_enc");

    /** Recipients with a plain value (the index {@code recipients_to_encrypt}). */
    private static final String PLAIN_RECIPIENT = "(email is not null or phone is not null or display_name is not null)";

    /** Deliveries with a plain address (the index {@code deliveries_to_encrypt}). */
    private static final String PLAIN_DELIVERY = "address is not null";

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batch;

    PersonalDataRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<Recipient> lockPlainRecipients(int size) {
        return jdbc
            .sql("select user_id, email, phone, display_name from recipients where " + PLAIN_RECIPIENT
                    + " order by user_id limit :size for update skip locked")
            .param("size", size)
            .query((rs, row) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4)))
            .list();
    }

    List<Delivery> lockPlainDeliveries(int size) {
        return jdbc
            .sql("select id, address from deliveries where " + PLAIN_DELIVERY
                    + " order by id limit :size for update skip locked")
            .param("size", size)
            .query((rs, row) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    }

    /**
     * Writes encrypted values and clears the plain columns; a value given as null keeps
     * the row's encrypted one (a plain column that was empty).
     */
    void writeRecipients(List<Recipient> encrypted) {
        batch.batchUpdate("""
                update recipients set email_enc = coalesce(:email, email_enc), phone_enc = coalesce(:phone, phone_enc),
                                      display_name_enc = coalesce(:name, display_name_enc),
                                      email = null, phone = null, display_name = null
                where user_id = :id""",
                encrypted.stream()
                    .map(row -> new MapSqlParameterSource("id", row.userId()).addValue("email", row.email())
                        .addValue("phone", row.phone())
                        .addValue("name", row.name()))
                    .toArray(MapSqlParameterSource[]::new));
    }

    void writeDeliveries(List<Delivery> encrypted) {
        batch.batchUpdate("""
                update deliveries set address_enc = coalesce(:address, address_enc), address = null
                where id = :id""",
                encrypted.stream()
                    .map(row -> new MapSqlParameterSource("id", row.id()).addValue("address", row.address()))
                    .toArray(MapSqlParameterSource[]::new));
    }

    List<Recipient> lockRecipientsNotUnder(String prefix, int size) {
        return jdbc
            .sql("select user_id, email_enc, phone_enc, display_name_enc from recipients where "
                    + RECIPIENTS.notUnder("prefix") + " order by user_id limit :size for update skip locked")
            .param("prefix", prefix)
            .param("size", size)
            .query((rs, row) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4)))
            .list();
    }

    List<Delivery> lockDeliveriesNotUnder(String prefix, int size) {
        return jdbc
            .sql("select id, address_enc from deliveries where " + DELIVERIES.notUnder("prefix")
                    + " order by id limit :size for update skip locked")
            .param("prefix", prefix)
            .param("size", size)
            .query((rs, row) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    }

    /** Rows still with a plain value or with a value under another key, both tables. */
    @Override
    public long remaining(String prefix) {
        return jdbc
            .sql("select (select count(*) from recipients where " + PLAIN_RECIPIENT + " or "
                    + RECIPIENTS.notUnder("prefix") + ") + (select count(*) from deliveries where " + PLAIN_DELIVERY
                    + " or " + DELIVERIES.notUnder("prefix") + ")")
            .param("prefix", prefix)
            .query(Long.class)
            .single();
    }

    /** Encrypted rows of both tables, by key id. */
    @Override
    public Map<String, Long> rowsByKey() {
        Map<String, Long> byKey = new TreeMap<>(RECIPIENTS.rowsByKey(jdbc, "recipients"));
        DELIVERIES.rowsByKey(jdbc, "deliveries").forEach((key, n) -> byKey.merge(key, n, Long::sum));
        return byKey;
    }

}
