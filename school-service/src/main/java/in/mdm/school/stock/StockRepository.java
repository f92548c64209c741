package in.mdm.school.stock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class StockRepository {

    record Balance(BigDecimal quantityKg, StockStatus status) {
    }

    /** A ledger entry lies where its school ({@code s}, joined) is. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("s.district_code", "s.block_code",
            "s.udise_code");

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The balance row, created empty if missing, locked for this transaction. */
    Balance lock(String udise, Commodity commodity) {
        jdbc.sql("""
                insert into stock_balances (udise_code, commodity, quantity_kg, status) values (:u, :c, 0, :status)
                on conflict do nothing""")
            .param("u", udise)
            .param("c", commodity.name())
            .param("status", StockStatus.STOCK_OUT.name())
            .update();
        return jdbc
            .sql("select quantity_kg, status from stock_balances where udise_code = :u and commodity = :c for update")
            .param("u", udise)
            .param("c", commodity.name())
            .query((rs, i) -> new Balance(rs.getBigDecimal(1), StockStatus.valueOf(rs.getString(2))))
            .single();
    }

    /**
     * The balance of a school and commodity locked for this transaction; empty (and
     * nothing created) when it has none.
     */
    Optional<BigDecimal> lockExisting(String udise, Commodity commodity) {
        return jdbc.sql("select quantity_kg from stock_balances where udise_code = :u and commodity = :c for update")
            .param("u", udise)
            .param("c", commodity.name())
            .query(BigDecimal.class)
            .optional();
    }

    void setBalance(String udise, Commodity commodity, BigDecimal quantity, StockStatus status) {
        jdbc.sql(
                "update stock_balances set quantity_kg = :q, status = :s, updated_at = now() where udise_code = :u and commodity = :c")
            .param("u", udise)
            .param("c", commodity.name())
            .param("q", quantity)
            .param("s", status.name())
            .update();
    }

    void ledger(String udise, Commodity commodity, LocalDate date, LedgerEntryKind kind, BigDecimal quantity,
            BigDecimal balance, String reason, String reference, String by) {
        jdbc.sql(
                """
                        insert into stock_ledger (id, udise_code, commodity, entry_date, kind, quantity_kg, balance_kg, reason, reference, created_by)
                        values (:id, :u, :c, :d, :kind, :q, :b, :reason, :ref, :by)""")
            .param("id", UUID.randomUUID())
            .param("u", udise)
            .param("c", commodity.name())
            .param("d", date)
            .param("kind", kind.name())
            .param("q", quantity)
            .param("b", balance)
            .param("reason", reason)
            .param("ref", reference)
            .param("by", by)
            .update();
    }

    Optional<NormResponse> norm(Commodity commodity) {
        return jdbc.sql("select * from food_norms where commodity = :c")
            .param("c", commodity.name())
            .query((rs, i) -> norm(rs))
            .optional();
    }

    List<NormResponse> norms() {
        return jdbc.sql("select * from food_norms order by commodity").query((rs, i) -> norm(rs)).list();
    }

    void setNorm(Commodity commodity, NormRequest r, String by) {
        jdbc.sql(
                "update food_norms set primary_grams = :p, upper_primary_grams = :u, updated_by = :by, updated_at = now() where commodity = :c")
            .param("c", commodity.name())
            .param("p", r.primaryGrams())
            .param("u", r.upperPrimaryGrams())
            .param("by", by)
            .update();
    }

    private static NormResponse norm(ResultSet rs) throws SQLException {
        return new NormResponse(Commodity.valueOf(rs.getString("commodity")), rs.getBigDecimal("primary_grams"),
                rs.getBigDecimal("upper_primary_grams"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * Children fed on a typical day, primary and upper primary: the average of the last
     * 30 meal days, else the enrollment of the academic year; {@code null} when neither
     * is known.
     */
    int[] typicalDay(String udise, String academicYear) {
        int[] recent = jdbc
            .sql("""
                    select count(*), coalesce(round(avg(attendance_primary)), 0), coalesce(round(avg(attendance_upper_primary)), 0)
                    from (select attendance_primary, attendance_upper_primary from meal_reports
                          where udise_code = :u and meals_served > 0 order by report_date desc limit 30) r""")
            .param("u", udise)
            .query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
            .single();
        if (recent[0] > 0) {
            return new int[] { recent[1], recent[2] };
        }
        return jdbc.sql(
                "select primary_count, upper_primary_count from enrollments where udise_code = :u and academic_year = :y")
            .param("u", udise)
            .param("y", academicYear)
            .query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) })
            .optional()
            .orElse(null);
    }

    List<StockBalanceRow> balances(String udise) {
        return jdbc.sql("select * from stock_balances where udise_code = :u order by commodity")
            .param("u", udise)
            .query((rs, i) -> new StockBalanceRow(Commodity.valueOf(rs.getString("commodity")),
                    rs.getBigDecimal("quantity_kg"), StockStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    record StockBalanceRow(Commodity commodity, BigDecimal quantityKg, StockStatus status,
            java.time.Instant updatedAt) {
    }

    PageResponse<LedgerEntryResponse> ledgerPage(String udise, Commodity commodity, JurisdictionScope.Condition within,
            int page, int size) {
        return PagedQuery.select(jdbc, "l.*", "stock_ledger l join schools s on s.udise_code = l.udise_code", within)
            .where("l.udise_code = :u and (cast(:c as varchar) is null or l.commodity = :c)")
            .param("u", udise)
            .param("c", commodity)
            .orderBy("l.created_at desc, l.id")
            .fetch(page, size,
                    (rs, i) -> new LedgerEntryResponse(rs.getObject("id", UUID.class), rs.getString("udise_code"),
                            Commodity.valueOf(rs.getString("commodity")), rs.getObject("entry_date", LocalDate.class),
                            LedgerEntryKind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity_kg"),
                            rs.getBigDecimal("balance_kg"), rs.getString("reason"), rs.getString("reference"),
                            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()));
    }

    /** Where a school is: {district, block}, or empty. */
    Optional<String[]> place(String udise) {
        return jdbc.sql("select district_code, block_code from schools where udise_code = :u")
            .param("u", udise)
            .query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
            .optional();
    }

}
