package in.mdm.platform;

import java.time.DayOfWeek;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

class PagedQueryTests {

    static JdbcClient jdbc;

    @BeforeAll
    static void sevenRows() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(Infrastructure.postgres().jdbcUrl());
        dataSource.setUser(PostgresServer.USER);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop table if exists paged_probe").update();
        jdbc.sql("create table paged_probe (id int primary key, day text not null)").update();
        for (int id = 1; id <= 7; id++) {
            jdbc.sql("insert into paged_probe values (?, ?)").params(id, id % 2 == 0 ? "MONDAY" : "FRIDAY").update();
        }
    }

    private static PageResponse<Integer> page(DayOfWeek day, int page, int size) {
        return PagedQuery.select(jdbc, "id", "paged_probe where (cast(:day as varchar) is null or day = :day)")
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
}
