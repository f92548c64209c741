package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.events.AcademicYear;

/**
 * The stock of a centralised kitchen: receipts from deliveries, adjustments, and the consumption of the schools
 * it cooks for (their meals served × the norms, instead of the schools' own stock). Days of stock against the
 * enrollment of the schools it serves; the status is kept (StockLow is keyed by school and is not published for
 * kitchens).
 */
@Service
public class KitchenStockService {

    private final JdbcClient jdbc;
    private final StockRepository norms;
    private final int lowDays;
    private final int overDays;

    KitchenStockService(JdbcClient jdbc, StockRepository norms,
            @Value("${mdm.school.stock.low-days:7}") int lowDays, @Value("${mdm.school.stock.over-stocked-days:60}") int overDays) {
        this.jdbc = jdbc;
        this.norms = norms;
        this.lowDays = lowDays;
        this.overDays = overDays;
    }

    /** Posts a movement in the caller's transaction; 409 {@code stock.insufficient} below zero. */
    public BigDecimal post(UUID kitchen, Commodity commodity, String kind, BigDecimal quantityKg, LocalDate date,
            String reason, String reference, String by) {
        BigDecimal before = lock(kitchen, commodity);
        BigDecimal after = before.add(quantityKg).setScale(3, RoundingMode.HALF_EVEN);
        if (after.signum() < 0) {
            throw ApiException.conflict("stock.insufficient", "Kitchen " + kitchen + " has " + before.toPlainString() + " kg of "
                    + commodity + "; " + quantityKg.negate().toPlainString() + " kg cannot be taken out");
        }
        jdbc.sql("""
                insert into kitchen_stock_ledger (id, kitchen_id, commodity, entry_date, kind, quantity_kg, balance_kg, reason, reference, created_by)
                values (:id, :k, :c, :d, :kind, :q, :b, :reason, :ref, :by)""")
                .param("id", UUID.randomUUID()).param("k", kitchen).param("c", commodity.name()).param("d", date)
                .param("kind", kind).param("q", quantityKg.setScale(3, RoundingMode.HALF_EVEN)).param("b", after)
                .param("reason", reason).param("ref", reference).param("by", by).update();
        StockStatus status = StockStatus.of(after, StockService.days(after, dailyNeed(kitchen, commodity, date)), lowDays, overDays);
        jdbc.sql("update kitchen_stock_balances set quantity_kg = :q, status = :s, updated_at = now() where kitchen_id = :k and commodity = :c")
                .param("k", kitchen).param("c", commodity.name()).param("q", after).param("s", status.name()).update();
        return after;
    }

    private BigDecimal lock(UUID kitchen, Commodity commodity) {
        jdbc.sql("""
                insert into kitchen_stock_balances (kitchen_id, commodity, quantity_kg, status) values (:k, :c, 0, 'STOCK_OUT')
                on conflict do nothing""").param("k", kitchen).param("c", commodity.name()).update();
        return jdbc.sql("select quantity_kg from kitchen_stock_balances where kitchen_id = :k and commodity = :c for update")
                .param("k", kitchen).param("c", commodity.name()).query(BigDecimal.class).single();
    }

    /** The kitchen's balance of a commodity locked for this transaction; empty (and nothing created) when it has none. */
    Optional<BigDecimal> lockExisting(UUID kitchen, Commodity commodity) {
        return jdbc.sql("select quantity_kg from kitchen_stock_balances where kitchen_id = :k and commodity = :c for update")
                .param("k", kitchen).param("c", commodity.name()).query(BigDecimal.class).optional();
    }

