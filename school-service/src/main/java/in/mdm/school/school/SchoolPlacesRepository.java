package in.mdm.school.school;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.directory.SchoolPlaces;

/**
 * Where the register's schools are, from the service's own schools table: what the
 * platform's {@link in.mdm.platform.directory.AreaFilters} checks a list's area filters
 * by (a district, block or school outside the caller's jurisdiction is a 404). A block
 * lies in a district when the master data lists it there (an imported block newer than
 * the LGD lists, before any school is registered in it, included) or a school of the
 * register says so.
 */
@Repository
class SchoolPlacesRepository implements SchoolPlaces {

    private final JdbcClient jdbc;

    SchoolPlacesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SchoolLocations.Location> school(String udiseCode) {
        if (udiseCode == null || !udiseCode.matches("[0-9]{11}")) {
            return Optional.empty();
        }
        return jdbc.sql("select udise_code, district_code, block_code from schools where udise_code = :udise")
            .param("udise", udiseCode)
            .query((rs, n) -> new SchoolLocations.Location(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

    @Override
    public boolean anySchoolIn(String districtCode, String blockCode) {
        return jdbc.sql("""
                select exists (select 1 from blocks where district_code = :district and code = :block)
                    or exists (select 1 from schools where district_code = :district and block_code = :block)""")
            .param("district", districtCode)
            .param("block", blockCode)
            .query(Boolean.class)
            .single();
    }

}
