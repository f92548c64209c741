package in.mdm.ml.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class ModelRepository {

    private static final TypeReference<TreeMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private static final String WHERE = """
            where (cast(:name as varchar) is null or name = :name)
              and (cast(:status as varchar) is null or status = :status)""";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ModelRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Model> find(String name, String version) {
        return jdbc.sql("select * from models where name = :name and version = :version")
            .param("name", name)
            .param("version", version)
            .query(this::map)
            .optional();
    }

    /** Newest first within each model name. */
    PageResponse<Model> page(String name, ModelStatus status, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "*", "models " + WHERE)
            .param("name", name)
            .param("status", status)
            .orderBy("name, trained_at desc, version")
            .fetch(page, size, this::map);
    }

    private Model map(ResultSet rs, int row) throws SQLException {
        SortedMap<String, Double> metrics = json.readValue(rs.getString("metrics"), METRICS);
        return new Model(rs.getString("name"), rs.getString("version"), rs.getString("algorithm"), metrics,
                rs.getTimestamp("trained_at").toInstant(), rs.getObject("training_rows", Integer.class),
                rs.getString("artifact_uri"), ModelStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }

}