    /** Where a kitchen is: {district, block}, or empty. */
    Optional<String[]> place(UUID kitchen) {
        return jdbc.sql("select district_code, block_code from kitchens where id = :k").param("k", kitchen)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    /** Kilograms a day for the enrollment of the schools the kitchen serves; {@code null} when none is known. */
    BigDecimal dailyNeed(UUID kitchen, Commodity commodity, LocalDate date) {
        int[] children = jdbc.sql("""
                select count(*), coalesce(sum(e.primary_count), 0), coalesce(sum(e.upper_primary_count), 0)
                from enrollments e join schools s on s.udise_code = e.udise_code
                where s.kitchen_id = :k and e.academic_year = :y""")
                .param("k", kitchen).param("y", AcademicYear.of(date))
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        if (children[0] == 0) {
            return null;
        }
        return StockService.kilograms(norms.norm(commodity).orElseThrow(), children[1], children[2]);
    }

    /** A meal day of a school the kitchen cooks for: like a school's own consumption (the difference on a correction). */
    void consume(UUID kitchen, String udise, LocalDate date, int primary, int upper) {
        String reference = "meal:" + udise + ":" + date;
        List<Commodity> stocked = jdbc.sql("select commodity from kitchen_stock_balances where kitchen_id = :k order by commodity")
                .param("k", kitchen).query((rs, i) -> Commodity.valueOf(rs.getString(1))).list();
        for (Commodity commodity : stocked) {
            BigDecimal wanted = StockService.kilograms(norms.norm(commodity).orElseThrow(), primary, upper).negate();
            BigDecimal already = jdbc.sql("select coalesce(sum(quantity_kg), 0) from kitchen_stock_ledger where reference = :r and kitchen_id = :k and commodity = :c")
                    .param("r", reference).param("k", kitchen).param("c", commodity.name()).query(BigDecimal.class).single();
            BigDecimal delta = wanted.subtract(already);
            BigDecimal onHand = lock(kitchen, commodity);
            if (delta.signum() < 0 && onHand.add(delta).signum() < 0) {
                delta = onHand.negate();
            }
            if (delta.signum() != 0) {
                post(kitchen, commodity, "CONSUMPTION", delta, date, "meals served at " + udise + " on " + date, reference, "meal-report");
            }
        }
    }

    /** 404 unless the kitchen lies in the caller's jurisdiction. */
    void requireKitchen(UUID kitchen, Caller caller) {
        String[] place = place(kitchen).orElse(null);
        if (place == null || !caller.covers(place[0], place[1], null)) {
            throw ApiException.notFound("kitchen.not-found", "No kitchen " + kitchen);
        }
    }

    @Transactional(readOnly = true)
    List<KitchenStockResponse> balances(UUID kitchen, Caller caller) {
        requireKitchen(kitchen, caller);
        LocalDate today = LocalDate.now(StockService.INDIA);
        List<KitchenStockResponse> out = new ArrayList<>();
        jdbc.sql("select commodity, quantity_kg, status from kitchen_stock_balances where kitchen_id = :k order by commodity")
                .param("k", kitchen)
                .query(rs -> {
                    Commodity c = Commodity.valueOf(rs.getString(1));
                    BigDecimal need = dailyNeed(kitchen, c, today);
                    out.add(new KitchenStockResponse(kitchen, c, rs.getBigDecimal(2), need, StockService.days(rs.getBigDecimal(2), need),
                            StockStatus.valueOf(rs.getString(3))));
                });
        return out;
    }

    @Transactional
    List<KitchenStockResponse> adjust(UUID kitchen, AdjustmentRequest request, Caller caller) {
        requireKitchen(kitchen, caller);
        if (request.quantityKg().signum() == 0) {
            throw ApiException.badRequest("stock.adjustment.zero", "quantityKg: must not be zero");
        }
        post(kitchen, request.commodity(), "ADJUSTMENT", request.quantityKg(), LocalDate.now(StockService.INDIA),
                request.reason().strip(), null, caller.username());
        return balances(kitchen, caller);
    }

    @Transactional(readOnly = true)
    List<LedgerEntryResponse> ledger(UUID kitchen, Caller caller) {
        requireKitchen(kitchen, caller);
        return jdbc.sql("select * from kitchen_stock_ledger where kitchen_id = :k order by created_at desc, id limit 500")
                .param("k", kitchen)
                .query((rs, i) -> new LedgerEntryResponse(rs.getObject("id", UUID.class), null,
                        Commodity.valueOf(rs.getString("commodity")), rs.getObject("entry_date", LocalDate.class),
                        rs.getString("kind"), rs.getBigDecimal("quantity_kg"), rs.getBigDecimal("balance_kg"),
                        rs.getString("reason"), rs.getString("reference"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
