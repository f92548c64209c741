package in.mdm.auth.user;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.directory.SchoolPlaces;

/**
 * Where auth-service knows schools and blocks to be: from its users' placements (a
 * headmaster in the district and block of its school, a block officer in its block and
 * district). What the platform's {@link in.mdm.platform.directory.AreaFilters} places the
 * user list's jurisdiction filter by; a school no user belongs to is one the service does
 * not know.
 */
@Repository
class UserPlaceRepository implements SchoolPlaces {

    private final JdbcClient jdbc;

    UserPlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SchoolLocations.Location> school(String udiseCode) {
        return jdbc.sql("""
                select udise_code, district_code, block_code from users
                where udise_code = :udise and district_code is not null and block_code is not null
                order by updated_at desc limit 1""")
            .param("udise", udiseCode)
            .query((rs, n) -> new SchoolLocations.Location(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

    @Override
    public boolean anySchoolIn(String districtCode, String blockCode) {
        return jdbc.sql("select exists (select 1 from users where district_code = :district and block_code = :block)")
            .param("district", districtCode)
            .param("block", blockCode)
            .query(Boolean.class)
            .single();
    }

}
