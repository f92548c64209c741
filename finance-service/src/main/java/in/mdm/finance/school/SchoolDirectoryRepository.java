package in.mdm.finance.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.SqlScope;
import in.mdm.platform.web.PageResponse;

@Repository
class SchoolDirectoryRepository {

    private final JdbcClient jdbc;

    SchoolDirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(SchoolRegistered e) {
        upsert(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(), e.category(), e.management(),
                e.pmPoshanEligible(), e.eventId().toString(), Timestamp.from(e.occurredAt()));
    }

    void upsert(SchoolUpdated e) {
        upsert(e.udiseCode(), e.name(), e.districtCode(), e.blockCode(), e.category(), e.management(),
                e.pmPoshanEligible(), e.eventId().toString(), Timestamp.from(e.occurredAt()));
    }

    /** Applies the newer of the stored state and the event (events of one school arrive in order, but may repeat). */
    private void upsert(String udise, String name, String district, String block, String category, String management,
            boolean eligible, String eventId, Timestamp eventAt) {
        jdbc.sql("""
                insert into school_directory (udise_code, name, district_code, block_code, category, management,
                                              pm_poshan_eligible, last_event_id, last_event_at)
                values (:udise, :name, :district, :block, :category, :management, :eligible, :eventId, :eventAt)
                on conflict (udise_code) do update set
                    name = excluded.name, district_code = excluded.district_code, block_code = excluded.block_code,
                    category = excluded.category, management = excluded.management,
                    pm_poshan_eligible = excluded.pm_poshan_eligible, last_event_id = excluded.last_event_id,
                    last_event_at = excluded.last_event_at, updated_at = now()
                where school_directory.last_event_at <= excluded.last_event_at""")
                .param("udise", udise).param("name", name).param("district", district).param("block", block)
                .param("category", category).param("management", management).param("eligible", eligible)
                .param("eventId", eventId).param("eventAt", eventAt)
                .update();
    }

    Optional<FundedSchool> find(String udiseCode, SqlScope scope) {
        return jdbc.sql("select * from school_directory where udise_code = :udise" + scope.and())
                .param("udise", udiseCode).params(scope.params())
                .query(SchoolDirectoryRepository::map)
                .optional();
    }

    PageResponse<FundedSchool> page(String districtCode, String blockCode, SqlScope scope, int page, int size) {
        return PagedQuery.select(jdbc, "*", """
                        school_directory
                        where (cast(:district as varchar) is null or district_code = :district)
                          and (cast(:block as varchar) is null or block_code = :block)""" + scope.and())
                .params(scope.params())
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
