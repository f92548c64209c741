package in.mdm.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import in.mdm.simulator.Model.Kitchen;
import in.mdm.simulator.Model.School;
import in.mdm.simulator.Model.Supplier;

/**
 * Day-by-day history of every kitchen and its schools: attendance, meals, stock by the
 * norms, deliveries with random and supplier-wide delays, and days without a meal drawn
 * from a latent risk whose probability is written out beside them ({@code truth.csv}).
 *
 * <p>
 * The risk of a school-day, as log-odds: the school's lasting level, the kitchen's, a
 * slowly wandering part of the school's own (AR(1), φ = 0.85), heavy rain in the
 * district, Mondays, low stock cover, an overdue delivery and a district's cooking-cost
 * funds running late. A kitchen whose stock cannot cover the day's meals serves none: its
 * schools' probability is 1 that day.
 * <p>
 * Stock runs out the way it does in the field: a kitchen orders every
 * {@link #DELIVERY_CYCLE} school days up to its habitual cover (most order up to 13-16
 * days, leaving a few days in hand when the next delivery is due; one in fourteen
 * under-orders, up to 10.3-11.5 days, and lives on a day or so of margin), and a supplier
 * delivers late by habit (about one in eight is habitually late) or for days on end when
 * disrupted (a vehicle, a warehouse, a tender); a delivery that misses its day mostly
 * comes days later, on the vehicle's next round, and during the day, too late for that
 * day's meal. When a kitchen's cover falls under a day or two and its delivery is late,
 * it cooks what it has, a thinner meal, down to nothing (school-service's stock-out), and
 * then runs out: its schools go without a meal until the delivery arrives.
 * <p>
 * Stock also drops at once, as it does in real kitchens: a count finds grain spoiled by
 * damp or pests, a store pilfered, a quantity lent to a neighbouring kitchen or written
 * off by an inspection ({@link #WRITE_OFF_RATE}). The kitchen is then left with a few
 * days, a day, or nothing, and waits for its next delivery (grain comes on the supplier's
 * round, not on demand); school-service tells it as a stock adjustment, and so as a fresh
 * crossing into low (or out) at a few days or less.
 */
final class History {

    static final int DELIVERY_CYCLE = 10;

    /** The usual kitchen orders up to this many days of its expected need... */
    static final double ORDER_UP_TO_DAYS = 13;

    /** ...plus up to this many more. */
    static final double ORDER_UP_TO_SPREAD = 3;

    /** Share of kitchens that habitually under-order. */
    static final double UNDER_ORDERING = 0.07;

    /** What an under-ordering kitchen orders up to: this many days, plus up to 1.2. */
    static final double UNDER_ORDER_UP_TO_DAYS = 10.3;

    /** Share of suppliers habitually late. */
    static final double HABITUALLY_LATE = 0.12;

    static final double EXPECTED_ATTENDANCE = 0.88;

    /**
     * Chance, per kitchen and school day, that stock is found spoiled, pilfered or sent
     * elsewhere after the day's meal: half to all of what is left of one commodity (grain
     * six times in ten, pulses a quarter, oil the rest) is written off.
     */
    static final double WRITE_OFF_RATE = 0.004;

    /**
     * Why no meal was served, in school-service's words (fuel, water and the rest are
     * OTHER).
     */
    enum Reason {

        NO_STOCK, NO_FUNDS, NO_COOK, OTHER

    }

    /** States whose schools cook wheat rather than rice. */
    private static final java.util.Set<Integer> WHEAT_STATES = java.util.Set.of(2, 3, 4, 5, 6, 7, 8, 9, 23);

    /** The grain a state's kitchens cook: RICE, or WHEAT in the wheat-eating north. */
    static String grain(Geography.State state) {
        return WHEAT_STATES.contains(state.code()) ? "WHEAT" : "RICE";
    }

    static String commodity(Norms norm, Geography.State state) {
        return norm == Norms.GRAIN ? grain(state) : norm.name();
    }

