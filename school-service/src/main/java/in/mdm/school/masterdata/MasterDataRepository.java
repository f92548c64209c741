package in.mdm.school.masterdata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class MasterDataRepository {

    /** A district as an area: the district itself. */
    private static final JurisdictionScope.Columns DISTRICT = JurisdictionScope.Columns.located("d.code", null, null);

    /** A block as an area: inside its district (a few blocks lie in two). */
    private static final JurisdictionScope.Columns BLOCK = JurisdictionScope.Columns.located("b.district_code",
            "b.code", null);

    private final JdbcClient jdbc;

    MasterDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<DistrictResponse> districts(String stateCode, String q, int page, int size) {
        return PagedQuery
            .selectUnscoped(jdbc, "d.*, (select count(*) from blocks b where b.district_code = d.code) as blocks", """
                    districts d
                    where (cast(:state as varchar) is null or d.state_code = :state)
                      and (cast(:key as varchar) is null or d.name_key like :key || '%')""")
            .param("state", stateCode)
            .param("key", NameKey.of(q))
            .orderBy("d.state_code, d.name, d.code")
            .fetch(page, size, (rs, i) -> new DistrictResponse(rs.getString("code"), rs.getString("name"),
                    rs.getString("state_code"), rs.getString("state_name"), rs.getInt("blocks")));
    }

    PageResponse<BlockResponse> blocks(String districtCode, String q, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "b.*, d.name as district_name", """
                blocks b join districts d on d.code = b.district_code
                where (cast(:district as varchar) is null or b.district_code = :district)
                  and (cast(:key as varchar) is null or b.name_key like :key || '%')""")
            .param("district", districtCode)
            .param("key", NameKey.of(q))
            .orderBy("b.district_code, b.name, b.code")
            .fetch(page, size, (rs, i) -> new BlockResponse(rs.getString("code"), rs.getString("name"),
                    rs.getString("district_code"), rs.getString("district_name"), rs.getString("source")));
    }

    boolean blockExists(String districtCode, String blockCode) {
        return jdbc.sql("select exists (select 1 from blocks where district_code = :d and code = :b)")
            .param("d", districtCode)
            .param("b", blockCode)
            .query(Boolean.class)
            .single();
    }

    boolean districtWithin(String districtCode, JurisdictionScope scope) {
        JurisdictionScope.Condition within = scope.where(DISTRICT);
        return jdbc.sql("select exists (select 1 from districts d where d.code = :d and " + within.sql() + ")")
            .param("d", districtCode)
            .params(within.params())
            .query(Boolean.class)
            .single();
    }

    boolean blockWithin(String blockCode, JurisdictionScope scope) {
        JurisdictionScope.Condition within = scope.where(BLOCK);
        return jdbc.sql("select exists (select 1 from blocks b where b.code = :b and " + within.sql() + ")")
            .param("b", blockCode)
            .params(within.params())
            .query(Boolean.class)
            .single();
    }

    boolean districtExists(String districtCode) {
        return jdbc.sql("select exists (select 1 from districts where code = :d)")
            .param("d", districtCode)
            .query(Boolean.class)
            .single();
    }

}
