package in.mdm.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Repository
class UserRepository {

    /**
     * Every column but the credentials, which never leave {@link Credentials} and
     * {@link MfaService}.
     */
    private static final String COLUMNS = """
            id, username, email, phone, display_name, email_enc, phone_enc, display_name_enc, role, jurisdiction_level,
            jurisdiction_code, district_code, block_code, status, preferred_language, mfa_enabled_at, created_at,
            updated_at, activated_at""";

    private static final String FILTERS = """
            (cast(:role as varchar) is null or role = :role)
              and (cast(:status as varchar) is null or status = :status)
              and (cast(:level as varchar) is null or jurisdiction_level = :level)
              and (cast(:code as varchar) is null or jurisdiction_code = :code)""";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final UserFields fields;

    UserRepository(JdbcClient jdbc, Clock clock, UserFields fields) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.fields = fields;
    }

    /** A user lies where its district, block or school is. */
    private static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code",
            "block_code", "udise_code");

    Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(this::map).optional();
    }

    /** The user, if it lies inside the caller's jurisdiction. */
    Optional<User> find(UUID id, Caller caller) {
        JurisdictionScope.Condition within = JurisdictionScope.of(caller).where(PLACE);
        return jdbc.sql("select " + COLUMNS + " from users where id = :id and " + within.sql())
            .params(within.params())
            .param("id", id)
            .query(this::map)
            .optional();
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where username = :username")
            .param("username", username)
            .query(this::map)
            .optional();
    }

    PageResponse<User> page(UserFilter filter, Caller caller, int page, int size) {
        return PagedQuery.select(jdbc, COLUMNS, "users", JurisdictionScope.of(caller).where(PLACE))
            .where(FILTERS)
            .param("role", filter.role())
            .param("status", filter.status())
            .param("level", filter.jurisdictionLevel())
            .param("code", filter.jurisdictionCode())
            .orderBy("username, id")
            .fetch(page, size, this::map);
    }

    /** Inserts the user, its e-mail address, phone number and name encrypted. */
    void insert(UUID id, NewUser user, UserStatus status, String passwordHash) {
        UserFields.Sealed sealed = fields.seal(user.email(), user.phone(), user.displayName());
        if (fields.rotatingIndexKey() && user.email() != null
                && jdbc.sql("""
                        select count(*) from users
                        where email_index = any(cast(:indexes as varchar[])) and email_index <> :current
                          and not exists (select 1 from users where username = :username)""")
                    .param("indexes", fields.emailIndexes(user.email()).toArray(String[]::new))
                    .param("current", sealed.emailIndex())
                    .param("username", user.username())
                    .query(Long.class)
                    .single() > 0) {
            // the unique index sees the index key of now only: a row not yet re-indexed
            // is
            // found under the previous one (a taken username is still answered as such)
            throw ApiException.conflict(AuthProblems.USER_DUPLICATE_EMAIL,
                    "A user with this e-mail address already exists");
        }
        jdbc.sql("""
                insert into users (id, username, email_enc, phone_enc, display_name_enc, email_index, phone_index, role,
                                   jurisdiction_level, jurisdiction_code, district_code, block_code, status,
                                   preferred_language, password_hash, password_changed_at, activated_at)
                values (:id, :username, :email, :phone, :displayName, :emailIndex, :phoneIndex, :role, :level, :code,
                        :district, :block, :status, :language, :hash, :passwordChangedAt, :activatedAt)""")
            .param("id", id)
            .param("username", user.username())
            .param("email", sealed.emailEnc())
            .param("phone", sealed.phoneEnc())
            .param("displayName", sealed.displayNameEnc())
            .param("emailIndex", sealed.emailIndex())
            .param("phoneIndex", sealed.phoneIndex())
            .param("role", user.role().name())
            .param("level", user.jurisdiction().level().name())
            .param("code", user.jurisdiction().code())
            .param("district", user.districtCode())
            .param("block", user.blockCode())
            .param("status", status.name())
            .param("language", user.preferredLanguage())
            .param("hash", passwordHash)
            .param("passwordChangedAt", passwordHash == null ? null : Timestamp.from(clock.instant()))
            .param("activatedAt", status == UserStatus.ACTIVE ? Timestamp.from(clock.instant()) : null)
            .update();
    }

    boolean hasAdmin() {
        return jdbc.sql("select exists (select 1 from users where role = 'ADMIN')").query(Boolean.class).single();
    }

    void setStatus(UUID id, UserStatus status) {
        jdbc.sql("""
                update users set status = :status, updated_at = now(), failed_logins = 0, first_failed_at = null,
                                 locked_until = null
                where id = :id""").param("id", id).param("status", status.name()).update();
    }

    void changeRole(UUID id, Placement placement) {
        jdbc.sql("""
                update users set role = :role, jurisdiction_level = :level, jurisdiction_code = :code,
                                 district_code = :district, block_code = :block, updated_at = now()
                where id = :id""")
            .param("id", id)
            .param("role", placement.role().name())
            .param("level", placement.jurisdiction().level().name())
            .param("code", placement.jurisdiction().code())
            .param("district", placement.districtCode())
            .param("block", placement.blockCode())
            .update();
    }

    private User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"),
                fields.open(UserFields.EMAIL, rs.getString("email_enc"), rs.getString("email")),
                fields.open(UserFields.PHONE, rs.getString("phone_enc"), rs.getString("phone")),
                fields.open(UserFields.DISPLAY_NAME, rs.getString("display_name_enc"), rs.getString("display_name")),
                Role.valueOf(rs.getString("role")),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("jurisdiction_level")),
                        rs.getString("jurisdiction_code")),
                rs.getString("district_code"), rs.getString("block_code"), UserStatus.valueOf(rs.getString("status")),
                rs.getString("preferred_language"), rs.getTimestamp("mfa_enabled_at") != null,
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("activated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
