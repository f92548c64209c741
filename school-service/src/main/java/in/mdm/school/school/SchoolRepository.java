package in.mdm.school.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class SchoolRepository {

    /** Sort keys of the list and their columns. */
    static final Map<String, String> SORTS = Map.of("udiseCode", "udise_code", "name", "lower(name)", "districtCode",
            "district_code", "blockCode", "block_code", "category", "category", "management", "management", "updatedAt",
            "updated_at");

    /** A school lies in its district and block. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    School insert(String udiseCode, SchoolDetails d, Eligibility e) {
        return bind(
                jdbc.sql(
                        """
                                insert into schools (udise_code, name, district_code, block_code, category, management, rural_urban,
                                                     pm_poshan_eligible, eligible_primary, eligible_upper_primary, pincode, latitude,
                                                     longitude, headmaster_name, headmaster_phone, kitchen_id)
                                values (:udise, :name, :district, :block, :category, :management, :ruralUrban, :eligible, :eligiblePrimary,
                                        :eligibleUpper, :pincode, :latitude, :longitude, :headmasterName, :headmasterPhone, :kitchenId)
                                returning *"""),
                udiseCode, d, e)
            .query(SchoolRepository::map)
            .single();
    }

    /**
     * @return the changed school, or empty when nothing differs from what is stored
     */
    Optional<School> update(String udiseCode, SchoolDetails d, Eligibility e) {
        return bind(
                jdbc.sql(
                        """
                                update schools set name = :name, district_code = :district, block_code = :block, category = :category,
                                       management = :management, rural_urban = :ruralUrban, pm_poshan_eligible = :eligible,
                                       eligible_primary = :eligiblePrimary, eligible_upper_primary = :eligibleUpper, pincode = :pincode,
                                       latitude = :latitude, longitude = :longitude, headmaster_name = :headmasterName,
                                       headmaster_phone = :headmasterPhone, kitchen_id = :kitchenId, updated_at = now()
                                where udise_code = :udise
                                  and (name, district_code, block_code, category, management, rural_urban, pincode, latitude, longitude,
                                       headmaster_name, headmaster_phone, kitchen_id)
                                      is distinct from
                                      (cast(:name as varchar), cast(:district as varchar), cast(:block as varchar), cast(:category as varchar),
                                       cast(:management as varchar), cast(:ruralUrban as varchar), cast(:pincode as char(6)),
                                       cast(:latitude as numeric(9, 6)), cast(:longitude as numeric(9, 6)), cast(:headmasterName as varchar),
                                       cast(:headmasterPhone as varchar), cast(:kitchenId as uuid))
                                returning *"""),
                udiseCode, d, e)
            .query(SchoolRepository::map)
            .optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, String udiseCode, SchoolDetails d,
            Eligibility e) {
        return sql.param("udise", udiseCode)
            .param("name", d.name())
            .param("district", d.districtCode())
            .param("block", d.blockCode())
            .param("category", d.category().name())
            .param("management", d.management().name())
            .param("ruralUrban", d.ruralUrban() == null ? null : d.ruralUrban().name())
            .param("eligible", e.any())
            .param("eligiblePrimary", e.primary())
            .param("eligibleUpper", e.upperPrimary())
            .param("pincode", d.pincode())
            .param("latitude", d.latitude())
            .param("longitude", d.longitude())
            .param("headmasterName", d.headmasterName())
            .param("headmasterPhone", d.headmasterPhone())
            .param("kitchenId", d.kitchenId());
    }

    Optional<School> find(String udiseCode) {
        return jdbc.sql("select * from schools where udise_code = :udise")
            .param("udise", udiseCode)
            .query(SchoolRepository::map)
            .optional();
    }

    boolean kitchenExists(UUID kitchenId) {
        return jdbc.sql("select exists (select 1 from kitchens where id = :id)")
            .param("id", kitchenId)
            .query(Boolean.class)
            .single();
    }

    PageResponse<School> page(SchoolFilter f, JurisdictionScope.Condition within, String orderBy, int page, int size) {
        String like = f.q() == null ? null
                : f.q().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return PagedQuery.select(jdbc, "*", "schools", within)
            .where("""
                    (cast(:district as varchar) is null or district_code = :district)
                      and (cast(:block as varchar) is null or block_code = :block)
                      and (cast(:category as varchar) is null or category = :category)
                      and (cast(:management as varchar) is null or management = :management)
                      and (cast(:eligible as boolean) is null or pm_poshan_eligible = :eligible)
                      and (cast(:q as varchar) is null or lower(name) like '%' || :q || '%' or udise_code like :q || '%')""")
            .param("district", f.districtCode())
            .param("block", f.blockCode())
            .param("category", f.category())
            .param("management", f.management())
            .param("eligible", f.eligible())
            .param("q", like)
            .orderBy(orderBy)
            .fetch(page, size, SchoolRepository::map);
    }

    static School map(ResultSet rs, int row) throws SQLException {
        String ruralUrban = rs.getString("rural_urban");
        return new School(rs.getString("udise_code"), rs.getString("name"), rs.getString("district_code"),
                rs.getString("block_code"), SchoolCategory.valueOf(rs.getString("category")),
                Management.valueOf(rs.getString("management")),
                ruralUrban == null ? null : RuralUrban.valueOf(ruralUrban), rs.getBoolean("pm_poshan_eligible"),
                rs.getBoolean("eligible_primary"), rs.getBoolean("eligible_upper_primary"), rs.getString("pincode"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("headmaster_name"),
                rs.getString("headmaster_phone"), rs.getObject("kitchen_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

}