    record Summary(int days, LocalDate first, LocalDate last, long reports, long mealsServed, long incidents,
            long stockOutReports, long deliveries, long delayedDeliveries, long inTransit, double meanRisk,
            long writeOffs) {
    }

    private static final class Delivery {

        final Kitchen kitchen;

        final Norms commodity;

        final long quantityKg;

        final int scheduled;

        final int delivered;

        Delivery(Kitchen kitchen, Norms commodity, long quantityKg, int scheduled, int delivered) {
            this.kitchen = kitchen;
            this.commodity = commodity;
            this.quantityKg = quantityKg;
            this.scheduled = scheduled;
            this.delivered = delivered;
        }

    }

    private static final class KitchenState {

        final Kitchen kitchen;

        final SplittableRandom random;

        /** Its own stream, so that write-offs leave the other draws as they were. */
        final SplittableRandom writeOffs;

        final int phase;

        final long[] stock = new long[3];

        final long[] expected = new long[3];

        final double[] wander;

        /** Days of expected need the kitchen orders up to, by habit. */
        final double orderUpTo;

        final List<Delivery> pending = new ArrayList<>();

        /**
         * The injected failure its coming stock-outs are owed to (-1: none), and when.
         */
        int injected = -1;

        int injectedFrom;

        int injectedUntil;

        /** Its own stream for the day a held delivery comes after an injected outage. */
        SplittableRandom hold;

        KitchenState(Kitchen kitchen, long seed) {
            this.kitchen = kitchen;
            this.random = Rng.of(seed, "kitchen", kitchen.code());
            this.writeOffs = Rng.of(seed, "write-off", kitchen.code());
            this.phase = random.nextInt(DELIVERY_CYCLE);
            this.orderUpTo = random.nextDouble() < UNDER_ORDERING ? UNDER_ORDER_UP_TO_DAYS + 1.2 * random.nextDouble()
                    : ORDER_UP_TO_DAYS + ORDER_UP_TO_SPREAD * random.nextDouble();
            // enough to last until the first delivery of its cycle and a few days beyond
            int firstDelivery = (DELIVERY_CYCLE - phase) % DELIVERY_CYCLE;
            double cover = firstDelivery + 4 + 5 * random.nextDouble();
            for (Norms norm : Norms.values()) {
                expected[norm.ordinal()] = Math.round(
                        norm.need(kitchen.enrollmentPrimary(), kitchen.enrollmentUpperPrimary()) * EXPECTED_ATTENDANCE);
                stock[norm.ordinal()] = Math
                    .round(expected[norm.ordinal()] * cover * (0.9 + 0.2 * random.nextDouble()));
            }
            this.wander = new double[kitchen.schools().size()];
            for (int i = 0; i < wander.length; i++) {
                wander[i] = 0.66 * random.nextGaussian();
            }
        }

    }

    private final Model model;

    private final SchoolCalendar calendar;

    private final long seed;

    private final Options.Failures failures;

    History(Model model, SchoolCalendar calendar, long seed) {
        this(model, calendar, seed, Options.Failures.NONE);
    }

    History(Model model, SchoolCalendar calendar, long seed, Options.Failures failures) {
        this.model = model;
        this.calendar = calendar;
        this.seed = seed;
        this.failures = failures;
    }

    /**
     * A failure injected into the history ({@code --fail-suppliers},
     * {@code --fail-kitchens}): a supplier that delivers nothing from {@code start} until
     * {@code end} (school-day indexes; what falls due meanwhile comes at the end, or the
     * day after), or a kitchen that loses all its stock after the meal of {@code start}
     * (its store burnt, flooded or seized; {@code end} is {@code start}).
     */
    record Injected(int index, String kind, String code, int start, int end) {

        String id() {
            return "F" + (index + 1);
        }
    }

