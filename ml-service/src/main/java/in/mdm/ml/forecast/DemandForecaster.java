package in.mdm.ml.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import in.mdm.ml.feature.SchoolCalendar;

/**
 * The demand forecast of one school: an ensemble of seasonal naive (the same weekday last
 * week), weekly exponential smoothing and the calendar regression, weighted by the
 * inverse square of each one's mean absolute error in rolling-origin backtests on the
 * school's own history, with intervals by split conformal prediction on the ensemble's
 * backtest residuals (log scale, so that an interval is relative to the school's size,
 * and one-sided quantiles at each end, so that rain may pull the lower end further than
 * the upper).
 * <p>
 * Backtests: {@value #ORIGINS} origins {@value #STEP} school days apart, the newest
 * {@value #HORIZON} school days before the end; at each, every method is fitted on the
 * days before it and forecasts the next {@value #HORIZON}. The smoothing constants are
 * fitted once at the oldest origin (and again on the whole history for the forecast
 * itself); the regression is refitted at every origin.
 */
public final class DemandForecaster {

    public static final String METHOD = "ensemble(seasonal-naive, weekly-smoothing, calendar-regression)"
            + " + split-conformal";

    /** The name of the version in events and the registry. */
    public static final String VERSION = "demand-ensemble-1";

    public static final int HORIZON = 7;

    static final int ORIGINS = 8;

    static final int STEP = 7;

    static final String NAIVE = "seasonal-naive";

    static final String SMOOTHING = "weekly-smoothing";

    static final String REGRESSION = "calendar-regression";

    private static final String[] METHODS = { NAIVE, SMOOTHING, REGRESSION };

    /** Fewest observed days the forecast needs. */
    public static final int MIN_DAYS = CalendarRegression.MIN_DAYS;

    private final SchoolCalendar calendar;

