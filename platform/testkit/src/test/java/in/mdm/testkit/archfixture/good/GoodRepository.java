package in.mdm.testkit.archfixture.good;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL where it belongs, with a row type of its own. */
class GoodRepository {

    record GoodRow(String code, String name) {
    }

    private final JdbcClient jdbc;

    GoodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GoodRow> all() {
        return jdbc.sql("select code, name from goods").query(GoodRepository::map).list();
    }

    private static GoodRow map(ResultSet rs, int row) throws SQLException {
        return new GoodRow(rs.getString(1), rs.getString(2));
    }

}