    /**
     * The injected failures, drawn from their own stream: distinct suppliers and
     * kitchens, each starting on a day in the last two thirds of the history that leaves
     * room for its effect to show.
     */
    List<Injected> plan(int dayCount) {
        List<Injected> plan = new ArrayList<>();
        if (!failures.any() || dayCount < 3) {
            return plan;
        }
        SplittableRandom random = Rng.of(seed, "injected-failures");
        int lo = Math.max(1, dayCount / 3);
        List<Supplier> suppliers = new ArrayList<>(model.suppliers);
        for (int i = 0; i < Math.min(failures.suppliers(), suppliers.size()); i++) {
            Supplier supplier = suppliers.remove(random.nextInt(suppliers.size()));
            int hi = Math.max(lo, dayCount - failures.days() - 5);
            int start = lo + random.nextInt(hi - lo + 1);
            plan.add(new Injected(plan.size(), "SUPPLIER", supplier.code(), start,
                    Math.min(dayCount, start + failures.days())));
        }
        List<Kitchen> kitchens = new ArrayList<>(model.kitchens);
        for (int i = 0; i < Math.min(failures.kitchens(), kitchens.size()); i++) {
            Kitchen kitchen = kitchens.remove(random.nextInt(kitchens.size()));
            int hi = Math.max(lo, dayCount - 6);
            int start = lo + random.nextInt(hi - lo + 1);
            plan.add(new Injected(plan.size(), "KITCHEN", kitchen.code(), start, start));
        }
        return plan;
    }

    /**
     * Stable across runs and seeds, so that posting the same history twice is recognised
     * as a repeat.
     */
    static UUID reportId(String udiseCode, LocalDate date) {
        return UUID.nameUUIDFromBytes(
                ("mdm-simulator:daily-report:" + udiseCode + ":" + date).getBytes(StandardCharsets.UTF_8));
    }

