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

    private final HeadmasterFields headmasters;

    SchoolRepository(JdbcClient jdbc, HeadmasterFields headmasters) {
        this.jdbc = jdbc;
        this.headmasters = headmasters;
    }

    School insert(String udiseCode, SchoolDetails d, Eligibility e, HeadmasterFields.Sealed headmaster) {
        return bind(
                jdbc.sql(
                        """
                                insert into schools (udise_code, name, district_code, block_code, category, management, rural_urban,
                                                     pm_poshan_eligible, eligible_primary, eligible_upper_primary, pincode, latitude,
                                                     longitude, headmaster_name_enc, headmaster_phone_enc, headmaster_phone_index,
                                                     kitchen_id)
                                values (:udise, :name, :district, :block, :category, :management, :ruralUrban, :eligible, :eligiblePrimary,
                                        :eligibleUpper, :pincode, :latitude, :longitude, :headmasterNameEnc, :headmasterPhoneEnc,
                                        :headmasterPhoneIndex, :kitchenId)
                                returning *"""),
                udiseCode, d, e, headmaster)
            .query(this::map)
            .single();
    }

    /**
     * Writes the headmaster encrypted (the plain columns cleared) with the rest.
     * @param headmasterChanged whether the headmaster's name or phone differs from the
     * stored one (the encrypted values cannot be compared in SQL)
     * @return the changed school, or empty when nothing differs from what is stored
     */
    Optional<School> update(String udiseCode, SchoolDetails d, Eligibility e, HeadmasterFields.Sealed headmaster,
            boolean headmasterChanged) {
        return bind(
                jdbc.sql(
                        """
                                update schools set name = :name, district_code = :district, block_code = :block, category = :category,
                                       management = :management, rural_urban = :ruralUrban, pm_poshan_eligible = :eligible,
                                       eligible_primary = :eligiblePrimary, eligible_upper_primary = :eligibleUpper, pincode = :pincode,
                                       latitude = :latitude, longitude = :longitude, headmaster_name_enc = :headmasterNameEnc,
                                       headmaster_phone_enc = :headmasterPhoneEnc, headmaster_phone_index = :headmasterPhoneIndex,
                                       headmaster_name = null, headmaster_phone = null, kitchen_id = :kitchenId, updated_at = now()
                                where udise_code = :udise
                                  and ((name, district_code, block_code, category, management, rural_urban, pincode, latitude, longitude,
                                        kitchen_id)
                                       is distinct from
                                       (cast(:name as varchar), cast(:district as varchar), cast(:block as varchar), cast(:category as varchar),
                                        cast(:management as varchar), cast(:ruralUrban as varchar), cast(:pincode as char(6)),
                                        cast(:latitude as numeric(9, 6)), cast(:longitude as numeric(9, 6)), cast(:kitchenId as uuid))
                                       or cast(:headmasterChanged as boolean))
                                returning *"""),
                udiseCode, d, e, headmaster)
            .param("headmasterChanged", headmasterChanged)
            .query(this::map)
            .optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, String udiseCode, SchoolDetails d,
            Eligibility e, HeadmasterFields.Sealed headmaster) {
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
            .param("headmasterNameEnc", headmaster.nameEnc())
            .param("headmasterPhoneEnc", headmaster.phoneEnc())
            .param("headmasterPhoneIndex", headmaster.phoneIndex())
            .param("kitchenId", d.kitchenId());
    }

    Optional<School> find(String udiseCode) {
        return jdbc.sql("select * from schools where udise_code = :udise")
            .param("udise", udiseCode)
            .query(this::map)
            .optional();
    }

    /** The school, locked until the transaction ends (for an update). */
    Optional<School> lock(String udiseCode) {
        return jdbc.sql("select * from schools where udise_code = :udise for update")
            .param("udise", udiseCode)
            .query(this::map)
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
                      and (cast(:q as varchar) is null or lower(name) like '%' || :q || '%' or udise_code like :q || '%')
                      and (cast(:phoneForms as varchar[]) is null
                           or headmaster_phone_index = any(cast(:phoneIndexes as varchar[]))
                           or headmaster_phone = any(cast(:phoneForms as varchar[])))""")
            .param("district", f.districtCode())
            .param("block", f.blockCode())
            .param("category", f.category())
            .param("management", f.management())
            .param("eligible", f.eligible())
            .param("q", like)
            // a row not yet encrypted is found by its plain number, in any form it may be
            // stored in
            // under the index key, and the previous one while a rotation re-indexes the
            // rows
            .param("phoneIndexes", headmasters.phoneIndexes(f.headmasterPhone()).toArray(String[]::new))
            .param("phoneForms",
                    f.headmasterPhone() == null ? null
                            : HeadmasterFields.plainForms(f.headmasterPhone()).toArray(String[]::new))
            .orderBy(orderBy)
            .fetch(page, size, this::map);
    }

    /**
     * A row, the headmaster decrypted (or read from the plain columns of a row not yet
     * encrypted).
     */
    private School map(ResultSet rs, int row) throws SQLException {
        String ruralUrban = rs.getString("rural_urban");
        String namePlain = rs.getString("headmaster_name");
        String nameEnc = rs.getString("headmaster_name_enc");
        String phonePlain = rs.getString("headmaster_phone");
        String phoneEnc = rs.getString("headmaster_phone_enc");
        return new School(rs.getString("udise_code"), rs.getString("name"), rs.getString("district_code"),
                rs.getString("block_code"), SchoolCategory.valueOf(rs.getString("category")),
                Management.valueOf(rs.getString("management")),
                ruralUrban == null ? null : RuralUrban.valueOf(ruralUrban), rs.getBoolean("pm_poshan_eligible"),
                rs.getBoolean("eligible_primary"), rs.getBoolean("eligible_upper_primary"), rs.getString("pincode"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), headmasters.name(nameEnc, namePlain),
                headmasters.phone(phoneEnc, phonePlain), rs.getObject("kitchen_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                namePlain == null ? nameEnc : null, phonePlain == null ? phoneEnc : null);
    }

}
