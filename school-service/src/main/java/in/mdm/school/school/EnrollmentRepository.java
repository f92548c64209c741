package in.mdm.school.school;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrollmentRepository {

    private final JdbcClient jdbc;

    EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the stored enrollment if it was inserted or changed, empty if it was
     * already so
     */
    Optional<EnrollmentResponse> upsert(String udiseCode, String year, int primary, int upperPrimary) {
        return jdbc.sql("""
                insert into enrollments (udise_code, academic_year, primary_count, upper_primary_count)
                values (:udise, :year, :primary, :upper)
                on conflict (udise_code, academic_year) do update
                   set primary_count = excluded.primary_count, upper_primary_count = excluded.upper_primary_count,
                       updated_at = now()
                 where (enrollments.primary_count, enrollments.upper_primary_count)
                       is distinct from (excluded.primary_count, excluded.upper_primary_count)
                returning *""")
            .param("udise", udiseCode)
            .param("year", year)
            .param("primary", primary)
            .param("upper", upperPrimary)
            .query((rs, i) -> map(rs))
            .optional();
    }

    Optional<EnrollmentResponse> find(String udiseCode, String year) {
        return jdbc.sql("select * from enrollments where udise_code = :udise and academic_year = :year")
            .param("udise", udiseCode)
            .param("year", year)
            .query((rs, i) -> map(rs))
            .optional();
    }

    List<EnrollmentResponse> all(String udiseCode) {
        return jdbc.sql("select * from enrollments where udise_code = :udise order by academic_year desc")
            .param("udise", udiseCode)
            .query((rs, i) -> map(rs))
            .list();
    }

    private static EnrollmentResponse map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EnrollmentResponse(rs.getString("udise_code"), rs.getString("academic_year"),
                rs.getInt("primary_count"), rs.getInt("upper_primary_count"),
                rs.getTimestamp("updated_at").toInstant());
    }

}
