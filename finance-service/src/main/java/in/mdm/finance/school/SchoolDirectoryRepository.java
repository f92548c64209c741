package in.mdm.finance.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.platform.directory.SchoolPlaces;
import in.mdm.platform.directory.TableSchoolPlaces;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/**
 * The school directory; also where finance-service places the schools and blocks that
 * area filters name ({@link SchoolDirectoryConfiguration}).
 */
@Repository
class SchoolDirectoryRepository {

    /** A row lies where its district, block and school are. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    SchoolDirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A school as SchoolRegistered or SchoolUpdated gives it. */
    record Listed(String udiseCode, String name, String districtCode, String blockCode, String category,
            String management, boolean pmPoshanEligible, String eventId, Instant eventAt) {
    }

    /**
     * Applies many schools in one statement, each unless the stored state is newer (of
     * several events of one school here, the newest counts).
     */
    void upsertAll(List<Listed> schools) {
        Map<String, Listed> newest = new LinkedHashMap<>();
        for (Listed school : schools) {
            newest.merge(school.udiseCode(), school, (a, b) -> b.eventAt().isBefore(a.eventAt()) ? a : b);
        }
        if (newest.isEmpty()) {
            return;
        }
        List<Listed> rows = List.copyOf(newest.values());
        jdbc.sql("""
                insert into school_directory (udise_code, name, district_code, block_code, category, management,
                                              pm_poshan_eligible, last_event_id, last_event_at)
                select * from unnest(:udise, :name, :district, :block, :category, :management,
                                     cast(:eligible as boolean[]), :eventId, cast(:eventAt as timestamptz[]))
                on conflict (udise_code) do update set
                    name = excluded.name, district_code = excluded.district_code, block_code = excluded.block_code,
                    category = excluded.category, management = excluded.management,
                    pm_poshan_eligible = excluded.pm_poshan_eligible, last_event_id = excluded.last_event_id,
                    last_event_at = excluded.last_event_at, updated_at = now()
                where school_directory.last_event_at <= excluded.last_event_at""")
            .param("udise", text(rows, Listed::udiseCode))
            .param("name", text(rows, Listed::name))
            .param("district", text(rows, Listed::districtCode))
            .param("block", text(rows, Listed::blockCode))
            .param("category", text(rows, Listed::category))
            .param("management", text(rows, Listed::management))
            .param("eligible", text(rows, l -> String.valueOf(l.pmPoshanEligible())))
            .param("eventId", text(rows, Listed::eventId))
            .param("eventAt", text(rows, l -> l.eventAt().toString()))
            .update();
    }

    private static SqlArrayValue text(List<Listed> rows, Function<Listed, String> column) {
        return new SqlArrayValue("text", rows.stream().map(column).toArray());
    }

    Optional<FundedSchool> find(String udiseCode, JurisdictionScope.Condition within) {
        return jdbc.sql("select * from school_directory where udise_code = :udise and " + within.sql())
            .param("udise", udiseCode)
            .params(within.params())
            .query(SchoolDirectoryRepository::map)
            .optional();
    }

    /** Where the directory places schools and blocks. */
    SchoolPlaces places() {
        return new TableSchoolPlaces(jdbc, "school_directory");
    }

    PageResponse<FundedSchool> page(String districtCode, String blockCode, JurisdictionScope.Condition within, int page,
            int size) {
        return PagedQuery.select(jdbc, "*", "school_directory", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                      and (cast(:block as varchar) is null or block_code = :block)""")
            .param("district", districtCode)
            .param("block", blockCode)
            .orderBy("udise_code")
            .fetch(page, size, SchoolDirectoryRepository::map);
    }

    private static FundedSchool map(ResultSet rs, int row) throws SQLException {
        return new FundedSchool(rs.getString("udise_code"), rs.getString("name"), rs.getString("district_code"),
                rs.getString("block_code"), rs.getString("category"), rs.getString("management"),
                rs.getBoolean("pm_poshan_eligible"), rs.getString("last_event_id"),
                rs.getTimestamp("last_event_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

}
