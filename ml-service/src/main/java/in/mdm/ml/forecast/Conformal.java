package in.mdm.ml.forecast;

import java.util.Arrays;

/**
 * Split conformal prediction on backtest residuals (actual less forecast, log scale): the
 * lower end of a {@code coverage} interval is the residuals' {@code (1 - coverage) / 2}
 * quantile, the upper end their {@code (1 + coverage) / 2} quantile, each with the
 * finite-sample rank {@code ceil((n + 1) q)} that gives the coverage when the new day's
 * error is exchangeable with the backtest's. With too few residuals for that rank, the
 * normal approximation of their spread (at least {@link #MIN_SPREAD}) stands in.
 */
final class Conformal {

    /** Spread assumed when the residuals are too few to say (log scale, about 8 %). */
    static final double MIN_SPREAD = 0.08;

    private final double[] sorted;

    private final double mean;

    private final double spread;

    Conformal(double[] residuals) {
        this.sorted = residuals.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double r : sorted) {
            sum += r;
        }
        this.mean = sorted.length == 0 ? 0 : sum / sorted.length;
        double squares = 0;
        for (double r : sorted) {
            squares += (r - mean) * (r - mean);
        }
        this.spread = sorted.length < 2 ? MIN_SPREAD
                : Math.max(MIN_SPREAD, Math.sqrt(squares / (sorted.length - 1)) * Math.sqrt(1 + 1.0 / sorted.length));
    }

    double lower(double coverage) {
        double q = (1 - coverage) / 2;
        int n = sorted.length;
        int rank = (int) Math.floor((n + 1) * q);
        if (rank < 1) {
            return mean - z(q) * spread;
        }
        return sorted[rank - 1];
    }

    double upper(double coverage) {
        double q = (1 + coverage) / 2;
        int n = sorted.length;
        int rank = (int) Math.ceil((n + 1) * q);
        if (rank > n) {
            return mean + z(1 - q) * spread;
        }
        return sorted[rank - 1];
    }

    /** The standard normal quantile's magnitude for a tail of {@code tail}. */
    private static double z(double tail) {
        return new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(1 - tail);
    }

}
