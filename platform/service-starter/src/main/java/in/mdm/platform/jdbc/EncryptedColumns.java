package in.mdm.platform.jdbc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL a repository needs about a table's columns encrypted with {@code FieldCipher}
 * (values {@code v1:<key id>:<base64>}) for start-up encryption and key rotation
 * ({@code in.mdm.platform.crypto.FieldEncryption}): which rows have a value under another
 * key than the active one, and how many rows each key encrypts.
 */
public final class EncryptedColumns {

    private final List<String> columns;

    private EncryptedColumns(List<String> columns) {
        this.columns = columns;
    }

    /**
     * @param columns the encrypted columns of one table
     */
    public static EncryptedColumns of(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("No encrypted column");
        }
        return new EncryptedColumns(List.of(columns));
    }

    /**
     * A condition: the row has a value under another key than the one of the parameter
     * {@code :<prefixParameter>}, the active key's prefix {@code v1:<key id>:}. Columns
     * without a value do not count.
     */
    public String notUnder(String prefixParameter) {
        String prefix = ":" + prefixParameter;
        return "("
                + String.join(" or ",
                        columns.stream().map(c -> "left(" + c + ", length(" + prefix + ")) <> " + prefix).toList())
                + ")";
    }

    /**
     * Rows with an encrypted value per key id (of the first column with a value; a row is
     * written under one key), in key id order.
     */
    public Map<String, Long> rowsByKey(JdbcClient jdbc, String table) {
        String first = "coalesce(" + String.join(", ", columns) + ")";
        Map<String, Long> byKey = new TreeMap<>();
        jdbc.sql("select split_part(" + first + ", ':', 2) as key_id, count(*) as n from " + table + " where " + first
                + " is not null group by 1")
            .query(rs -> {
                byKey.put(rs.getString("key_id"), rs.getLong("n"));
            });
        return byKey;
    }

}
