package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.school.StockLow;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/**
 * The food stock ledger of each school and commodity: receipts (deliveries), consumption
 * (meals served × the norms), adjustments and transfers; every movement is a ledger entry
 * with the balance after it, the balance never goes negative, and the status (days of
 * stock against the school's daily need) publishes StockLow when the school crosses into
 * low or out. Every change publishes StockCounted at the commit ({@link StockCounts}).
 */
@Service
public class StockService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final StockRepository stock;

    private final ApplicationEventPublisher events;

    private final int lowDays;

    private final int overDays;

    private final Clock clock;

    private final StockCounts counts;

    StockService(StockRepository stock, ApplicationEventPublisher events, Clock clock, StockCounts counts,
            @Value("${mdm.school.stock.low-days:7}") int lowDays,
            @Value("${mdm.school.stock.over-stocked-days:60}") int overDays) {
        this.stock = stock;
        this.counts = counts;
        this.clock = clock;
        this.events = events;
        this.lowDays = lowDays;
        this.overDays = overDays;
    }

    /**
     * Posts a movement in the caller's transaction.
     * @param quantityKg signed: positive in, negative out
     * @return the balance after it
     * @throws ApiException 409 {@code stock.insufficient} if it would drive the stock
     * negative
     */
    public BigDecimal post(String udise, Commodity commodity, LedgerEntryKind kind, BigDecimal quantityKg,
            LocalDate date, String reason, String reference, String by) {
        StockRepository.Balance before = stock.lock(udise, commodity);
        BigDecimal after = before.quantityKg().add(quantityKg).setScale(3, RoundingMode.HALF_EVEN);
        if (after.signum() < 0) {
            throw ApiException.conflict(SchoolProblems.STOCK_INSUFFICIENT,
                    "School " + udise + " has " + before.quantityKg().toPlainString() + " kg of " + commodity + "; "
                            + quantityKg.negate().toPlainString() + " kg cannot be taken out");
        }
        stock.ledger(udise, commodity, date, kind, quantityKg.setScale(3, RoundingMode.HALF_EVEN), after, reason,
                reference, by);
        BigDecimal need = dailyNeed(udise, commodity, date);
        BigDecimal days = days(after, need);
        StockStatus status = StockStatus.of(after, days, lowDays, overDays);
        stock.setBalance(udise, commodity, after, status);
        counts.changed(MealConsumptionRepository.Site.school(udise), commodity, need);
        if (status.crossedDownFrom(before.status())) {
            events.publishEvent(new StockLow(DomainEvent.newId(), clock.instant(), udise, commodity.name(), after, days,
                    status.name()));
        }
        return after;
    }

    /**
     * Kilograms a day at the school's typical day and the norms; {@code null} when
     * unknown.
     */
    BigDecimal dailyNeed(String udise, Commodity commodity, LocalDate date) {
        int[] day = stock.typicalDay(udise, AcademicYear.of(date));
        NormResponse norm = stock.norm(commodity).orElseThrow();
        if (day == null) {
            return null;
        }
        return kilograms(norm, day[0], day[1]);
    }

    /** Norm grams × children, in kg (exact: three decimals of a gram at most). */
    static BigDecimal kilograms(NormResponse norm, int primary, int upperPrimary) {
        return norm.primaryGrams()
            .multiply(BigDecimal.valueOf(primary))
            .add(norm.upperPrimaryGrams().multiply(BigDecimal.valueOf(upperPrimary)))
            .divide(THOUSAND, 3, RoundingMode.HALF_EVEN);
    }

    static BigDecimal days(BigDecimal quantityKg, BigDecimal dailyNeedKg) {
        if (dailyNeedKg == null || dailyNeedKg.signum() == 0) {
            return null;
        }
        return quantityKg.divide(dailyNeedKg, 1, RoundingMode.DOWN);
    }

    @Transactional
    List<StockBalanceResponse> adjust(String udise, AdjustmentRequest request, Caller caller) {
        requireSchool(udise, caller);
        if (request.quantityKg().signum() == 0) {
            throw ApiException.badRequest(SchoolProblems.STOCK_ADJUSTMENT_ZERO, "quantityKg: must not be zero");
        }
        post(udise, request.commodity(), LedgerEntryKind.ADJUSTMENT, request.quantityKg(),
                LocalDate.now(clock.withZone(INDIA)), request.reason().strip(), null, caller.username());
        return balances(udise, caller);
    }

    @Transactional(readOnly = true)
    List<StockBalanceResponse> balances(String udise, Caller caller) {
        requireSchool(udise, caller);
        LocalDate today = LocalDate.now(clock.withZone(INDIA));
        List<StockBalanceResponse> out = new ArrayList<>();
        for (StockRepository.StockBalanceRow row : stock.balances(udise)) {
            BigDecimal need = dailyNeed(udise, row.commodity(), today);
            out.add(new StockBalanceResponse(udise, row.commodity(), row.quantityKg(), need,
                    days(row.quantityKg(), need), row.status(), row.updatedAt()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    PageResponse<LedgerEntryResponse> ledger(String udise, Commodity commodity, Caller caller, int page, int size) {
        requireSchool(udise, caller);
        return stock.ledgerPage(udise, commodity, JurisdictionScope.of(caller).where(StockRepository.PLACE), page,
                size);
    }

    @Transactional(readOnly = true)
    List<NormResponse> norms() {
        return stock.norms();
    }

    @Transactional
    NormResponse setNorm(Commodity commodity, NormRequest request, Caller caller) {
        stock.setNorm(commodity, request, caller.username());
        return stock.norm(commodity).orElseThrow();
    }

    /** 404 unless the school exists within the caller's jurisdiction. */
    public void requireSchool(String udise, Caller caller) {
        String[] place = stock.place(udise).orElse(null);
        if (place == null || !caller.covers(place[0], place[1], udise)) {
            throw ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND, "No school with UDISE code " + udise);
        }
    }

}
