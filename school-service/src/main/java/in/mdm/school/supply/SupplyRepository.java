package in.mdm.school.supply;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class SupplyRepository {

    private static final String KITCHEN_COLUMNS = "k.*, (select count(*) from schools s where s.kitchen_id = k.id) as schools_served";

    /**
     * A kitchen lies in its district and block; it serves several schools and belongs to
     * none of them.
     */
    static final JurisdictionScope.Columns KITCHEN = JurisdictionScope.Columns.located("k.district_code",
            "k.block_code", null);

    private final JdbcClient jdbc;

    SupplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean blockExists(String district, String block) {
        return jdbc.sql("select exists (select 1 from blocks where district_code = :d and code = :b)")
            .param("d", district)
            .param("b", block)
            .query(Boolean.class)
            .single();
    }

    void insertKitchen(UUID id, KitchenRequest r) {
        jdbc.sql("""
                insert into kitchens (id, name, district_code, block_code, address, capacity_meals)
                values (:id, :name, :district, :block, :address, :capacity)""")
            .param("id", id)
            .param("name", r.name().strip())
            .param("district", r.districtCode())
            .param("block", r.blockCode())
            .param("address", r.address())
            .param("capacity", r.capacityMeals())
            .update();
    }

    int updateKitchen(UUID id, KitchenRequest r) {
        return jdbc.sql("""
                update kitchens set name = :name, district_code = :district, block_code = :block, address = :address,
                       capacity_meals = :capacity, updated_at = now()
                where id = :id""")
            .param("id", id)
            .param("name", r.name().strip())
            .param("district", r.districtCode())
            .param("block", r.blockCode())
            .param("address", r.address())
            .param("capacity", r.capacityMeals())
            .update();
    }

    void updateSupplier(UUID id, SupplierRequest r) {
        jdbc.sql(
                """
                        update suppliers set code = :code, name = :name, kind = :kind, phone = :phone, district_code = :district,
                               updated_at = now()
                        where id = :id""")
            .param("id", id)
            .param("code", r.code())
            .param("name", r.name().strip())
            .param("kind", r.kind().name())
            .param("phone", r.phone())
            .param("district", r.districtCode())
            .update();
        jdbc.sql("delete from supplier_assignments where supplier_id = :id").param("id", id).update();
    }

    Optional<KitchenResponse> kitchen(UUID id, JurisdictionScope.Condition within) {
        return jdbc.sql("select " + KITCHEN_COLUMNS + " from kitchens k where k.id = :id and " + within.sql())
            .params(within.params())
            .param("id", id)
            .query(SupplyRepository::kitchen)
            .optional();
    }

    /** A kitchen just written, read back for the ADMIN who wrote it. */
    Optional<KitchenResponse> kitchen(UUID id) {
        return jdbc.sql("select " + KITCHEN_COLUMNS + " from kitchens k where k.id = :id")
            .param("id", id)
            .query(SupplyRepository::kitchen)
            .optional();
    }

    PageResponse<KitchenResponse> kitchens(String district, String block, JurisdictionScope.Condition within, int page,
            int size) {
        return PagedQuery.select(jdbc, KITCHEN_COLUMNS, "kitchens k", within)
            .where("""
                    (cast(:district as varchar) is null or k.district_code = :district)
                      and (cast(:block as varchar) is null or k.block_code = :block)""")
            .param("district", district)
            .param("block", block)
            .orderBy("k.name, k.id")
            .fetch(page, size, SupplyRepository::kitchen);
    }

    private static KitchenResponse kitchen(ResultSet rs, int row) throws SQLException {
        return new KitchenResponse(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("district_code"),
                rs.getString("block_code"), rs.getString("address"), (Integer) rs.getObject("capacity_meals"),
                rs.getInt("schools_served"), rs.getTimestamp("created_at").toInstant());
    }

    void insertSupplier(UUID id, SupplierRequest r) {
        jdbc.sql("""
                insert into suppliers (id, code, name, kind, phone, district_code)
                values (:id, :code, :name, :kind, :phone, :district)""")
            .param("id", id)
            .param("code", r.code())
            .param("name", r.name().strip())
            .param("kind", r.kind().name())
            .param("phone", r.phone())
            .param("district", r.districtCode())
            .update();
    }

    /** A school whose kitchen changed, as it is now (what SchoolUpdated carries). */
    record KitchenChanged(String udiseCode, String name, String districtCode, String blockCode, String category,
            String management, String ruralUrban, boolean pmPoshanEligible, BigDecimal latitude, BigDecimal longitude,
            UUID kitchenId) {
    }

    private static final String CHANGED = """
            returning udise_code, name, district_code, block_code, category, management, rural_urban,
                      pm_poshan_eligible, latitude, longitude, kitchen_id""";

    /**
     * The kitchen cooks for these schools, and for no others.
     * @return the schools whose kitchen changed: those it cooked for before and no longer
     * does, and those it cooks for now and did not
     */
    List<KitchenChanged> cooksFor(UUID kitchen, List<String> udiseCodes) {
        List<KitchenChanged> changed = new java.util.ArrayList<>(jdbc.sql("""
                update schools set kitchen_id = null, updated_at = now()
                where kitchen_id = :k and not (udise_code = any (cast(:codes as varchar[])))
                """ + CHANGED)
            .param("k", kitchen)
            .param("codes", udiseCodes.toArray(String[]::new))
            .query(SupplyRepository::changed)
            .list());
        changed.addAll(jdbc.sql("""
                update schools set kitchen_id = :k, updated_at = now()
                where udise_code = any (cast(:codes as varchar[])) and kitchen_id is distinct from :k
                """ + CHANGED)
            .param("k", kitchen)
            .param("codes", udiseCodes.toArray(String[]::new))
            .query(SupplyRepository::changed)
            .list());
        return changed;
    }

    private static KitchenChanged changed(ResultSet rs, int row) throws SQLException {
        return new KitchenChanged(rs.getString(1).strip(), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getObject(11, UUID.class));
    }

    /**
     * @return how many of the schools exist
     */
    int countSchools(List<String> udiseCodes) {
        return jdbc.sql("select count(*) from schools where udise_code = any (:codes)")
            .param("codes", udiseCodes.toArray(String[]::new))
            .query(Integer.class)
            .single();
    }

    int countKitchens(List<UUID> ids) {
        return jdbc.sql("select count(*) from kitchens where id = any (:ids)")
            .param("ids", ids.toArray(UUID[]::new))
            .query(Integer.class)
            .single();
    }

    void assignSchools(UUID supplier, List<String> udiseCodes) {
        jdbc.sql("""
                insert into supplier_assignments (supplier_id, udise_code)
                select :supplier, u from unnest(cast(:codes as varchar[])) u on conflict do nothing""")
            .param("supplier", supplier)
            .param("codes", udiseCodes.toArray(String[]::new))
            .update();
    }

    void assignKitchens(UUID supplier, List<UUID> kitchens) {
        jdbc.sql("""
                insert into supplier_assignments (supplier_id, kitchen_id)
                select :supplier, k from unnest(cast(:ids as uuid[])) k on conflict do nothing""")
            .param("supplier", supplier)
            .param("ids", kitchens.toArray(UUID[]::new))
            .update();
    }

    Optional<SupplierResponse> supplier(UUID id) {
        return jdbc.sql("select * from suppliers where id = :id")
            .param("id", id)
            .query((rs, i) -> supplier(rs))
            .optional();
    }

    /**
     * The state's register of suppliers, the same for every officer (a supplier serves
     * across districts).
     */
    PageResponse<SupplierResponse> suppliers(String district, SupplierKind kind, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "*", """
                suppliers
                where (cast(:district as varchar) is null or district_code = :district)
                  and (cast(:kind as varchar) is null or kind = :kind)""")
            .param("district", district)
            .param("kind", kind)
            .orderBy("name, id")
            .fetch(page, size, (rs, i) -> supplier(rs));
    }

    private SupplierResponse supplier(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> schools = jdbc.sql(
                "select udise_code from supplier_assignments where supplier_id = :id and udise_code is not null order by 1")
            .param("id", id)
            .query(String.class)
            .list();
        List<UUID> kitchens = jdbc.sql(
                "select kitchen_id from supplier_assignments where supplier_id = :id and kitchen_id is not null order by 1")
            .param("id", id)
            .query(UUID.class)
            .list();
        return new SupplierResponse(id, rs.getString("code"), rs.getString("name"),
                SupplierKind.valueOf(rs.getString("kind")), rs.getString("phone"), rs.getString("district_code"),
                schools, kitchens, rs.getTimestamp("created_at").toInstant());
    }

}
