package in.mdm.ml.risk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A binary classifier's quality on labelled rows: at an operating threshold accuracy,
 * precision, recall, F1 and the confusion matrix; over all thresholds ROC-AUC and PR-AUC
 * (average precision); and the Brier score and log loss of the probabilities.
 */
public record Metrics(long rows, long positives, double threshold, double accuracy, double precision, double recall,
        double f1, double rocAuc, double prAuc, double brier, double logLoss, long truePositives, long falsePositives,
        long trueNegatives, long falseNegatives) {

    public static Metrics of(double[] p, boolean[] labels, double threshold) {
        int n = p.length;
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        double brier = 0;
        double logLoss = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            boolean y = labels[i];
            boolean predicted = p[i] >= threshold;
            positives += y ? 1 : 0;
            if (predicted && y) {
                tp++;
            }
            else if (predicted) {
                fp++;
            }
            else if (y) {
                fn++;
            }
            else {
                tn++;
            }
            double e = p[i] - (y ? 1 : 0);
            brier += e * e;
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            logLoss -= y ? Math.log(q) : Math.log(1 - q);
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Metrics(n, positives, threshold, n == 0 ? 0 : (tp + tn) / (double) n, precision, recall, f1,
                rocAuc(p, labels), prAuc(p, labels), n == 0 ? 0 : brier / n, n == 0 ? 0 : logLoss / n, tp, fp, tn, fn);
    }

    /** The probability that a positive row outranks a negative one (ties count half). */
    static double rocAuc(double[] p, boolean[] labels) {
        Integer[] order = order(p);
        long positives = 0;
        long negatives = 0;
        double rankSum = 0;
        int n = p.length;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    positives++;
                    rankSum += rank;
                }
                else {
                    negatives++;
                }
            }
            i = j + 1;
        }
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: precision at each positive, highest scores first. */
    static double prAuc(double[] p, boolean[] labels) {
        Integer[] order = order(p);
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        if (positives == 0) {
            return 0;
        }
        double sum = 0;
        long tp = 0;
        int n = p.length;
        int i = n - 1;
        long seen = 0;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && p[order[j - 1]] == p[order[i]]) {
                j--;
            }
            long groupPositives = 0;
            for (int k = j; k <= i; k++) {
                groupPositives += labels[order[k]] ? 1 : 0;
            }
            seen += i - j + 1;
            tp += groupPositives;
            sum += groupPositives * (tp / (double) seen);
            i = j - 1;
        }
        return sum / positives;
    }

    private static Integer[] order(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        return order;
    }

    /** As the registry keeps them: names to numbers. */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "rows", (double) rows);
        m.put(prefix + "positives", (double) positives);
        m.put(prefix + "threshold", threshold);
        m.put(prefix + "accuracy", accuracy);
        m.put(prefix + "precision", precision);
        m.put(prefix + "recall", recall);
        m.put(prefix + "f1", f1);
        m.put(prefix + "rocAuc", rocAuc);
        m.put(prefix + "prAuc", prAuc);
        m.put(prefix + "brier", brier);
        m.put(prefix + "logLoss", logLoss);
        m.put(prefix + "truePositives", (double) truePositives);
        m.put(prefix + "falsePositives", (double) falsePositives);
        m.put(prefix + "trueNegatives", (double) trueNegatives);
        m.put(prefix + "falseNegatives", (double) falseNegatives);
        return m;
    }

}
