package in.mdm.school.masterdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class DistrictAliasRepository {

    /** A district as the alias checks need it. */
    record District(String code, String stateCode, String name) {
    }

    private final JdbcClient jdbc;

    DistrictAliasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<DistrictAliasResponse> aliases(String stateCode, String districtCode, int page, int size) {
        return PagedQuery
            .selectUnscoped(jdbc, "a.*, d.name as district_name",
                    "district_aliases a join districts d on d.code = a.district_code")
            .where("""
                    (cast(:state as varchar) is null or a.state_code = :state)
                    and (cast(:district as varchar) is null or a.district_code = :district)""")
            .param("state", stateCode)
            .param("district", districtCode)
            .orderBy("a.state_code, d.name, a.district_code, a.alias_key")
            .fetch(page, size, (rs, i) -> map(rs));
    }

    Optional<District> district(String code) {
        return jdbc.sql("select code, state_code, name from districts where code = :code")
            .param("code", code)
            .query((rs, i) -> new District(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

    /**
     * The name of the district of the state that the key names already, by its LGD name
     * or an alias; empty if none.
     */
    Optional<String> districtNamed(String stateCode, String key) {
        return jdbc.sql("""
                select d.code from districts d where d.state_code = :state and d.name_key = :key
                union
                select a.district_code from district_aliases a where a.state_code = :state and a.alias_key = :key
                limit 1""").param("state", stateCode).param("key", key).query(String.class).optional();
    }

    DistrictAliasResponse insert(District district, String alias, String key, String source, String createdBy) {
        return jdbc.sql("""
                with added as (
                    insert into district_aliases (district_code, state_code, alias, alias_key, source, created_by)
                    values (:district, :state, :alias, :key, :source, :by)
                    returning *)
                select a.*, :name as district_name from added a""")
            .param("district", district.code())
            .param("state", district.stateCode())
            .param("alias", alias)
            .param("key", key)
            .param("source", source)
            .param("by", createdBy)
            .param("name", district.name())
            .query((rs, i) -> map(rs))
            .single();
    }

    boolean delete(String districtCode, String key) {
        return jdbc.sql("delete from district_aliases where district_code = :district and alias_key = :key")
            .param("district", districtCode)
            .param("key", key)
            .update() > 0;
    }

    private static DistrictAliasResponse map(ResultSet rs) throws SQLException {
        return new DistrictAliasResponse(rs.getString("district_code"), rs.getString("district_name"),
                rs.getString("state_code"), rs.getString("alias"), rs.getString("source"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

}
