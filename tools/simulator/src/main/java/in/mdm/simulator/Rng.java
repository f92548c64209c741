package in.mdm.simulator;

import java.util.SplittableRandom;

/**
 * Seeded random streams. Each part of the state (a district's schools, a kitchen's days,
 * a supplier) draws from a stream of its own, derived from the seed and the part's name,
 * so that the output is the same for the same seed whatever else changes in the order of
 * work.
 */
final class Rng {

    private Rng() {
    }

    static SplittableRandom of(long seed, String... names) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                h = mix(h + name.charAt(i));
            }
            h = mix(h ^ 0xD6E8FEB86659FD93L);
        }
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Log-normal with the given median and log-scale spread. */
    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /**
     * A binomial draw: exact for small n, the normal approximation (rounded and clamped)
     * above 60.
     */
    static int binomial(SplittableRandom random, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n <= 60) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        long k = Math.round(mean + sd * random.nextGaussian());
        return (int) Math.max(0, Math.min(n, k));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

}
