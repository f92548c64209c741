package in.mdm.ml.feature;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Computes a school's feature vector as of a day from what the feature store knows (the
 * same code for the service and for the offline evaluation on simulator files), using
 * only what was known by the end of that day.
 */
public final class Features {

    /** Stock reported more than this far back, or none, counts as this many days. */
    public static final double STOCK_DAYS_CAP = 14;

    /** "Days since" features stop here. */
    public static final int DAYS_CAP = 60;

    public static final int FUND_DAYS_CAP = 400;

    /** A stock report older than this (calendar days) is no longer believed. */
    static final int STOCK_REPORT_DAYS = 20;

    private Features() {
    }

    /**
     * What a day's features share for every school: the calendar around it. Make one per
     * day and horizon and reuse it.
     */
    public static final class AsOf {

        final LocalDate date;

        final int epochDay;

        /** School days in (day - k, day], for k = 0..{@link MealHistory#DAYS}. */
        final int[] schoolDaysBack = new int[MealHistory.DAYS + 1];

        final int mondaysAhead;

        final int examDaysAhead;

        final int festivalDaysAhead;

        final LocalDate next;

        public AsOf(LocalDate date, SchoolCalendar calendar, int horizon) {
            this.date = date;
            this.epochDay = (int) date.toEpochDay();
            int n = 0;
            for (int k = 1; k <= MealHistory.DAYS; k++) {
                n += calendar.isSchoolDay(date.minusDays(k - 1)) ? 1 : 0;
                schoolDaysBack[k] = n;
            }
            List<LocalDate> ahead = calendar.schoolDaysAfter(date, horizon);
            this.mondaysAhead = (int) ahead.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY).count();
            this.examDaysAhead = (int) ahead.stream().filter(calendar::isExamDay).count();
            this.festivalDaysAhead = (int) ahead.stream().filter(calendar::isNextToFestival).count();
            this.next = ahead.isEmpty() ? date.plusDays(1) : ahead.getFirst();
        }

        public LocalDate date() {
            return date;
        }

        /** School days after {@code epochDay} up to this day. */
        int schoolDaysSince(int day) {
            int k = epochDay - day;
            if (k <= 0) {
                return 0;
            }
            return k > MealHistory.DAYS ? DAYS_CAP : schoolDaysBack[k];
        }

