package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockLow;
import in.mdm.school.stock.MealConsumptionRepository.Entry;
import in.mdm.school.stock.MealConsumptionRepository.Fed;
import in.mdm.school.stock.MealConsumptionRepository.Locked;
import in.mdm.school.stock.MealConsumptionRepository.Need;
import in.mdm.school.stock.MealConsumptionRepository.Site;

/**
 * Meals served take food out of stock, in the transaction that stores the reports, for a
 * whole batch at once: the school's own stock, or that of the centralised kitchen that
 * cooks for it. For each site, commodity it stocks and meal day, the consumption is the
 * norms times the children fed (the attendance scaled down to the meals served) as the
 * stored reports say; a kitchen posts one entry a day for all its schools. What was
 * posted for that day before is subtracted, so a correction posts the difference and
 * running it twice changes nothing. Taken only from what is on hand: the ledger never
 * goes negative. A site crossing into low or out publishes StockLow (a school) or
 * KitchenStockLow (a kitchen, with the schools it cooks for); every changed balance, once
 * for the whole batch, StockCounted at the commit ({@link StockCounts}).
 * <p>
 * A few statements for the whole batch, whatever its size; balances are locked in one
 * order, so concurrent batches touching the same kitchen wait for each other and never
 * deadlock.
 */
@Service
public class MealConsumption {

    /** A school's meal day whose stored report is to be consumed. */
    public record MealDay(String udiseCode, LocalDate date) {
    }

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final MealConsumptionRepository repository;

    private final StockRepository norms;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final int lowDays;

    private final int overDays;

    private final StockCounts counts;

    MealConsumption(MealConsumptionRepository repository, StockRepository norms, ApplicationEventPublisher events,
            StockCounts counts, Clock clock, @Value("${mdm.school.stock.low-days:7}") int lowDays,
            @Value("${mdm.school.stock.over-stocked-days:60}") int overDays) {
        this.repository = repository;
        this.counts = counts;
        this.norms = norms;
        this.events = events;
        this.clock = clock;
        this.lowDays = lowDays;
        this.overDays = overDays;
    }

    /** The ledger reference of a meal day's consumption. */
    static String reference(LocalDate date) {
        return "meal:" + date;
    }

