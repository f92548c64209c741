package in.mdm.ml.risk;

import java.util.Arrays;

import in.mdm.ml.feature.Feature;

/**
 * Labelled feature rows, each with the day its features are as of: what training,
 * calibration and evaluation read. Rows are appended; the matrix is row-major.
 */
public final class Dataset {

    private float[] x;

    private boolean[] y;

    private int[] day;

    private int rows;

    public Dataset(int capacity) {
        int c = Math.max(16, capacity);
        x = new float[c * Feature.COUNT];
        y = new boolean[c];
        day = new int[c];
    }

    public void add(float[] features, int offset, boolean label, int epochDay) {
        if (rows == y.length) {
            int c = rows * 2;
            x = Arrays.copyOf(x, c * Feature.COUNT);
            y = Arrays.copyOf(y, c);
            day = Arrays.copyOf(day, c);
        }
        System.arraycopy(features, offset, x, rows * Feature.COUNT, Feature.COUNT);
        y[rows] = label;
        day[rows] = epochDay;
        rows++;
    }

    public void add(float[] features, boolean label, int epochDay) {
        add(features, 0, label, epochDay);
    }

    /** Sets a row's label once it is known (the days after its own). */
    public void setLabel(int row, boolean label) {
        y[row] = label;
    }

    public int rows() {
        return rows;
    }

    public boolean label(int row) {
        return y[row];
    }

    public int day(int row) {
        return day[row];
    }

    /** The rows chosen, as a new matrix (row-major). */
    public float[] matrix(int[] chosen) {
        float[] m = new float[chosen.length * Feature.COUNT];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(x, chosen[i] * Feature.COUNT, m, i * Feature.COUNT, Feature.COUNT);
        }
        return m;
    }

    public boolean[] labels(int[] chosen) {
        boolean[] labels = new boolean[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            labels[i] = y[chosen[i]];
        }
        return labels;
    }

    /** Every row's feature values, for a row index. */
    public float feature(int row, int feature) {
        return x[row * Feature.COUNT + feature];
    }

}
