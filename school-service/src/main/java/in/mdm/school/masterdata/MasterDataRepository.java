package in.mdm.school.masterdata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class MasterDataRepository {

    private final JdbcClient jdbc;

    MasterDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<DistrictResponse> districts(String stateCode, String q, int page, int size) {
        return PagedQuery.select(jdbc, "d.*, (select count(*) from blocks b where b.district_code = d.code) as blocks", """
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
        return PagedQuery.select(jdbc, "b.*, d.name as district_name", """
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
                .param("d", districtCode).param("b", blockCode).query(Boolean.class).single();
    }

    boolean districtExists(String districtCode) {
        return jdbc.sql("select exists (select 1 from districts where code = :d)")
                .param("d", districtCode).query(Boolean.class).single();
    }
}