    /**
     * Posts the consumption of the meal days (their reports stored in this transaction or
     * before).
     * @return the ledger entries written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int consume(Collection<MealDay> meals) {
        if (meals.isEmpty()) {
            return 0;
        }
        Map<String, UUID> kitchenOf = repository.kitchens(meals.stream().map(MealDay::udiseCode).distinct().toList());
        // the sites and dates to post, deduplicated and ordered
        Set<String> schoolDays = new TreeSet<>();
        Set<String> kitchenDays = new TreeSet<>();
        for (MealDay day : meals) {
            if (!kitchenOf.containsKey(day.udiseCode())) {
                continue; // not a school (cannot happen for a stored report)
            }
            UUID kitchen = kitchenOf.get(day.udiseCode());
            if (kitchen == null) {
                schoolDays.add(day.udiseCode() + "|" + day.date());
            }
            else {
                kitchenDays.add(kitchen + "|" + day.date());
            }
        }
        Set<String> schools = new TreeSet<>();
        Set<UUID> kitchens = new TreeSet<>();
        schoolDays.forEach(k -> schools.add(k.substring(0, k.indexOf('|'))));
        kitchenDays.forEach(k -> kitchens.add(UUID.fromString(k.substring(0, k.indexOf('|')))));

        // lock first: what is read after sees every batch committed before
        Map<Site, Map<Commodity, Locked>> balances = new TreeMap<>();
        for (Locked b : repository.lock(schools, kitchens)) {
            balances.computeIfAbsent(b.site(), s -> new java.util.EnumMap<>(Commodity.class)).put(b.commodity(), b);
        }
        if (balances.isEmpty()) {
            return 0; // nothing stocked at any of these sites
        }
        List<Fed> fed = new ArrayList<>();
        List<String> schoolCodes = new ArrayList<>();
        List<LocalDate> schoolDates = new ArrayList<>();
        for (String key : schoolDays) {
            String udise = key.substring(0, key.indexOf('|'));
            if (balances.containsKey(Site.school(udise))) {
                schoolCodes.add(udise);
                schoolDates.add(LocalDate.parse(key.substring(key.indexOf('|') + 1)));
            }
        }
        List<UUID> kitchenIds = new ArrayList<>();
        List<LocalDate> kitchenDates = new ArrayList<>();
        for (String key : kitchenDays) {
            UUID kitchen = UUID.fromString(key.substring(0, key.indexOf('|')));
            if (balances.containsKey(Site.kitchen(kitchen))) {
                kitchenIds.add(kitchen);
                kitchenDates.add(LocalDate.parse(key.substring(key.indexOf('|') + 1)));
            }
        }
        if (!schoolCodes.isEmpty()) {
            fed.addAll(repository.fedAtSchools(schoolCodes, schoolDates));
        }
        if (!kitchenIds.isEmpty()) {
            fed.addAll(repository.fedAtKitchens(kitchenIds, kitchenDates));
        }
        Set<String> references = new TreeSet<>();
        fed.forEach(f -> references.add(reference(f.date())));
        Map<String, BigDecimal> posted = repository.posted(schoolCodes.stream().distinct().toList(),
                kitchenIds.stream().distinct().toList(), references);
        LocalDate latest = fed.stream().map(Fed::date).max(Comparator.naturalOrder()).orElse(null);
        if (latest == null) {
            return 0;
        }
        String year = AcademicYear.of(latest);
        Map<String, Need> schoolNeeds = repository.schoolNeeds(schoolCodes.stream().distinct().toList(), year);
        Map<UUID, Need> kitchenNeeds = repository.kitchenNeeds(kitchenIds.stream().distinct().toList(), year);
        Map<Commodity, NormResponse> normOf = new HashMap<>();
        norms.norms().forEach(n -> normOf.put(n.commodity(), n));

        // per site, in date order: the difference to what the day wants, within what is
        // on
        // hand
        fed.sort(Comparator.comparing(Fed::site).thenComparing(Fed::date));
        List<Entry> entries = new ArrayList<>();
        Map<String, Locked> changed = new LinkedHashMap<>();
        List<DomainEvent> crossings = new ArrayList<>();
        for (Fed day : fed) {
            Map<Commodity, Locked> siteBalances = balances.get(day.site());
            Need need = day.site().isKitchen() ? kitchenNeeds.get(day.site().kitchenId())
                    : schoolNeeds.get(day.site().udiseCode());
            for (Locked balance : List.copyOf(siteBalances.values())) {
                Commodity commodity = balance.commodity();
                NormResponse norm = normOf.get(commodity);
                BigDecimal wanted = kilograms(norm, day.primary(), day.upperPrimary()).negate();
                String reference = reference(day.date());
                BigDecimal already = posted.getOrDefault(day.site().key() + "|" + commodity + "|" + reference,
                        BigDecimal.ZERO);
                BigDecimal delta = wanted.subtract(already);
                if (delta.signum() < 0 && balance.quantityKg().add(delta).signum() < 0) {
                    delta = balance.quantityKg().negate();
                }
                if (delta.signum() == 0) {
                    continue;
                }
                BigDecimal after = balance.quantityKg().add(delta).setScale(3, RoundingMode.HALF_EVEN);
                BigDecimal dailyNeed = need == null ? null : kilograms(norm, need.primary(), need.upperPrimary());
                BigDecimal days = StockService.days(after, dailyNeed);
                StockStatus status = StockStatus.of(after, days, lowDays, overDays);
                String reason = day.site().isKitchen() ? "meals served on " + day.date() + " at the kitchen's schools"
                        : "meals served on " + day.date();
                entries.add(new Entry(day.site(), commodity, day.date(), delta.setScale(3, RoundingMode.HALF_EVEN),
                        after, reason, reference));
                if (status.crossedDownFrom(balance.status())) {
                    crossings.add(crossing(day.site(), commodity, after, days, status));
                }
                Locked next = new Locked(day.site(), commodity, after, status);
                siteBalances.put(commodity, next);
                changed.put(day.site().key() + "|" + commodity, next);
                counts.changed(day.site(), commodity, dailyNeed);
            }
        }
        repository.insert(entries, "meal-report");
        repository.setBalances(List.copyOf(changed.values()));
        crossings.forEach(events::publishEvent);
        return entries.size();
    }

    private DomainEvent crossing(Site site, Commodity commodity, BigDecimal after, BigDecimal days,
            StockStatus status) {
        if (!site.isKitchen()) {
            return new StockLow(DomainEvent.newId(), clock.instant(), site.udiseCode(), commodity.name(), after, days,
                    status.name());
        }
        return kitchenCrossing(site.kitchenId(), commodity, after, days, status);
    }

    /** The KitchenStockLow of a kitchen's crossing, with the schools it cooks for. */
    KitchenStockLow kitchenCrossing(UUID kitchenId, Commodity commodity, BigDecimal after, BigDecimal days,
            StockStatus status) {
        MealConsumptionRepository.KitchenInfo kitchen = repository.kitchen(kitchenId);
        return new KitchenStockLow(DomainEvent.newId(), clock.instant(), kitchenId, kitchen.name(),
                kitchen.districtCode(), kitchen.blockCode(), commodity.name(), after, days, status.name(),
                kitchen.schools());
    }

    /** Norm grams × children, in kg (exact to the gram's thousandth). */
    static BigDecimal kilograms(NormResponse norm, long primary, long upperPrimary) {
        return norm.primaryGrams()
            .multiply(BigDecimal.valueOf(primary))
            .add(norm.upperPrimaryGrams().multiply(BigDecimal.valueOf(upperPrimary)))
            .divide(THOUSAND, 3, RoundingMode.HALF_EVEN);
    }

}
