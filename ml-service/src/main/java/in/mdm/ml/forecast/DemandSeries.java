package in.mdm.ml.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import in.mdm.ml.feature.MealHistory;
import in.mdm.ml.feature.SchoolCalendar;

/**
 * One school's demand history and the school days to forecast, as the forecast methods
 * read it. Demand is the children present on a day a meal was served. A day whose report
 * says no meal was served is <em>censored</em>: the meals recorded that day (none) say
 * nothing of how many children would have eaten, so it is left out of fitting and of the
 * backtests, like a day without a report, never taken as a demand of zero.
 *
 * @param udiseCode the school
 * @param districtCode its district, for the weather
 * @param blockCode its block
 * @param asOf the last day of the history; the forecast is for the school days after it
 * @param days the school days of the history, oldest first, with or without a report
 * @param demand per day of {@code days}: children present, {@code NaN} without a report
 * or without a meal
 * @param censored per day of {@code days}: a report said no meal was served
 * @param rain per day of {@code days}: heavy rain (1), none (0), or the chance of it;
 * {@code NaN} unknown
 * @param ahead the school days to forecast, nearest first
 * @param rainAhead per day of {@code ahead}, like {@code rain}
 */
public record DemandSeries(String udiseCode, String districtCode, String blockCode, LocalDate asOf, LocalDate[] days,
        double[] demand, boolean[] censored, double[] rain, LocalDate[] ahead, double[] rainAhead) {

    /**
     * Calendar days of history read back from {@code asOf} (what the feature store
     * keeps).
     */
    public static final int WINDOW = MealHistory.DAYS;

    public int size() {
        return days.length;
    }

    /** Days with an observed demand. */
    public int observed() {
        int n = 0;
        for (double d : demand) {
            n += Double.isNaN(d) ? 0 : 1;
        }
        return n;
    }

    /**
     * The series of a school from its meal history, for the {@code horizon} school days
     * after {@code asOf}; reports after {@code asOf} are not read.
     */
    public static DemandSeries of(String udiseCode, String districtCode, String blockCode, MealHistory history,
            LocalDate asOf, int horizon, SchoolCalendar calendar, RainOutlook outlook) {
        List<LocalDate> days = new ArrayList<>(WINDOW);
        for (LocalDate day = asOf.minusDays(WINDOW - 1); !day.isAfter(asOf); day = day.plusDays(1)) {
            int epochDay = (int) day.toEpochDay();
            if (calendar.isSchoolDay(day) || history.reported(epochDay)) {
                days.add(day);
            }
        }
        List<LocalDate> ahead = calendar.schoolDaysAfter(asOf, horizon);
        int n = days.size();
        double[] demand = new double[n];
        boolean[] censored = new boolean[n];
        for (int i = 0; i < n; i++) {
            int epochDay = (int) days.get(i).toEpochDay();
            int present = history.attendance(epochDay);
            if (present < 0) {
                demand[i] = Double.NaN;
            }
            else if (history.reason(epochDay) != MealHistory.SERVED) {
                censored[i] = true;
                demand[i] = Double.NaN;
            }
            else {
                demand[i] = present;
            }
        }
        List<LocalDate> all = new ArrayList<>(days);
        all.addAll(ahead);
        double[] weather = outlook.heavyRain(districtCode, all);
        double[] rain = new double[n];
        double[] rainAhead = new double[ahead.size()];
        System.arraycopy(weather, 0, rain, 0, n);
        System.arraycopy(weather, n, rainAhead, 0, ahead.size());
        return new DemandSeries(udiseCode, districtCode, blockCode, asOf, days.toArray(LocalDate[]::new), demand,
                censored, rain, ahead.toArray(LocalDate[]::new), rainAhead);
    }

}
