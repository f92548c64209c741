package in.mdm.ml.risk;

import in.mdm.ml.feature.Feature;

/**
 * The baseline the trees must beat: logistic regression on the standardized features,
 * fitted by full-batch gradient descent with a little L2.
 */
public final class LogisticBaseline {

    private final double[] mean = new double[Feature.COUNT];

    private final double[] scale = new double[Feature.COUNT];

    private final double[] w = new double[Feature.COUNT + 1];

    public static LogisticBaseline fit(float[] x, boolean[] y, int iterations) {
        LogisticBaseline model = new LogisticBaseline();
        int n = y.length;
        int d = Feature.COUNT;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                model.mean[f] += x[i * d + f];
            }
        }
        for (int f = 0; f < d; f++) {
            model.mean[f] /= Math.max(1, n);
        }
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                double e = x[i * d + f] - model.mean[f];
                model.scale[f] += e * e;
            }
        }
        for (int f = 0; f < d; f++) {
            double sd = Math.sqrt(model.scale[f] / Math.max(1, n));
            model.scale[f] = sd < 1e-9 ? 1 : sd;
        }
        double rate = 0.5;
        double l2 = 1e-4;
        double[] gradient = new double[d + 1];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                double z = model.w[d];
                for (int f = 0; f < d; f++) {
                    z += model.w[f] * (x[i * d + f] - model.mean[f]) / model.scale[f];
                }
                double e = 1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0);
                for (int f = 0; f < d; f++) {
                    gradient[f] += e * (x[i * d + f] - model.mean[f]) / model.scale[f];
                }
                gradient[d] += e;
            }
            for (int f = 0; f <= d; f++) {
                model.w[f] -= rate * (gradient[f] / n + (f < d ? l2 * model.w[f] : 0));
            }
        }
        return model;
    }

    public double[] predict(float[] x, int rows) {
        int d = Feature.COUNT;
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            double z = w[d];
            for (int f = 0; f < d; f++) {
                z += w[f] * (x[i * d + f] - mean[f]) / scale[f];
            }
            p[i] = 1 / (1 + Math.exp(-z));
        }
        return p;
    }

}
