package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/**
 * The stock of a centralised kitchen: receipts from deliveries, adjustments, and the
 * consumption of the schools it cooks for (their meals served × the norms, instead of the
 * schools' own stock, posted by {@link MealConsumption}). Days of stock against the
 * enrollment of the schools it serves; a crossing into low or out publishes
 * KitchenStockLow with the schools it cooks for. Every change publishes StockCounted at
 * the commit ({@link StockCounts}).
 */
@Service
public class KitchenStockService {

    private final KitchenStockRepository kitchens;

    private final StockRepository norms;

    private final Clock clock;

    private final int lowDays;

    private final int overDays;

    private final ApplicationEventPublisher events;

    private final MealConsumption lowStock;

    private final StockCounts counts;

    KitchenStockService(KitchenStockRepository kitchens, StockRepository norms, ApplicationEventPublisher events,
            MealConsumption lowStock, StockCounts counts, Clock clock,
            @Value("${mdm.school.stock.low-days:7}") int lowDays,
            @Value("${mdm.school.stock.over-stocked-days:60}") int overDays) {
        this.kitchens = kitchens;
        this.norms = norms;
        this.events = events;
        this.lowStock = lowStock;
        this.counts = counts;
        this.clock = clock;
        this.lowDays = lowDays;
        this.overDays = overDays;
    }

    /**
     * Posts a movement in the caller's transaction; 409 {@code stock.insufficient} below
     * zero.
     */
    public BigDecimal post(UUID kitchen, Commodity commodity, LedgerEntryKind kind, BigDecimal quantityKg,
            LocalDate date, String reason, String reference, String by) {
        KitchenStockRepository.Balance before = kitchens.lock(kitchen, commodity);
        BigDecimal after = before.quantityKg().add(quantityKg).setScale(3, RoundingMode.HALF_EVEN);
        if (after.signum() < 0) {
            throw ApiException.conflict(SchoolProblems.STOCK_INSUFFICIENT,
                    "Kitchen " + kitchen + " has " + before.quantityKg().toPlainString() + " kg of " + commodity + "; "
                            + quantityKg.negate().toPlainString() + " kg cannot be taken out");
        }
        kitchens.insertLedgerEntry(kitchen, commodity, date, kind, quantityKg, after, reason, reference, by);
        BigDecimal need = dailyNeed(kitchen, commodity, date);
        BigDecimal days = StockService.days(after, need);
        StockStatus status = StockStatus.of(after, days, lowDays, overDays);
        kitchens.updateBalance(kitchen, commodity, after, status);
        counts.changed(MealConsumptionRepository.Site.kitchen(kitchen), commodity, need);
        if (status.crossedDownFrom(before.status())) {
            events.publishEvent(lowStock.kitchenCrossing(kitchen, commodity, after, days, status));
        }
        return after;
    }

    /**
     * The kitchen's balance of a commodity locked for this transaction; empty (and
     * nothing created) when it has none.
     */
    Optional<BigDecimal> lockExisting(UUID kitchen, Commodity commodity) {
        return kitchens.lockExisting(kitchen, commodity);
    }

    /**
     * The kitchen that cooks for a school, if one does: its food is stocked there, so
     * deliveries and transfers for the school land at the kitchen.
     */
    public Optional<UUID> kitchenOf(String udiseCode) {
        return kitchens.kitchenOf(udiseCode);
    }

    /** Where a kitchen is: {district, block}, or empty. */
    Optional<String[]> place(UUID kitchen) {
        return kitchens.place(kitchen);
    }

    /**
     * Kilograms a day for the enrollment of the schools the kitchen serves; {@code null}
     * when none is known.
     */
    BigDecimal dailyNeed(UUID kitchen, Commodity commodity, LocalDate date) {
        int[] children = kitchens.enrolled(kitchen, AcademicYear.of(date));
        if (children[0] == 0) {
            return null;
        }
        return StockService.kilograms(norms.norm(commodity).orElseThrow(), children[1], children[2]);
    }

    /** 404 unless the kitchen lies in the caller's jurisdiction. */
    void requireKitchen(UUID kitchen, Caller caller) {
        String[] place = place(kitchen).orElse(null);
        if (place == null || !caller.covers(place[0], place[1], null)) {
            throw ApiException.notFound(SchoolProblems.KITCHEN_NOT_FOUND, "No kitchen " + kitchen);
        }
    }

    @Transactional(readOnly = true)
    List<KitchenStockResponse> balances(UUID kitchen, Caller caller) {
        requireKitchen(kitchen, caller);
        LocalDate today = LocalDate.now(clock.withZone(StockService.INDIA));
        List<KitchenStockResponse> out = new ArrayList<>();
        for (KitchenStockRepository.Balance b : kitchens.balances(kitchen)) {
            BigDecimal need = dailyNeed(kitchen, b.commodity(), today);
            out.add(new KitchenStockResponse(kitchen, b.commodity(), b.quantityKg(), need,
                    StockService.days(b.quantityKg(), need), b.status()));
        }
        return out;
    }

    @Transactional
    List<KitchenStockResponse> adjust(UUID kitchen, AdjustmentRequest request, Caller caller) {
        requireKitchen(kitchen, caller);
        if (request.quantityKg().signum() == 0) {
            throw ApiException.badRequest(SchoolProblems.STOCK_ADJUSTMENT_ZERO, "quantityKg: must not be zero");
        }
        post(kitchen, request.commodity(), LedgerEntryKind.ADJUSTMENT, request.quantityKg(),
                LocalDate.now(clock.withZone(StockService.INDIA)), request.reason().strip(), null, caller.username());
        return balances(kitchen, caller);
    }

    @Transactional(readOnly = true)
    List<LedgerEntryResponse> ledger(UUID kitchen, Caller caller) {
        requireKitchen(kitchen, caller);
        return kitchens.ledger(kitchen);
    }

}
