package in.mdm.platform.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SchoolPlaces} read from a table of the service that places schools by the
 * columns {@code udise_code}, {@code district_code} and {@code block_code}: the
 * platform's {@code school_locations}, or a service's own copy of the schools
 * (finance-service's directory, ml-service's feature store). A row without a district or
 * block places nothing.
 */
public final class TableSchoolPlaces implements SchoolPlaces {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;

    private final String byCode;

    private final String anyInBlock;

    /**
     * @param table a plain table name, a constant of the caller (never a request's value)
     */
    public TableSchoolPlaces(JdbcClient jdbc, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        this.byCode = "select udise_code, district_code, block_code from " + table
                + " where udise_code = :udise and district_code is not null and block_code is not null";
        this.anyInBlock = "select exists (select 1 from " + table
                + " where district_code = :district and block_code = :block)";
    }

    @Override
    public Optional<SchoolLocations.Location> school(String udiseCode) {
        if (udiseCode == null) {
            return Optional.empty();
        }
        return jdbc.sql(byCode)
            .param("udise", udiseCode)
            .query((rs, n) -> new SchoolLocations.Location(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

    @Override
    public boolean anySchoolIn(String districtCode, String blockCode) {
        return jdbc.sql(anyInBlock)
            .param("district", districtCode)
            .param("block", blockCode)
            .query(Boolean.class)
            .single();
    }

}
