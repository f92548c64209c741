package in.mdm.ml.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A Prophet-style regression, multiplicative: {@code log(1 + demand)} = level + trend +
 * weekday + exam + festival + heavy rain, fitted by weighted least squares (recent days
 * count more, half weight every {@link #HALF_LIFE} school days) with a ridge penalty on
 * everything but the level, so that an effect seen on few days of the window (an exam, a
 * festival, rain) is shrunk towards none rather than guessed from one day. Solved by QR
 * (Commons Math) on the weighted rows stacked over the penalty rows.
 */
final class CalendarRegression {

    static final double HALF_LIFE = 30;

    static final int LEVEL = 0;

    /** Tuesday .. Saturday against Monday: columns 1..5. */
    static final int EXAM = 6;

    static final int FESTIVAL = 7;

    static final int RAIN = 8;

    static final int TREND = 9;

    static final int COLUMNS = 10;

    /** Ridge penalties in observations' worth, per column. */
    private static final double[] PENALTY = { 0, 1, 1, 1, 1, 1, 3, 3, 2, 40 };

    /** Scale of the trend column: its coefficient is the change in 30 school days. */
    private static final double TREND_SCALE = 30;

    /** Fitted coefficients, log scale. */
    final double[] beta;

    /** Index the trend is measured from (the fit's end). */
    private final int origin;

    private CalendarRegression(double[] beta, int origin) {
        this.beta = beta;
        this.origin = origin;
    }

    /**
     * Fits on the observed days before {@code end}; {@code null} with fewer than
     * {@link #MIN_DAYS} of them.
     */
    static CalendarRegression fit(double[] demand, CalendarTerms terms, int end) {
        return fit(demand, terms, end, Priors.NONE, 1);
    }

    /**
     * Fits with the effects of exams, festivals and rain shrunk towards {@code priors}
     * (towards none with {@link Priors#NONE}); {@code strength} multiplies their
     * penalties.
     */
    static CalendarRegression fit(double[] demand, CalendarTerms terms, int end, Priors priors, double strength) {
        int rows = 0;
        for (int i = 0; i < end; i++) {
            rows += Double.isNaN(demand[i]) ? 0 : 1;
        }
        if (rows < MIN_DAYS) {
            return null;
        }
        double[][] x = new double[rows + COLUMNS - 1][COLUMNS];
        double[] y = new double[rows + COLUMNS - 1];
        int r = 0;
        double weightSum = 0;
        for (int i = 0; i < end; i++) {
            if (Double.isNaN(demand[i])) {
                continue;
            }
            double w = Math.sqrt(Math.pow(0.5, (end - 1 - i) / HALF_LIFE));
            weightSum += w * w;
            row(terms, i, end, x[r]);
            for (int c = 0; c < COLUMNS; c++) {
                x[r][c] *= w;
            }
            y[r] = w * Math.log1p(demand[i]);
            r++;
        }
        // penalties scale with the weight the fit carries, so that they mean the same in
        // a long history and a short one
        double scale = weightSum / rows;
        for (int c = 1; c < COLUMNS; c++) {
            double penalty = PENALTY[c] * scale * (c == EXAM || c == FESTIVAL || c == RAIN ? strength : 1);
            x[r][c] = Math.sqrt(penalty);
            y[r] = Math.sqrt(penalty) * priors.of(c);
            r++;
        }
        try {
            RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                .solve(new ArrayRealVector(y, false));
            return new CalendarRegression(solution.toArray(), end);
        }
        catch (SingularMatrixException ex) {
            return null;
        }
    }

    /** Fewest observed days to fit on. */
    static final int MIN_DAYS = 8;

    static void row(CalendarTerms terms, int i, int origin, double[] into) {
        java.util.Arrays.fill(into, 0);
        into[LEVEL] = 1;
        int weekday = terms.weekday[i];
        if (weekday > 0) {
            into[weekday] = 1;
        }
        into[EXAM] = terms.exam[i];
        into[FESTIVAL] = terms.festival[i];
        into[RAIN] = terms.rain[i];
        into[TREND] = (i - origin) / TREND_SCALE;
    }

    /** The log-scale prediction of day {@code i} (history or ahead). */
    double log(CalendarTerms terms, int i) {
        double[] row = new double[COLUMNS];
        row(terms, i, origin, row);
        double sum = 0;
        for (int c = 0; c < COLUMNS; c++) {
            sum += row[c] * beta[c];
        }
        return sum;
    }

    /** Demand predicted for day {@code i}. */
    double predict(CalendarTerms terms, int i) {
        return Math.max(0, Math.expm1(log(terms, i)));
    }

    /** The known effects of a day (exam, festival, rain), log scale. */
    double effects(CalendarTerms terms, int i) {
        return beta[EXAM] * terms.exam[i] + beta[FESTIVAL] * terms.festival[i] + beta[RAIN] * terms.rain[i];
    }

    double weekdayEffect(int weekday) {
        return weekday == 0 ? 0 : beta[weekday];
    }

    /** The level with the trend at day {@code i}, log scale. */
    double level(int i) {
        return beta[LEVEL] + beta[TREND] * (i - origin) / TREND_SCALE;
    }

}