    public DemandForecaster(SchoolCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The school's forecast for its days ahead; empty when it has fewer than
     * {@link #MIN_DAYS} days with a demand.
     */
    public Optional<DemandForecast> forecast(DemandSeries series) {
        return forecast(series, Priors.NONE);
    }

    /**
     * The school's forecast, its calendar and rain effects shrunk towards {@code priors}
     * (learnt from many schools by {@link Priors#learn}).
     */
    public Optional<DemandForecast> forecast(DemandSeries series, Priors priors) {
        double strength = priors.schools() > 0 ? Priors.STRENGTH : 1;
        if (series.observed() < MIN_DAYS || series.ahead().length == 0) {
            return Optional.empty();
        }
        CalendarTerms terms = CalendarTerms.of(series, calendar);
        double[] demand = series.demand();
        int n = series.size();

        // rolling-origin backtests
        List<double[]> predictions = new ArrayList<>();
        List<Double> actuals = new ArrayList<>();
        double[] absolute = new double[METHODS.length];
        int[] scored = new int[METHODS.length];
        int origins = 0;
        WeeklySmoothing constants = null;
        for (int k = ORIGINS - 1; k >= 0; k--) {
            int end = n - HORIZON - k * STEP;
            if (end < MIN_DAYS) {
                continue;
            }
            CalendarRegression regression = CalendarRegression.fit(demand, terms, end, priors, strength);
            if (regression == null) {
                continue;
            }
            double[] z = WeeklySmoothing.adjusted(demand, terms, regression);
            if (constants == null) {
                constants = WeeklySmoothing.fit(z, terms, end);
            }
            WeeklySmoothing.State state = constants == null ? null : constants.run(z, terms, end);
            origins++;
            for (int i = end; i < end + HORIZON; i++) {
                if (Double.isNaN(demand[i])) {
                    continue;
                }
                double[] p = predict(demand, terms, end, i, regression, state);
                for (int m = 0; m < METHODS.length; m++) {
                    if (!Double.isNaN(p[m])) {
                        absolute[m] += Math.abs(p[m] - demand[i]);
                        scored[m]++;
                    }
                }
                predictions.add(p);
                actuals.add(demand[i]);
            }
        }
        double[] weights = weights(absolute, scored, predictions.size());

        // the ensemble's residuals on the backtests, log scale
        double[] residuals = new double[predictions.size()];
        double ensembleError = 0;
        double naiveError = 0;
        int naiveCount = 0;
        for (int r = 0; r < residuals.length; r++) {
            double e = combine(predictions.get(r), weights);
            residuals[r] = Math.log1p(actuals.get(r)) - Math.log1p(e);
            ensembleError += Math.abs(e - actuals.get(r));
            if (!Double.isNaN(predictions.get(r)[0])) {
                naiveError += Math.abs(predictions.get(r)[0] - actuals.get(r));
                naiveCount++;
            }
        }
        Conformal conformal = new Conformal(residuals);

        // the forecast itself, fitted on the whole history
        CalendarRegression regression = CalendarRegression.fit(demand, terms, n, priors, strength);
        double[] z = WeeklySmoothing.adjusted(demand, terms, regression);
        WeeklySmoothing smoothing = WeeklySmoothing.fit(z, terms, n);
        WeeklySmoothing.State state = smoothing == null ? null : smoothing.run(z, terms, n);
        List<DemandForecast.Day> days = new ArrayList<>(series.ahead().length);
        for (int j = 0; j < series.ahead().length; j++) {
            int i = n + j;
            double[] p = predict(demand, terms, n, i, regression, state);
            double[] w = available(weights, p);
            double value = combine(p, w);
            double log = Math.log1p(value);
            Map<String, Double> methods = new LinkedHashMap<>();
            for (int m = 0; m < METHODS.length; m++) {
                if (!Double.isNaN(p[m])) {
                    methods.put(METHODS[m], round1(p[m]));
                }
            }
            double rainChance = terms.rain[i];
            DemandForecast.Components components = regression == null
                    ? new DemandForecast.Components(round1(value), 1, 1, 1, 1, rainChance, methods)
                    : new DemandForecast.Components(round1(Math.expm1(regression.level(i))),
                            factor(regression.weekdayEffect(terms.weekday[i])),
                            factor(regression.beta[CalendarRegression.EXAM] * terms.exam[i]),
                            factor(regression.beta[CalendarRegression.FESTIVAL] * terms.festival[i]),
                            factor(regression.beta[CalendarRegression.RAIN] * rainChance), rainChance, methods);
            days.add(new DemandForecast.Day(series.ahead()[j], meals(value),
                    meals(Math.expm1(log + conformal.lower(0.8))), meals(Math.expm1(log + conformal.upper(0.8))),
                    meals(Math.expm1(log + conformal.lower(0.95))), meals(Math.expm1(log + conformal.upper(0.95))),
                    components));
        }
        Map<String, Double> weightMap = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int m = 0; m < METHODS.length; m++) {
            weightMap.put(METHODS[m], Math.round(weights[m] * 1000) / 1000.0);
            if (scored[m] > 0) {
                errors.put(METHODS[m], round1(absolute[m] / scored[m]));
            }
        }
        if (residuals.length > 0) {
            errors.put("ensemble", round1(ensembleError / residuals.length));
        }
        double scaled = naiveCount == 0 || naiveError == 0 ? Double.NaN
                : Math.round(ensembleError / residuals.length / (naiveError / naiveCount) * 1000) / 1000.0;
        return Optional.of(new DemandForecast(series.udiseCode(), series.districtCode(), series.blockCode(),
                series.asOf(), METHOD, weightMap,
                new DemandForecast.Backtest(origins, residuals.length, errors, scaled), List.copyOf(days)));
    }

    /**
     * Each method's prediction of day {@code i} from a fit ending at {@code end}; NaN
     * where it has none.
     */
    private static double[] predict(double[] demand, CalendarTerms terms, int end, int i, CalendarRegression regression,
            WeeklySmoothing.State state) {
        double[] p = new double[METHODS.length];
        p[0] = seasonalNaive(demand, terms, end, i);
        p[1] = state == null || regression == null ? Double.NaN : Math.max(0,
                Math.expm1(state.level() + state.season()[terms.weekday[i]] + regression.effects(terms, i)));
        p[2] = regression == null ? Double.NaN : regression.predict(terms, i);
        return p;
    }

    /**
     * The demand of the latest day before {@code end} on the same weekday as day
     * {@code i}, else the latest.
     */
    static double seasonalNaive(double[] demand, CalendarTerms terms, int end, int i) {
        double latest = Double.NaN;
        for (int t = end - 1; t >= 0; t--) {
            if (Double.isNaN(demand[t])) {
                continue;
            }
            if (Double.isNaN(latest)) {
                latest = demand[t];
            }
            if (terms.weekday[t] == terms.weekday[i]) {
                return demand[t];
            }
        }
        return latest;
    }

    /**
     * Inverse mean absolute error, normalised; equal among the methods that ran when
     * nothing was scored.
     */
    private static double[] weights(double[] absolute, int[] scored, int total) {
        double[] w = new double[METHODS.length];
        double sum = 0;
        for (int m = 0; m < METHODS.length; m++) {
            if (total > 0 && scored[m] == total) {
                double mae = Math.max(absolute[m] / scored[m], 1e-3);
                w[m] = 1 / (mae * mae);
            }
            else if (total == 0) {
                w[m] = 1;
            }
            sum += w[m];
        }
        if (sum == 0) {
            w[0] = 1;
            sum = 1;
        }
        for (int m = 0; m < METHODS.length; m++) {
            w[m] /= sum;
        }
        return w;
    }

    /** The weights of the methods that gave a value, normalised again. */
    private static double[] available(double[] weights, double[] p) {
        double[] w = weights.clone();
        double sum = 0;
        for (int m = 0; m < w.length; m++) {
            if (Double.isNaN(p[m])) {
                w[m] = 0;
            }
            sum += w[m];
        }
        if (sum == 0) {
            for (int m = 0; m < w.length; m++) {
                w[m] = Double.isNaN(p[m]) ? 0 : 1;
                sum += w[m];
            }
        }
        for (int m = 0; m < w.length; m++) {
            w[m] = sum == 0 ? 0 : w[m] / sum;
        }
        return w;
    }

    private static double combine(double[] p, double[] weights) {
        double[] w = available(weights, p);
        double value = 0;
        for (int m = 0; m < p.length; m++) {
            if (w[m] > 0) {
                value += w[m] * p[m];
            }
        }
        return value;
    }

    private static int meals(double value) {
        return (int) Math.max(0, Math.round(value));
    }

    private static double factor(double log) {
        return Math.round(Math.exp(log) * 1000) / 1000.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** For tests: the order of the methods in {@link DemandForecast#weights()}. */
    static List<String> methods() {
        return Arrays.asList(METHODS);
    }

}
