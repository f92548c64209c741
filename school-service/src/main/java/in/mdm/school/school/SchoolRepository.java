package in.mdm.school.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class SchoolRepository {

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    School insert(RegisterSchoolRequest r, boolean eligible) {
        return jdbc.sql("""
                insert into schools (udise_code, name, district_code, block_code, category, management, rural_urban, pm_poshan_eligible)
                values (:udise, :name, :district, :block, :category, :management, :ruralUrban, :eligible)
                returning *""")
                .param("udise", r.udiseCode())
                .param("name", r.name().strip())
                .param("district", r.districtCode())
                .param("block", r.blockCode())
                .param("category", r.category().name())
                .param("management", r.management().name())
                .param("ruralUrban", r.ruralUrban().name())
                .param("eligible", eligible)
                .query(SchoolRepository::map)
                .single();
    }

    Optional<School> find(String udiseCode) {
        return jdbc.sql("select * from schools where udise_code = :udise")
                .param("udise", udiseCode)
                .query(SchoolRepository::map)
                .optional();
    }

    PageResponse<School> page(String districtCode, String blockCode, int page, int size) {
        return PagedQuery.select(jdbc, "*", """
                        schools
                        where (cast(:district as varchar) is null or district_code = :district)
                          and (cast(:block as varchar) is null or block_code = :block)""")
                .param("district", districtCode)
                .param("block", blockCode)
                .orderBy("udise_code")
                .fetch(page, size, SchoolRepository::map);
    }

    private static School map(ResultSet rs, int row) throws SQLException {
        return new School(rs.getString("udise_code"), rs.getString("name"), rs.getString("district_code"),
                rs.getString("block_code"), SchoolCategory.valueOf(rs.getString("category")),
                Management.valueOf(rs.getString("management")), RuralUrban.valueOf(rs.getString("rural_urban")),
                rs.getBoolean("pm_poshan_eligible"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
