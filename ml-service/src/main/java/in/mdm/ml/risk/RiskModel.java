package in.mdm.ml.risk;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import in.mdm.ml.feature.Feature;

/**
 * A trained shortage-risk model as it serves: gradient-boosted trees, the isotonic
 * calibration fitted after them, and TreeSHAP contributions for the explanations. Its
 * artifact is the booster and the calibration in one byte array, checked by SHA-256.
 */
public final class RiskModel {

    private static final int MAGIC = 0x4d444d52;

    private final Booster booster;

    private final Calibration calibration;

    private final int horizon;

    /**
     * Above this many rows, explanations come from the path attribution walked in Java: a
     * school asked for on its own gets the library's exact TreeSHAP, a poll of a day's
     * reports (hundreds of schools, every poll of the morning) the linear walk, about an
     * order of magnitude cheaper.
     */
    public static final int EXACT_ROWS = 50;

    private volatile PathAttribution paths;

    RiskModel(Booster booster, Calibration calibration, int horizon) {
        this.booster = booster;
        this.calibration = calibration;
        this.horizon = horizon;
    }

    public int horizon() {
        return horizon;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** Scores of rows: calibrated probabilities, and contributions when asked. */
    public record Scored(double[] probability, float[][] contributions) {
    }

    /** The uncalibrated probabilities of a row-major matrix. */
    public float[] raw(float[] matrix, int rows) {
        try {
            DMatrix m = new DMatrix(matrix, rows, Feature.COUNT, Float.NaN);
            try {
                float[][] p = booster.predict(m);
                float[] out = new float[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = p[i][0];
                }
                return out;
            }
            finally {
                m.dispose();
            }
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("XGBoost could not predict", ex);
        }
    }

    /**
     * Calibrated probabilities, and when {@code explain} each feature's contribution to
     * the log-odds: TreeSHAP from the library for up to {@link #EXACT_ROWS} rows, the
     * path attribution ({@link PathAttribution}) for more.
     */
    public Scored score(float[] matrix, int rows, boolean explain) {
        if (explain && rows > EXACT_ROWS) {
            return paths().score(matrix, rows, calibration);
        }
        try {
            DMatrix m = new DMatrix(matrix, rows, Feature.COUNT, Float.NaN);
            try {
                float[][] p = booster.predict(m);
                double[] probability = new double[rows];
                for (int i = 0; i < rows; i++) {
                    probability[i] = calibration.apply(p[i][0]);
                }
                float[][] contributions = explain ? booster.predictContrib(m, 0) : null;
                return new Scored(probability, contributions);
            }
            finally {
                m.dispose();
            }
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("XGBoost could not predict", ex);
        }
    }

    PathAttribution paths() {
        PathAttribution p = paths;
        if (p == null) {
            p = PathAttribution.of(booster);
            paths = p;
        }
        return p;
    }

    /** The margins (log-odds) the library gives. */
    float[] margins(float[] matrix, int rows) {
        try {
            DMatrix m = new DMatrix(matrix, rows, Feature.COUNT, Float.NaN);
            try {
                float[][] p = booster.predict(m, true);
                float[] out = new float[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = p[i][0];
                }
                return out;
            }
            finally {
                m.dispose();
            }
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("XGBoost could not predict", ex);
        }
    }

    /**
     * The factors that raise a row's risk most, largest first, at most {@code top}: each
     * a feature with a positive TreeSHAP contribution, its value in words.
     */
    public static List<Factor> factors(float[] contributions, float[] matrix, int row, int top) {
        List<Factor> factors = new ArrayList<>(top);
        boolean[] taken = new boolean[Feature.COUNT];
        for (int k = 0; k < top; k++) {
            int best = -1;
            for (int f = 0; f < Feature.COUNT; f++) {
                if (!taken[f] && contributions[f] > 0 && (best < 0 || contributions[f] > contributions[best])) {
                    best = f;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            Feature feature = Feature.values()[best];
            double value = matrix[row * Feature.COUNT + best];
            factors.add(new Factor(feature.key(), Math.round(value * 1000) / 1000.0, feature.describe(value),
                    Math.round(contributions[best] * 1000) / 1000.0));
        }
        return factors;
    }

    /** Gain per feature, by feature key (features never split on are left out). */
    public java.util.Map<String, Double> importance() {
        try {
            java.util.Map<String, Double> gain = booster.getScore(Feature.keys(), "gain");
            return new java.util.TreeMap<>(gain);
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("XGBoost could not tell the importance", ex);
        }
    }

    public byte[] toBytes() {
        try {
            byte[] model = booster.toByteArray("ubj");
            byte[] calibrationBytes = calibration.toBytes();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + calibrationBytes.length + 32);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(horizon);
            out.writeInt(Feature.COUNT);
            out.writeInt(model.length);
            out.write(model);
            out.writeInt(calibrationBytes.length);
            out.write(calibrationBytes);
            out.flush();
            return bytes.toByteArray();
        }
        catch (XGBoostError | IOException ex) {
            throw new IllegalStateException("cannot write the model", ex);
        }
    }

    public static RiskModel fromBytes(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(artifact))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a risk model artifact");
            }
            int horizon = in.readInt();
            int features = in.readInt();
            if (features != Feature.COUNT) {
                throw new IllegalArgumentException(
                        "the artifact has " + features + " features, this code " + Feature.COUNT);
            }
            byte[] model = in.readNBytes(in.readInt());
            byte[] calibration = in.readNBytes(in.readInt());
            return new RiskModel(XGBoost.loadModel(model), Calibration.fromBytes(calibration), horizon);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (XGBoostError ex) {
            throw new IllegalArgumentException("XGBoost cannot read the artifact", ex);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
