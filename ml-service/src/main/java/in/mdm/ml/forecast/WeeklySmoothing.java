package in.mdm.ml.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Exponential smoothing with a weekly season (Holt-Winters, additive, no trend:
 * ETS(A,N,A)) on {@code log(1 + demand)} less the known effects of exams, festivals and
 * rain (taken from the calendar regression fitted at the same origin), so that one rainy
 * day does not drag the level down. The season is the weekday, not the position in a
 * 6-day cycle, since holidays break the cycle. Days without a demand are skipped. The
 * smoothing constants minimise the one-step-ahead squared error, found by Nelder-Mead
 * (Commons Math) within 0.01-0.7 for the level and 0.01-0.5 for the season.
 */
final class WeeklySmoothing {

    /** Observations used to start the level and the season; no error is counted there. */
    static final int WARM_UP = 12;

    final double alpha;

    final double gamma;

    private WeeklySmoothing(double alpha, double gamma) {
        this.alpha = alpha;
        this.gamma = gamma;
    }

    /** State after running over the days before an end. */
    record State(double level, double[] season) {
    }

    /**
     * Constants fitted on the days before {@code end}; {@code null} with fewer than
     * {@link #WARM_UP} + 6 observed days.
     */
    static WeeklySmoothing fit(double[] z, CalendarTerms terms, int end) {
        int observed = 0;
        for (int i = 0; i < end; i++) {
            observed += Double.isNaN(z[i]) ? 0 : 1;
        }
        if (observed < WARM_UP + 6) {
            return null;
        }
        double[] best = { Double.MAX_VALUE, -1.0, -1.5 };
        MultivariateFunction sse = p -> {
            double value = error(z, terms, end, bound(p[0], 0.01, 0.7), bound(p[1], 0.01, 0.5));
            if (value < best[0]) {
                best[0] = value;
                best[1] = p[0];
                best[2] = p[1];
            }
            return value;
        };
        try {
            new SimplexOptimizer(1e-6, 1e-8).optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(sse),
                    GoalType.MINIMIZE, new InitialGuess(new double[] { -1.0, -1.5 }), new NelderMeadSimplex(2, 1.0));
        }
        catch (TooManyEvaluationsException ex) {
            // the best point seen is kept: a flat error surface is not worth more
            // evaluations
        }
        return new WeeklySmoothing(bound(best[1], 0.01, 0.7), bound(best[2], 0.01, 0.5));
    }

    /** Evaluations of the one-step error the search may spend. */
    static final int MAX_EVALUATIONS = 120;

    /** A logistic map of the whole line into {@code [low, high]}. */
    static double bound(double x, double low, double high) {
        return low + (high - low) / (1 + Math.exp(-x));
    }

    /**
     * Adjusted series: {@code log(1 + demand)} less the regression's known effects of
     * each day.
     */
    static double[] adjusted(double[] demand, CalendarTerms terms, CalendarRegression regression) {
        double[] z = new double[demand.length];
        for (int i = 0; i < demand.length; i++) {
            z[i] = Double.isNaN(demand[i]) ? Double.NaN
                    : Math.log1p(demand[i]) - (regression == null ? 0 : regression.effects(terms, i));
        }
        return z;
    }

    private static double error(double[] z, CalendarTerms terms, int end, double alpha, double gamma) {
        double[] sum = { 0 };
        int[] count = { 0 };
        run(z, terms, end, alpha, gamma, (i, e) -> {
            sum[0] += e * e;
            count[0]++;
        });
        return count[0] == 0 ? 0 : sum[0] / count[0];
    }

    interface ErrorSink {

        void error(int index, double error);

    }

    State run(double[] z, CalendarTerms terms, int end) {
        return run(z, terms, end, alpha, gamma, (i, e) -> {
        });
    }

    private static State run(double[] z, CalendarTerms terms, int end, double alpha, double gamma, ErrorSink sink) {
        // start: the mean of the first observations, and each weekday's mean offset
        double level = 0;
        int seen = 0;
        double[] seasonSum = new double[CalendarTerms.WEEKDAYS];
        int[] seasonCount = new int[CalendarTerms.WEEKDAYS];
        int start = 0;
        for (; start < end && seen < WARM_UP; start++) {
            if (!Double.isNaN(z[start])) {
                level += z[start];
                seasonSum[terms.weekday[start]] += z[start];
                seasonCount[terms.weekday[start]]++;
                seen++;
            }
        }
        level = seen == 0 ? 0 : level / seen;
        double[] season = new double[CalendarTerms.WEEKDAYS];
        for (int d = 0; d < season.length; d++) {
            season[d] = seasonCount[d] == 0 ? 0 : seasonSum[d] / seasonCount[d] - level;
        }
        for (int i = start; i < end; i++) {
            if (Double.isNaN(z[i])) {
                continue;
            }
            int d = terms.weekday[i];
            double e = z[i] - (level + season[d]);
            sink.error(i, e);
            level += alpha * e;
            season[d] += gamma * (1 - alpha) * e;
        }
        return new State(level, season);
    }

}