    static UUID deliveryId(String kitchenCode, LocalDate date, String commodity) {
        return UUID.nameUUIDFromBytes(("mdm-simulator:delivery:" + kitchenCode + ":" + date + ":" + commodity)
            .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The day's rainfall in a district: a wet day (the one that keeps children at home)
     * is heavy rain, 64.5 mm or more as the India Meteorological Department counts it
     * (log-normal, median 85 mm); a dry day in the monsoon has a shower or none, outside
     * it mostly none. From its own stream, so that the other draws stay as they were.
     */
    static double rainMm(SplittableRandom random, boolean monsoon, boolean wet) {
        if (wet) {
            return Math.max(HEAVY_RAIN_MM, Rng.logNormal(random, 85, 0.35));
        }
        double u = random.nextDouble();
        if (monsoon ? u < 0.45 : u < 0.85) {
            return 0;
        }
        return Math.min(HEAVY_RAIN_MM - 0.5, Rng.logNormal(random, monsoon ? 8 : 3, 0.8));
    }

    /** Heavy rain, as the India Meteorological Department grades a day's rainfall. */
    static final double HEAVY_RAIN_MM = 64.5;

    Summary write(List<LocalDate> days, Path out) {
        List<KitchenState> kitchens = model.kitchens.stream().map(kitchen -> new KitchenState(kitchen, seed)).toList();
        Map<Supplier, int[]> disruptionEnd = new HashMap<>();
        Map<Supplier, SplittableRandom> supplierRandom = new HashMap<>();
        Map<Supplier, Boolean> habituallyLate = new HashMap<>();
        for (Supplier supplier : model.suppliers) {
            disruptionEnd.put(supplier, new int[] { -1 });
            SplittableRandom random = Rng.of(seed, "supplier", supplier.code());
            supplierRandom.put(supplier, random);
            habituallyLate.put(supplier, random.nextDouble() < HABITUALLY_LATE);
        }
        Map<String, SplittableRandom> districtRandom = new HashMap<>();
        Map<String, SplittableRandom> rainfall = new HashMap<>();
        Map<String, boolean[]> rain = new HashMap<>();
        Map<String, int[]> fundsLateUntil = new HashMap<>();
        for (Geography.District district : model.geography.districts()) {
            districtRandom.put(district.code(), Rng.of(seed, "weather-and-funds", district.code()));
            rainfall.put(district.code(), Rng.of(seed, "rainfall", district.code()));
            rain.put(district.code(), new boolean[1]);
            fundsLateUntil.put(district.code(), new int[] { -1 });
        }

        List<Injected> injected = plan(days.size());
        Map<String, Injected> outages = new HashMap<>();
        Map<String, Injected> losses = new HashMap<>();
        for (Injected failure : injected) {
            (failure.kind().equals("SUPPLIER") ? outages : losses).put(failure.code(), failure);
        }
        Csv failureDays = injected.isEmpty() ? null : new Csv(out.resolve("failure-days.csv"), "failure_id", "kind",
                "source_code", "kitchen_code", "udise_code", "date");
        List<Delivery> deliveries = new ArrayList<>();
        long reports = 0;
        long meals = 0;
        long incidents = 0;
        long stockOutReports = 0;
        long writeOffCount = 0;
        double riskSum = 0;
        try (Csv daily = new Csv(out.resolve("daily-reports.csv"), "udise_code", "date", "attendance_primary",
                "attendance_upper_primary", "meals_served", "no_meal_reason");
                Csv truth = new Csv(out.resolve("truth.csv"), "udise_code", "date", "risk_probability", "incident",
                        "stock_out", "shortage_probability");
                Csv stock = new Csv(out.resolve("stock.csv"), "kitchen_code", "date", "grain_opening_kg",
                        "grain_received_kg", "grain_consumed_kg", "grain_closing_kg", "pulses_opening_kg",
                        "pulses_received_kg", "pulses_consumed_kg", "pulses_closing_kg", "oil_opening_kg",
                        "oil_received_kg", "oil_consumed_kg", "oil_closing_kg", "grain_written_off_kg",
                        "pulses_written_off_kg", "oil_written_off_kg");
                Csv weather = new Csv(out.resolve("weather.csv"), "district_code", "date", "rain_mm", "heavy_rain")) {
            for (int d = 0; d < days.size(); d++) {
                LocalDate date = days.get(d);
                String day = date.toString();
                MonthDay monthDay = MonthDay.from(date);
                boolean northEast = !monthDay.isBefore(MonthDay.of(10, 15));
                boolean southWest = !monthDay.isBefore(MonthDay.of(6, 15)) && monthDay.isBefore(MonthDay.of(10, 1));
                for (Geography.District district : model.geography.districts()) {
                    // Tamil Nadu and Puducherry get their rain from the north-east
                    // monsoon, the rest from the south-west
                    int stateCode = district.state().code();
                    boolean monsoon = stateCode == 33 || stateCode == 34 ? northEast : southWest;
                    SplittableRandom random = districtRandom.get(district.code());
                    boolean[] wet = rain.get(district.code());
                    wet[0] = monsoon && random.nextDouble() < (wet[0] ? 0.5 : 0.12);
                    weather.row(district.code(), day, Csv.one(rainMm(rainfall.get(district.code()), monsoon, wet[0])),
                            wet[0] ? 1 : 0);
                    int[] funds = fundsLateUntil.get(district.code());
                    if (d >= funds[0] && random.nextDouble() < 0.004) {
                        funds[0] = d + random.nextInt(3, 11);
                    }
                }
                for (Supplier supplier : model.suppliers) {
                    int[] end = disruptionEnd.get(supplier);
                    if (d >= end[0] && supplierRandom.get(supplier).nextDouble() < supplier.disruptionRate()) {
                        end[0] = d + supplierRandom.get(supplier).nextInt(2, 8);
                    }
                }
                double weekday = switch (date.getDayOfWeek()) {
                    case MONDAY -> 0.97;
                    case FRIDAY -> 0.98;
                    case SATURDAY -> 0.92;
                    default -> 1.0;
                };
                double season = switch (date.getMonth()) {
                    case JUNE -> 0.93;
                    case JULY -> 0.96;
                    case AUGUST, SEPTEMBER, FEBRUARY -> 0.97;
                    case OCTOBER, DECEMBER, MARCH -> 0.95;
                    case NOVEMBER -> 0.94;
                    case JANUARY -> 0.96;
                    case APRIL -> 0.90;
                    default -> 0.95;
                };
                double calendarFactor = weekday * season * (calendar.isExamDay(date) ? 1.04 : 1.0)
                        * (calendar.isNextToFestival(date) ? 0.88 : 1.0);
                boolean monday = date.getDayOfWeek() == DayOfWeek.MONDAY;

                for (KitchenState state : kitchens) {
                    Kitchen kitchen = state.kitchen;
                    SplittableRandom random = state.random;
                    boolean wet = rain.get(kitchen.district().code())[0];
                    boolean fundsLate = d < fundsLateUntil.get(kitchen.district().code())[0];
                    long[] opening = state.stock.clone();
                    long[] received = new long[3];
                    // a late delivery comes during the day: too late for that day's meal
                    long[] receivedLate = new long[3];
                    boolean overdue = false;
                    for (var it = state.pending.iterator(); it.hasNext();) {
                        Delivery delivery = it.next();
                        if (delivery.delivered <= d) {
                            received[delivery.commodity.ordinal()] += delivery.quantityKg * Norms.DG_PER_KG;
                            if (delivery.delivered > delivery.scheduled) {
                                receivedLate[delivery.commodity.ordinal()] += delivery.quantityKg * Norms.DG_PER_KG;
                            }
                            it.remove();
                        }
                        else if (delivery.scheduled < d) {
                            overdue = true;
                        }
                    }
                    if ((d + state.phase) % DELIVERY_CYCLE == 0) {
                        int disruption = disruptionEnd.get(kitchen.supplier())[0];
                        double u = random.nextDouble();
                        // a delivery that misses its day mostly comes on the vehicle's
                        // next
                        // round, days later
                        int delay = habituallyLate.get(kitchen.supplier())
                                ? (u < 0.50 ? 0 : u < 0.56 ? 1 : u < 0.82 ? random.nextInt(2, 4) : random.nextInt(4, 7))
                                : (u < 0.84 ? 0
                                        : u < 0.87 ? 1 : u < 0.95 ? random.nextInt(2, 4) : random.nextInt(4, 7));
                        if (wet && random.nextDouble() < 0.5) {
                            delay += 1;
                        }
                        int arrives = d + delay;
                        if (disruption > d) {
                            arrives = Math.max(arrives, disruption + random.nextInt(0, 2));
                        }
                        Injected outage = outages.get(kitchen.supplier().code());
                        if (outage != null && d >= outage.start() && d < outage.end()) {
                            if (state.hold == null) {
                                state.hold = Rng.of(seed, "injected-hold", kitchen.code());
                            }
                            int until = outage.end() + state.hold.nextInt(0, 2);
                            if (arrives < until) {
                                arrives = until;
                                if (state.injected != outage.index()) {
                                    state.injected = outage.index();
                                    state.injectedFrom = d;
                                }
                                state.injectedUntil = until;
                            }
                        }
                        for (Norms norm : Norms.values()) {
                            int c = norm.ordinal();
                            long inTransit = state.pending.stream()
                                .filter(p -> p.commodity == norm)
                                .mapToLong(p -> p.quantityKg * Norms.DG_PER_KG)
                                .sum();
                            long want = Math.round(state.expected[c] * state.orderUpTo) - opening[c] - received[c]
                                    - inTransit;
                            long kg = (want + Norms.DG_PER_KG - 1) / Norms.DG_PER_KG;
                            if (kg < 1) {
                                continue;
                            }
                            Delivery delivery = new Delivery(kitchen, norm, kg, d, arrives);
                            deliveries.add(delivery);
                            if (arrives <= d) {
                                received[c] += kg * Norms.DG_PER_KG;
                            }
                            else {
                                state.pending.add(delivery);
                            }
                        }
                    }
                    long[] available = new long[3];
                    double cover = Double.MAX_VALUE;
                    for (int c = 0; c < 3; c++) {
                        available[c] = opening[c] + received[c];
                        cover = Math.min(cover,
                                state.expected[c] == 0 ? Double.MAX_VALUE : (double) available[c] / state.expected[c]);
                    }

                    List<School> schools = kitchen.schools();
                    int n = schools.size();
                    int[] primary = new int[n];
                    int[] upper = new int[n];
                    long[] need = new long[3];
                    for (int i = 0; i < n; i++) {
                        School school = schools.get(i);
                        double rate = school.attendanceRate() * calendarFactor * (wet ? 0.8 : 1.0)
                                * (1 + 0.03 * random.nextGaussian());
                        rate = Math.max(0, Math.min(0.99, rate));
                        primary[i] = Rng.binomial(random, school.enrollmentPrimary(), rate);
                        upper[i] = Rng.binomial(random, school.enrollmentUpperPrimary(), rate);
                        for (Norms norm : Norms.values()) {
                            need[norm.ordinal()] += norm.need(primary[i], upper[i]);
                        }
                    }
                    // a kitchen short of a commodity cooks what it has, a thinner meal,
                    // down to nothing; with nothing left of one (a delivery that comes
                    // during the day is too late) it cooks no meal
                    boolean stockOut = false;
                    long[] usable = new long[3];
                    for (int c = 0; c < 3; c++) {
                        usable[c] = available[c] - receivedLate[c];
                        stockOut |= usable[c] <= 0 && need[c] > 0;
                    }
                    long[] consumed = new long[3];
                    boolean owed = stockOut && state.injected >= 0 && d >= state.injectedFrom
                            && d <= state.injectedUntil;
                    for (int i = 0; i < n; i++) {
                        School school = schools.get(i);
                        state.wander[i] = 0.85 * state.wander[i] + 0.35 * random.nextGaussian();
                        double logit = school.baseRisk() + kitchen.risk() + state.wander[i] + (wet ? 0.7 : 0)
                                + (monday ? 0.15 : 0) + (cover < 2 ? 1.2 : cover < 4 ? 0.4 : 0) + (overdue ? 0.6 : 0)
                                + (fundsLate ? 1.4 : 0);
                        double p = stockOut ? 1.0 : Rng.sigmoid(logit);
                        double draw = random.nextDouble();
                        boolean incident = stockOut || draw < p;
                        Reason reason = null;
                        if (stockOut) {
                            reason = Reason.NO_STOCK;
                        }
                        else if (incident) {
                            // cook absent 35%, fuel or water short 35%, cooking-cost
                            // funds 15% (60% while late)
                            double r = random.nextDouble();
                            reason = fundsLate && r < 0.6 ? Reason.NO_FUNDS
                                    : r < 0.35 ? Reason.NO_COOK : r < 0.85 ? Reason.OTHER : Reason.NO_FUNDS;
                        }
                        int served = incident ? 0 : primary[i] + upper[i];
                        if (!incident) {
                            for (Norms norm : Norms.values()) {
                                consumed[norm.ordinal()] += norm.need(primary[i], upper[i]);
                            }
                        }
                        daily.row(school.udiseCode(), day, primary[i], upper[i], served,
                                reason == null ? "" : reason.name());
                        // a day without a meal for want of stock, funds or a cook:
                        // NO_STOCK
                        // always, else NO_COOK or NO_FUNDS as drawn above (half the
                        // incidents, 0.6 + 0.15 while the district's funds are late)
                        double shortage = stockOut ? 1.0 : p * (fundsLate ? 0.75 : 0.5);
                        truth.row(school.udiseCode(), day, Csv.six(p), incident ? 1 : 0, stockOut ? 1 : 0,
                                Csv.six(shortage));
                        if (owed) {
                            Injected failure = injected.get(state.injected);
                            failureDays.row(failure.id(), failure.kind(), failure.code(), kitchen.code(),
                                    school.udiseCode(), day);
                        }
                        reports++;
                        meals += served;
                        incidents += incident ? 1 : 0;
                        stockOutReports += stockOut ? 1 : 0;
                        riskSum += p;
                    }
                    for (int c = 0; c < 3; c++) {
                        consumed[c] = Math.min(consumed[c], Math.max(0, usable[c]));
                    }
                    long[] writtenOff = new long[3];
                    if (state.writeOffs.nextDouble() < WRITE_OFF_RATE) {
                        double u = state.writeOffs.nextDouble();
                        int c = u < 0.6 ? 0 : u < 0.85 ? 1 : 2;
                        double share = 0.5 + 0.5 * state.writeOffs.nextDouble();
                        // in whole kilograms, as a count or an inspection writes it
                        long left = (available[c] - consumed[c]) / Norms.DG_PER_KG;
                        writtenOff[c] = Math.min(left, Math.round(left * share + 0.5)) * Norms.DG_PER_KG;
                        writeOffCount++;
                    }
                    Injected loss = losses.get(kitchen.code());
                    if (loss != null && loss.start() == d) {
                        // the store is lost after the day's meal: nothing left of
                        // anything
                        for (int c = 0; c < 3; c++) {
                            writtenOff[c] = available[c] - consumed[c];
                        }
                        state.injected = loss.index();
                        state.injectedFrom = d + 1;
                        state.injectedUntil = Integer.MAX_VALUE;
                    }
                    else if (state.injected >= 0 && d >= state.injectedFrom && (d >= state.injectedUntil
                            || !stockOut && injected.get(state.injected).kind().equals("KITCHEN"))) {
                        // served again (a lost store), or the held delivery came
                        state.injected = -1;
                    }
                    Object[] row = new Object[17];
                    row[0] = kitchen.code();
                    row[1] = day;
                    for (int c = 0; c < 3; c++) {
                        state.stock[c] = available[c] - consumed[c] - writtenOff[c];
                        row[14 + c] = Norms.kg(writtenOff[c]);
                        row[2 + 4 * c] = Norms.kg(opening[c]);
                        row[3 + 4 * c] = Norms.kg(received[c]);
                        row[4 + 4 * c] = Norms.kg(consumed[c]);
                        row[5 + 4 * c] = Norms.kg(state.stock[c]);
                    }
                    stock.row(row);
                }
            }
        }

        if (failureDays != null) {
            failureDays.close();
            try (Csv csv = new Csv(out.resolve("failures.csv"), "failure_id", "kind", "source_code", "start_date",
                    "end_date")) {
                for (Injected failure : injected) {
                    csv.row(failure.id(), failure.kind(), failure.code(), days.get(failure.start()),
                            days.get(Math.min(days.size() - 1, failure.end())));
                }
            }
        }
        long delayed = 0;
        long inTransit = 0;
        try (Csv csv = new Csv(out.resolve("deliveries.csv"), "delivery_id", "kitchen_code", "hub_udise_code",
                "supplier_code", "commodity", "quantity_kg", "expected_date", "delivered_date", "days_late",
                "status")) {
            for (Delivery delivery : deliveries) {
                LocalDate expected = days.get(delivery.scheduled);
                boolean arrived = delivery.delivered < days.size();
                int late = delivery.delivered - delivery.scheduled;
                delayed += late > 0 ? 1 : 0;
                inTransit += arrived ? 0 : 1;
                String commodity = commodity(delivery.commodity, delivery.kitchen.district().state());
                csv.row(deliveryId(delivery.kitchen.code(), expected, commodity), delivery.kitchen.code(),
                        delivery.kitchen.hub().udiseCode(), delivery.kitchen.supplier().code(), commodity,
                        delivery.quantityKg, expected, arrived ? days.get(delivery.delivered) : "", arrived ? late : "",
                        arrived ? "DELIVERED" : "IN_TRANSIT");
            }
        }
        return new Summary(days.size(), days.getFirst(), days.getLast(), reports, meals, incidents, stockOutReports,
                deliveries.size(), delayed, inTransit, reports == 0 ? 0 : riskSum / reports, writeOffCount);
    }

}
