package in.mdm.platform.security;

import java.util.Map;

/**
 * The caller's jurisdiction as a SQL condition over a table's location columns, with named parameters for
 * {@code JdbcClient}. Pass {@code null} for a column the table does not have: a caller whose level needs it
 * matches nothing there.
 *
 * <pre>{@code
 * SqlScope scope = SqlScope.of(caller, "district_code", "block_code", "udise_code");
 * jdbc.sql("select ... from schools where udise_code = :id and " + scope.condition())
 *     .params(scope.params()).param("id", id)...
 * }</pre>
 */
public record SqlScope(String condition, Map<String, Object> params) {

    public static final String PARAM = "jurisdictionCode";

    public static SqlScope of(Caller caller, String districtColumn, String blockColumn, String udiseColumn) {
        if (caller.jurisdiction() == null) {
            return new SqlScope("false", Map.of());
        }
        String column = switch (caller.jurisdiction().level()) {
            case STATE -> null;
            case DISTRICT -> districtColumn;
            case BLOCK -> blockColumn;
            case SCHOOL -> udiseColumn;
        };
        if (caller.jurisdiction().level() == in.mdm.events.Jurisdiction.Level.STATE) {
            return new SqlScope("true", Map.of());
        }
        if (column == null) {
            return new SqlScope("false", Map.of());
        }
        return new SqlScope(column + " = :" + PARAM, Map.of(PARAM, caller.jurisdiction().code()));
    }

    /** {@code " and (<condition>)"}, to append to a where clause. */
    public String and() {
        return " and (" + condition + ")";
    }
}
