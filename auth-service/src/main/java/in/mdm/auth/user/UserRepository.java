package in.mdm.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class UserRepository {

    /** Every column but the password hash, which never leaves this service's credential code. */
    private static final String COLUMNS = """
            id, username, email, phone, display_name, role, jurisdiction_level, jurisdiction_code, status,
            preferred_language, created_at, updated_at, activated_at""";

    private static final String WHERE = """
            where (cast(:role as varchar) is null or role = :role)
              and (cast(:status as varchar) is null or status = :status)
              and (cast(:level as varchar) is null or jurisdiction_level = :level)
              and (cast(:code as varchar) is null or jurisdiction_code = :code)""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    PageResponse<User> page(UserFilter filter, int page, int size) {
        return PagedQuery.select(jdbc, COLUMNS, "users " + WHERE)
                .param("role", filter.role())
                .param("status", filter.status())
                .param("level", filter.jurisdictionLevel())
                .param("code", filter.jurisdictionCode())
                .orderBy("username")
                .fetch(page, size, UserRepository::map);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("phone"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("jurisdiction_level")), rs.getString("jurisdiction_code")),
                UserStatus.valueOf(rs.getString("status")), rs.getString("preferred_language"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("activated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
