package in.mdm.ml.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;

import in.mdm.ml.feature.SchoolCalendar;

/**
 * The regressors of a day that every method shares: the weekday (Monday to Saturday),
 * exam days and days next to a festival (from the school calendar, as data), and heavy
 * rain (from the weather).
 */
final class CalendarTerms {

    /** Monday .. Saturday. */
    static final int WEEKDAYS = 6;

    final int[] weekday;

    final double[] exam;

    final double[] festival;

    final double[] rain;

    private CalendarTerms(int n) {
        weekday = new int[n];
        exam = new double[n];
        festival = new double[n];
        rain = new double[n];
    }

    /**
     * Terms of the history's days followed by the days ahead (index {@code size()} is the
     * first day ahead).
     */
    static CalendarTerms of(DemandSeries series, SchoolCalendar calendar) {
        int n = series.size();
        int m = series.ahead().length;
        CalendarTerms terms = new CalendarTerms(n + m);
        for (int i = 0; i < n + m; i++) {
            LocalDate day = i < n ? series.days()[i] : series.ahead()[i - n];
            DayOfWeek dow = day.getDayOfWeek();
            terms.weekday[i] = dow == DayOfWeek.SUNDAY ? 0 : dow.getValue() - 1;
            terms.exam[i] = calendar.isExamDay(day) ? 1 : 0;
            terms.festival[i] = calendar.isNextToFestival(day) ? 1 : 0;
            double r = i < n ? series.rain()[i] : series.rainAhead()[i - n];
            terms.rain[i] = Double.isNaN(r) ? 0 : Math.max(0, Math.min(1, r));
        }
        return terms;
    }

}
