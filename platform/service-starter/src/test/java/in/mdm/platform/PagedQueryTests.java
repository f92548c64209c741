package in.mdm.platform;

import java.time.DayOfWeek;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedQueryTests {

    static JdbcClient jdbc;

    @BeforeAll
    static void sevenRows() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(Infrastructure.postgres().jdbcUrl());
        dataSource.setUser(PostgresServer.USER);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop table if exists paged_probe").update();
        jdbc.sql("create table paged_probe (id int primary key, day text not null, district_code text not null)")
            .update();
        for (int id = 1; id <= 7; id++) {
            jdbc.sql("insert into paged_probe values (?, ?, ?)")
                .params(id, id % 2 == 0 ? "MONDAY" : "FRIDAY", id <= 5 ? "568" : "569")
                .update();
        }
    }

    private static PageResponse<Integer> page(DayOfWeek day, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "id", "paged_probe where (cast(:day as varchar) is null or day = :day)")
            .param("day", day)
            .orderBy("id")
            .fetch(page, size, (rs, row) -> rs.getInt("id"));
    }

    @Test
    void pagesCoverEveryRowOnceWithTheTotalOnEachPage() {
        assertThat(page(null, 0, 3)).isEqualTo(new PageResponse<>(java.util.List.of(1, 2, 3), 0, 3, 7));
        assertThat(page(null, 1, 3)).isEqualTo(new PageResponse<>(java.util.List.of(4, 5, 6), 1, 3, 7));
        assertThat(page(null, 2, 3)).isEqualTo(new PageResponse<>(java.util.List.of(7), 2, 3, 7));
        assertThat(page(null, 3, 3)).isEqualTo(new PageResponse<>(java.util.List.of(), 3, 3, 7));
        assertThat(page(null, 0, 7).total()).isEqualTo(7);
        assertThat(page(null, 0, 7).totalPages()).isEqualTo(1);
    }

    @Test
    void enumParametersBindByNameAndFilterBothThePageAndTheTotal() {
        assertThat(page(DayOfWeek.MONDAY, 0, 2)).isEqualTo(new PageResponse<>(java.util.List.of(2, 4), 0, 2, 3));
        assertThat(page(DayOfWeek.FRIDAY, 1, 3)).isEqualTo(new PageResponse<>(java.util.List.of(7), 1, 3, 4));
        assertThat(page(DayOfWeek.SUNDAY, 0, 3)).isEqualTo(new PageResponse<>(java.util.List.of(), 0, 3, 0));
    }

    @Test
    void mapConvertsTheItemsAndKeepsThePosition() {
        assertThat(page(null, 1, 3).map(id -> "school-" + id))
            .isEqualTo(new PageResponse<>(java.util.List.of("school-4", "school-5", "school-6"), 1, 3, 7));
    }

    static final JurisdictionScope.Columns PROBE = JurisdictionScope.Columns.located("district_code", null, null);

    private static PageResponse<Integer> inDistrict(String district, DayOfWeek day, int page, int size) {
        return PagedQuery
            .select(jdbc, "id", "paged_probe", JurisdictionScope.of(Jurisdiction.district(district)).where(PROBE))
            .where("cast(:day as varchar) is null or day = :day")
            .param("day", day)
            .orderBy("id")
            .fetch(page, size, (rs, row) -> rs.getInt("id"));
    }

    @Test
    void theJurisdictionLimitsThePageAndTheTotalAndAndsWithTheFilters() {
        assertThat(inDistrict("568", null, 0, 2)).isEqualTo(new PageResponse<>(java.util.List.of(1, 2), 0, 2, 5));
        assertThat(inDistrict("568", null, 2, 2)).isEqualTo(new PageResponse<>(java.util.List.of(5), 2, 2, 5));
        assertThat(inDistrict("569", null, 0, 1)).isEqualTo(new PageResponse<>(java.util.List.of(6), 0, 1, 2));
        assertThat(inDistrict("569", DayOfWeek.FRIDAY, 0, 5))
            .isEqualTo(new PageResponse<>(java.util.List.of(7), 0, 5, 1));
        assertThat(inDistrict("570", null, 0, 5).total()).isZero();
        PageResponse<Integer> state = PagedQuery
            .select(jdbc, "id", "paged_probe", JurisdictionScope.of(Jurisdiction.state("33")).where(PROBE))
            .orderBy("id")
            .fetch(0, 3, (rs, row) -> rs.getInt("id"));
        assertThat(state.total()).isEqualTo(7);
    }

    @Test
    void aListOfAJurisdictionsRowsCannotBeMadeWithoutItsConditionNorShadowItsParameters() {
        assertThatThrownBy(() -> PagedQuery.select(jdbc, "id", "paged_probe", null))
            .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PagedQuery
            .select(jdbc, "id", "paged_probe", JurisdictionScope.of(Jurisdiction.district("568")).where(PROBE))
            .param("jur_district_code", "569")).isInstanceOf(IllegalArgumentException.class);
    }

}
