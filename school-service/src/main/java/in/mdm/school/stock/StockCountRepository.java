package in.mdm.school.stock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.school.stock.MealConsumptionRepository.Site;

/**
 * Balances as StockCounted carries them: with the site's district and block and the code
 * of the supplier assigned to it (the first by code when several are), read set-based for
 * a transaction's changed balances or a page of all of them (a recount).
 */
@Repository
class StockCountRepository {

    /** A site's balance of a commodity, where the site is and who supplies it. */
    record Count(Site site, Commodity commodity, BigDecimal quantityKg, StockStatus status, String districtCode,
            String blockCode, String supplierCode) {
    }

    private static final String SCHOOL_SUPPLIER = """
            (select min(p.code) from supplier_assignments a join suppliers p on p.id = a.supplier_id
             where a.udise_code = b.udise_code)""";

    private static final String KITCHEN_SUPPLIER = """
            (select min(p.code) from supplier_assignments a join suppliers p on p.id = a.supplier_id
             where a.kitchen_id = b.kitchen_id)""";

    private final JdbcClient jdbc;

    StockCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schools' balances of the commodities, pairwise. */
    List<Count> schools(List<String> udiseCodes, List<String> commodities) {
        if (udiseCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select b.udise_code, b.commodity, b.quantity_kg, b.status, s.district_code, s.block_code, %s
                from unnest(cast(:u as varchar[]), cast(:c as varchar[])) as t(udise, commodity)
                join stock_balances b on b.udise_code = t.udise and b.commodity = t.commodity
                join schools s on s.udise_code = b.udise_code""".formatted(SCHOOL_SUPPLIER))
            .param("u", udiseCodes.toArray(String[]::new))
            .param("c", commodities.toArray(String[]::new))
            .query(StockCountRepository::school)
            .list();
    }

    /** The kitchens' balances of the commodities, pairwise. */
    List<Count> kitchens(List<UUID> kitchens, List<String> commodities) {
        if (kitchens.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select b.kitchen_id, b.commodity, b.quantity_kg, b.status, k.district_code, k.block_code, %s
                from unnest(cast(:k as uuid[]), cast(:c as varchar[])) as t(kitchen, commodity)
                join kitchen_stock_balances b on b.kitchen_id = t.kitchen and b.commodity = t.commodity
                join kitchens k on k.id = b.kitchen_id""".formatted(KITCHEN_SUPPLIER))
            .param("k", kitchens.stream().map(UUID::toString).toArray(String[]::new))
            .param("c", commodities.toArray(String[]::new))
            .query(StockCountRepository::kitchen)
            .list();
    }

    /** Every school balance after ({@code udise}, {@code commodity}), at most limit. */
    List<Count> schoolPage(String afterUdise, String afterCommodity, int limit) {
        return jdbc.sql("""
                select b.udise_code, b.commodity, b.quantity_kg, b.status, s.district_code, s.block_code, %s
                from stock_balances b join schools s on s.udise_code = b.udise_code
                where (b.udise_code, b.commodity) > (cast(:u as char(11)), cast(:c as varchar))
                order by b.udise_code, b.commodity limit :n""".formatted(SCHOOL_SUPPLIER))
            .param("u", afterUdise)
            .param("c", afterCommodity)
            .param("n", limit)
            .query(StockCountRepository::school)
            .list();
    }

    /**
     * Every kitchen balance after ({@code kitchen}, {@code commodity}), at most limit.
     */
    List<Count> kitchenPage(UUID afterKitchen, String afterCommodity, int limit) {
        return jdbc.sql("""
                select b.kitchen_id, b.commodity, b.quantity_kg, b.status, k.district_code, k.block_code, %s
                from kitchen_stock_balances b join kitchens k on k.id = b.kitchen_id
                where (b.kitchen_id, b.commodity) > (cast(:k as uuid), cast(:c as varchar))
                order by b.kitchen_id, b.commodity limit :n""".formatted(KITCHEN_SUPPLIER))
            .param("k", afterKitchen.toString())
            .param("c", afterCommodity)
            .param("n", limit)
            .query(StockCountRepository::kitchen)
            .list();
    }

    /** How many balances there are, schools' and kitchens'. */
    long balances() {
        return jdbc.sql("select (select count(*) from stock_balances) + (select count(*) from kitchen_stock_balances)")
            .query(Long.class)
            .single();
    }

    private static Count school(ResultSet rs, int row) throws SQLException {
        return new Count(Site.school(rs.getString(1).strip()), Commodity.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                StockStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7));
    }

    private static Count kitchen(ResultSet rs, int row) throws SQLException {
        return new Count(Site.kitchen(rs.getObject(1, UUID.class)), Commodity.valueOf(rs.getString(2)),
                rs.getBigDecimal(3), StockStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }

}
