package in.mdm.school.meal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code holidays} table. */
@Repository
class HolidayRepository {

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean districtExists(String districtCode) {
        return jdbc.sql("select exists (select 1 from districts where code = :d)")
            .param("d", districtCode)
            .query(Boolean.class)
            .single();
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the date already has a
     * holiday for the district
     */
    void insert(UUID id, LocalDate date, String districtCode, String name) {
        jdbc.sql("insert into holidays (id, holiday_date, district_code, name) values (:id, :d, :district, :name)")
            .param("id", id)
            .param("d", date)
            .param("district", districtCode)
            .param("name", name)
            .update();
    }

    /**
     * The holidays from {@code from} to {@code to}, by date, the state's before the
     * districts'.
     */
    List<HolidayResponse> between(LocalDate from, LocalDate to) {
        return jdbc.sql(
                "select * from holidays where holiday_date between :f and :t order by holiday_date, district_code nulls first")
            .param("f", from)
            .param("t", to)
            .query((rs, i) -> new HolidayResponse(rs.getObject("id", UUID.class),
                    rs.getObject("holiday_date", LocalDate.class), rs.getString("district_code"), rs.getString("name")))
            .list();
    }

}
