package in.mdm.ml.risk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Isotonic calibration: a non-decreasing step function from a model's raw probability to
 * the observed frequency of the label, fitted by pool-adjacent-violators on a window
 * later than the training window; between the fitted points it interpolates linearly.
 */
public final class Calibration {

    private final double[] x;

    private final double[] y;

    private Calibration(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** The identity: raw probabilities as they are. */
    public static Calibration identity() {
        return new Calibration(new double[] { 0, 1 }, new double[] { 0, 1 });
    }

    /** Fits the calibration of raw scores to 0/1 labels. */
    public static Calibration isotonic(float[] raw, boolean[] labels) {
        int n = raw.length;
        if (n == 0) {
            return identity();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(raw[a], raw[b]));
        // blocks of pooled points: mean of the label, weight, and the score range
        double[] mean = new double[n];
        double[] weight = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            mean[blocks] = labels[i] ? 1 : 0;
            weight[blocks] = 1;
            lo[blocks] = raw[i];
            hi[blocks] = raw[i];
            blocks++;
            while (blocks > 1 && (mean[blocks - 2] >= mean[blocks - 1] || hi[blocks - 2] == lo[blocks - 1])) {
                double w = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / w;
                weight[blocks - 2] = w;
                hi[blocks - 2] = hi[blocks - 1];
                blocks--;
            }
        }
        double[] xs = new double[blocks * 2];
        double[] ys = new double[blocks * 2];
        int m = 0;
        for (int b = 0; b < blocks; b++) {
            xs[m] = lo[b];
            ys[m++] = mean[b];
            if (hi[b] > lo[b]) {
                xs[m] = hi[b];
                ys[m++] = mean[b];
            }
        }
        return new Calibration(Arrays.copyOf(xs, m), Arrays.copyOf(ys, m));
    }

    /** The calibrated probability of a raw one. */
    public double apply(double raw) {
        if (raw <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (raw >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, raw);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double share = (raw - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + share * (y[hi] - y[lo]);
    }

    public int points() {
        return x.length;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(4 + x.length * 16);
        buffer.putInt(x.length);
        for (int i = 0; i < x.length; i++) {
            buffer.putDouble(x[i]).putDouble(y[i]);
        }
        return buffer.array();
    }

    public static Calibration fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int n = buffer.getInt();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = buffer.getDouble();
            y[i] = buffer.getDouble();
        }
        return new Calibration(x, y);
    }

}
