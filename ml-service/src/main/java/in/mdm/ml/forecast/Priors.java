package in.mdm.ml.forecast;

import java.util.ArrayList;
import java.util.List;

import in.mdm.ml.feature.SchoolCalendar;

/**
 * The effects of exams, festivals and heavy rain as the schools of a run show them
 * together (log scale; {@code log(0.8)} is a fifth fewer children): each school's own
 * regression sees such days too rarely to tell, so it is shrunk towards what many schools
 * saw. Learnt as the median of the schools' own estimates among those with at least
 * {@link #MIN_DAYS} days of the effect in their history; none (0) where fewer than
 * {@link #MIN_SCHOOLS} schools have them.
 *
 * @param exam effect of an exam day
 * @param festival effect of a day next to a festival or a national day
 * @param rain effect of heavy rain
 * @param schools schools the priors were learnt from
 */
public record Priors(double exam, double festival, double rain, int schools) {

    /** No prior knowledge: effects are shrunk towards none. */
    public static final Priors NONE = new Priors(0, 0, 0, 0);

    static final int MIN_DAYS = 3;

    static final int MIN_SCHOOLS = 30;

    /** How much more a learnt prior weighs than the default shrinkage towards none. */
    static final double STRENGTH = 3;

    double of(int column) {
        return switch (column) {
            case CalendarRegression.EXAM -> exam;
            case CalendarRegression.FESTIVAL -> festival;
            case CalendarRegression.RAIN -> rain;
            default -> 0;
        };
    }

    /** Priors learnt from these schools' histories (a sample of a state is enough). */
    public static Priors learn(List<DemandSeries> sample, SchoolCalendar calendar) {
        List<Double> exams = new ArrayList<>();
        List<Double> festivals = new ArrayList<>();
        List<Double> rains = new ArrayList<>();
        for (DemandSeries series : sample) {
            CalendarTerms terms = CalendarTerms.of(series, calendar);
            int n = series.size();
            int[] days = new int[3];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(series.demand()[i])) {
                    days[0] += terms.exam[i] > 0 ? 1 : 0;
                    days[1] += terms.festival[i] > 0 ? 1 : 0;
                    days[2] += terms.rain[i] >= 0.5 ? 1 : 0;
                }
            }
            if (days[0] < MIN_DAYS && days[1] < MIN_DAYS && days[2] < MIN_DAYS) {
                continue;
            }
            CalendarRegression regression = CalendarRegression.fit(series.demand(), terms, n, NONE, 0.01);
            if (regression == null) {
                continue;
            }
            if (days[0] >= MIN_DAYS) {
                exams.add(regression.beta[CalendarRegression.EXAM]);
            }
            if (days[1] >= MIN_DAYS) {
                festivals.add(regression.beta[CalendarRegression.FESTIVAL]);
            }
            if (days[2] >= MIN_DAYS) {
                rains.add(regression.beta[CalendarRegression.RAIN]);
            }
        }
        return new Priors(median(exams), median(festivals), median(rains),
                Math.max(exams.size(), Math.max(festivals.size(), rains.size())));
    }

    private static double median(List<Double> values) {
        if (values.size() < MIN_SCHOOLS) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

}
