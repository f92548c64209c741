package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stock of centralised kitchens: {@code kitchen_stock_balances} and the
 * {@code kitchen_stock_ledger}, and the kitchens and schools they are kept for.
 */
@Repository
class KitchenStockRepository {

    /** A kitchen's balance of a commodity. */
    record Balance(Commodity commodity, BigDecimal quantityKg, StockStatus status) {
    }

    private final JdbcClient jdbc;

    KitchenStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertLedgerEntry(UUID kitchen, Commodity commodity, LocalDate date, LedgerEntryKind kind,
            BigDecimal quantityKg, BigDecimal balanceKg, String reason, String reference, String by) {
        jdbc.sql(
                """
                        insert into kitchen_stock_ledger (id, kitchen_id, commodity, entry_date, kind, quantity_kg, balance_kg, reason, reference, created_by)
                        values (:id, :k, :c, :d, :kind, :q, :b, :reason, :ref, :by)""")
            .param("id", UUID.randomUUID())
            .param("k", kitchen)
            .param("c", commodity.name())
            .param("d", date)
            .param("kind", kind.name())
            .param("q", quantityKg.setScale(3, RoundingMode.HALF_EVEN))
            .param("b", balanceKg)
            .param("reason", reason)
            .param("ref", reference)
            .param("by", by)
            .update();
    }

    void updateBalance(UUID kitchen, Commodity commodity, BigDecimal quantityKg, StockStatus status) {
        jdbc.sql(
                "update kitchen_stock_balances set quantity_kg = :q, status = :s, updated_at = now() where kitchen_id = :k and commodity = :c")
            .param("k", kitchen)
            .param("c", commodity.name())
            .param("q", quantityKg)
            .param("s", status.name())
            .update();
    }

    /**
     * The kitchen's balance of a commodity (zero, made now, if it had none), locked for
     * this transaction.
     */
    Balance lock(UUID kitchen, Commodity commodity) {
        jdbc.sql(
                """
                        insert into kitchen_stock_balances (kitchen_id, commodity, quantity_kg, status) values (:k, :c, 0, :status)
                        on conflict do nothing""")
            .param("k", kitchen)
            .param("c", commodity.name())
            .param("status", StockStatus.STOCK_OUT.name())
            .update();
        return jdbc.sql(
                "select quantity_kg, status from kitchen_stock_balances where kitchen_id = :k and commodity = :c for update")
            .param("k", kitchen)
            .param("c", commodity.name())
            .query((rs, i) -> new Balance(commodity, rs.getBigDecimal(1), StockStatus.valueOf(rs.getString(2))))
            .single();
    }

    /**
     * The kitchen's balance of a commodity locked for this transaction; empty (and
     * nothing created) when it has none.
     */
    Optional<BigDecimal> lockExisting(UUID kitchen, Commodity commodity) {
        return jdbc
            .sql("select quantity_kg from kitchen_stock_balances where kitchen_id = :k and commodity = :c for update")
            .param("k", kitchen)
            .param("c", commodity.name())
            .query(BigDecimal.class)
            .optional();
    }

    /** Where a kitchen is: {district, block}, or empty. */
    Optional<String[]> place(UUID kitchen) {
        return jdbc.sql("select district_code, block_code from kitchens where id = :k")
            .param("k", kitchen)
            .query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
            .optional();
    }

    /** The kitchen that cooks for a school, if one does. */
    Optional<UUID> kitchenOf(String udiseCode) {
        return jdbc.sql("select kitchen_id from schools where udise_code = :u and kitchen_id is not null")
            .param("u", udiseCode)
            .query(UUID.class)
            .optional();
    }

    /**
     * For the schools the kitchen serves, in the academic year: {schools enrolled,
     * primary, upper primary}.
     */
    int[] enrolled(UUID kitchen, String academicYear) {
        return jdbc.sql("""
                select count(*), coalesce(sum(e.primary_count), 0), coalesce(sum(e.upper_primary_count), 0)
                from enrollments e join schools s on s.udise_code = e.udise_code
                where s.kitchen_id = :k and e.academic_year = :y""")
            .param("k", kitchen)
            .param("y", academicYear)
            .query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
            .single();
    }

    List<Balance> balances(UUID kitchen) {
        return jdbc.sql(
                "select commodity, quantity_kg, status from kitchen_stock_balances where kitchen_id = :k order by commodity")
            .param("k", kitchen)
            .query((rs, i) -> new Balance(Commodity.valueOf(rs.getString(1)), rs.getBigDecimal(2),
                    StockStatus.valueOf(rs.getString(3))))
            .list();
    }

    /** The kitchen's latest 500 ledger entries, newest first. */
    List<LedgerEntryResponse> ledger(UUID kitchen) {
        return jdbc
            .sql("select * from kitchen_stock_ledger where kitchen_id = :k order by created_at desc, id limit 500")
            .param("k", kitchen)
            .query((rs, i) -> new LedgerEntryResponse(rs.getObject("id", UUID.class), null,
                    Commodity.valueOf(rs.getString("commodity")), rs.getObject("entry_date", LocalDate.class),
                    LedgerEntryKind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity_kg"),
                    rs.getBigDecimal("balance_kg"), rs.getString("reason"), rs.getString("reference"),
                    rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }

}