        boolean monsoon(int stateCode) {
            MonthDay day = MonthDay.from(next);
            if (stateCode == 33 || stateCode == 34) {
                return !day.isBefore(MonthDay.of(10, 15));
            }
            return !day.isBefore(MonthDay.of(6, 15)) && day.isBefore(MonthDay.of(10, 1));
        }

    }

    /**
     * Which of a site's stock reports (one per commodity, and the school's own beside its
     * kitchen's) tells the stock that runs out first as of a day: among those of the last
     * {@value #STOCK_REPORT_DAYS} days, the one whose days of stock end earliest (a
     * report's day plus its days of stock, six school days to a week). -1 when none is
     * recent.
     */
    public static int firstToRunOut(double[] daysOfStock, int[] observedDay, int asOfDay) {
        int best = -1;
        double bestEnd = Double.MAX_VALUE;
        for (int i = 0; i < daysOfStock.length; i++) {
            int day = observedDay[i];
            if (day == SchoolInputs.NONE || day > asOfDay || asOfDay - day > STOCK_REPORT_DAYS
                    || Double.isNaN(daysOfStock[i])) {
                continue;
            }
            double end = day + daysOfStock[i] * 7 / 6;
            if (end < bestEnd) {
                best = i;
                bestEnd = end;
            }
        }
        return best;
    }

    /** The feature vector of one school as of a day. */
    public static float[] compute(SchoolInputs in, AsOf asOf) {
        float[] f = new float[Feature.COUNT];
        compute(in, asOf, f, 0);
        return f;
    }

    /** Writes the features into {@code out} from {@code offset}. */
    public static void compute(SchoolInputs in, AsOf asOf, float[] out, int offset) {
        int t = asOf.epochDay;
        MealHistory meals = in.meals();
        double enrollment = Math.max(1, in.enrollment());

        int reported30 = 0;
        long present30 = 0;
        int reported7 = 0;
        long present7 = 0;
        int noMeal30 = 0;
        int shortage30 = 0;
        int noFunds30 = 0;
        int noMeal90 = 0;
        int shortage90 = 0;
        int noCook90 = 0;
        int lastPresent = -1;
        int noMealLast5 = 0;
        int seen = 0;
        for (int k = 0; k < 90; k++) {
            int day = t - k;
            int present = meals.attendance(day);
            if (present < 0) {
                continue;
            }
            byte reason = meals.reason(day);
            boolean none = reason != MealHistory.SERVED;
            boolean shortage = MealHistory.isShortage(reason);
            if (lastPresent < 0) {
                lastPresent = present;
            }
            if (seen < 5 && none) {
                noMealLast5++;
            }
            seen++;
            noMeal90 += none ? 1 : 0;
            shortage90 += shortage ? 1 : 0;
            noCook90 += reason == MealHistory.NO_COOK ? 1 : 0;
            if (k < 30) {
                reported30++;
                present30 += present;
                noMeal30 += none ? 1 : 0;
                shortage30 += shortage ? 1 : 0;
                noFunds30 += reason == MealHistory.NO_FUNDS ? 1 : 0;
            }
            if (k < 7) {
                reported7++;
                present7 += present;
            }
        }
        double mean30 = reported30 == 0 ? 0 : present30 / (double) reported30;
        double mean7 = reported7 == 0 ? mean30 : present7 / (double) reported7;

        double stockLeft = STOCK_DAYS_CAP;
        if (!Double.isNaN(in.stockDays()) && in.stockObservedDay() != SchoolInputs.NONE
                && t - in.stockObservedDay() <= STOCK_REPORT_DAYS && in.stockObservedDay() <= t) {
            stockLeft = Math.max(0,
                    Math.min(STOCK_DAYS_CAP, in.stockDays() - asOf.schoolDaysSince(in.stockObservedDay())));
        }
        int sinceLow = in.lastStockLowDay() == SchoolInputs.NONE || in.lastStockLowDay() > t ? DAYS_CAP
                : Math.min(DAYS_CAP, asOf.schoolDaysSince(in.lastStockLowDay()));

        int delays30 = 0;
        long late30 = 0;
        int lastDelay = SchoolInputs.NONE;
        int[] delayDays = in.delayDays();
        for (int i = 0; delayDays != null && i < delayDays.length; i++) {
            int day = delayDays[i];
            if (day > t || t - day >= 30) {
                continue;
            }
            delays30++;
            late30 += in.delayLate()[i];
            lastDelay = Math.max(lastDelay, day);
        }
        int sinceDelay = lastDelay == SchoolInputs.NONE ? DAYS_CAP
                : Math.min(DAYS_CAP, asOf.schoolDaysSince(lastDelay));

        int schoolDays30 = asOf.schoolDaysBack[30];
        float[] f = out;
        int o = offset;
        f[o + Feature.ATTENDANCE_RATE_30D.ordinal()] = (float) (mean30 / enrollment);
        f[o + Feature.ATTENDANCE_TREND_7D.ordinal()] = (float) (mean30 == 0 ? 1 : mean7 / mean30);
        f[o + Feature.ATTENDANCE_LAST_DAY.ordinal()] = (float) (mean30 == 0 || lastPresent < 0 ? 1
                : lastPresent / mean30);
        f[o + Feature.ENROLLMENT.ordinal()] = in.enrollment();
        f[o + Feature.ENROLLMENT_CHANGE.ordinal()] = in.previousEnrollment() == SchoolInputs.NONE
                || in.previousEnrollment() <= 0 ? 0
                        : (float) ((in.enrollment() - in.previousEnrollment()) / (double) in.previousEnrollment());
        f[o + Feature.STOCK_DAYS_LEFT.ordinal()] = (float) stockLeft;
        f[o + Feature.DAYS_SINCE_STOCK_LOW.ordinal()] = sinceLow;
        f[o + Feature.NO_MEAL_DAYS_30D.ordinal()] = noMeal30;
        f[o + Feature.SHORTAGE_DAYS_30D.ordinal()] = shortage30;
        f[o + Feature.NO_MEAL_DAYS_90D.ordinal()] = noMeal90;
        f[o + Feature.SHORTAGE_DAYS_90D.ordinal()] = shortage90;
        f[o + Feature.NO_COOK_DAYS_90D.ordinal()] = noCook90;
        f[o + Feature.NO_FUNDS_DAYS_30D.ordinal()] = noFunds30;
        f[o + Feature.NO_MEAL_LAST_5D.ordinal()] = noMealLast5;
        f[o + Feature.DELIVERY_DELAYS_30D.ordinal()] = delays30;
        f[o + Feature.DELIVERY_DAYS_LATE_30D.ordinal()] = delays30 == 0 ? 0 : (float) late30 / delays30;
        f[o + Feature.DAYS_SINCE_DELIVERY_DELAY.ordinal()] = sinceDelay;
        f[o + Feature.SUPPLIER_DELAYS_10D.ordinal()] = in.supplierDelays10d();
        f[o + Feature.DAYS_SINCE_FUND_RELEASE.ordinal()] = in.lastFundReleaseDay() == SchoolInputs.NONE
                || in.lastFundReleaseDay() > t ? FUND_DAYS_CAP : Math.min(FUND_DAYS_CAP, t - in.lastFundReleaseDay());
        f[o + Feature.BUDGET_UTILIZED_PERCENT.ordinal()] = Double.isNaN(in.utilizedPercent()) ? 0
                : (float) in.utilizedPercent();
        f[o + Feature.DISTRICT_NO_FUNDS_SHARE_5D.ordinal()] = (float) in.districtNoFundsShare5d();
        f[o + Feature.REPORTING_REGULARITY_30D.ordinal()] = schoolDays30 == 0 ? 1
                : Math.min(1, (float) reported30 / schoolDays30);
        f[o + Feature.KITCHEN_SCHOOLS.ordinal()] = in.kitchenSchools();
        f[o + Feature.RURAL.ordinal()] = in.rural() ? 1 : 0;
        f[o + Feature.MONTH.ordinal()] = asOf.next.getMonthValue();
        f[o + Feature.MONSOON.ordinal()] = asOf.monsoon(in.stateCode()) ? 1 : 0;
        f[o + Feature.MONDAYS_AHEAD.ordinal()] = asOf.mondaysAhead;
        f[o + Feature.EXAM_DAYS_AHEAD.ordinal()] = asOf.examDaysAhead;
        f[o + Feature.FESTIVAL_DAYS_AHEAD.ordinal()] = asOf.festivalDaysAhead;
        f[o + Feature.INSPECTION_OVERDUE_DAYS.ordinal()] = in.inspectionDueDay() == SchoolInputs.NONE
                || in.inspectionDueDay() > t ? 0 : Math.min(365, t - in.inspectionDueDay());
    }

    /**
     * The label of a school-day: a day without a meal for want of stock, funds or a cook
     * among the school's next {@code horizon} reported days after {@code epochDay};
     * {@code null} when fewer than {@code horizon} such days are reported yet.
     */
    public static Boolean shortageAhead(MealHistory meals, int epochDay, int horizon) {
        int found = 0;
        for (int day = epochDay + 1; day <= meals.lastDay() && found < horizon; day++) {
            if (meals.reported(day)) {
                found++;
                if (MealHistory.isShortage(meals.reason(day))) {
                    return true;
                }
            }
        }
        return found < horizon ? null : false;
    }

}
