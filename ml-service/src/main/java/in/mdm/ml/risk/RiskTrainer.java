package in.mdm.ml.risk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import in.mdm.ml.feature.Feature;

/**
 * Trains the shortage-risk model on a dataset split by time: gradient-boosted trees on
 * the training window, isotonic calibration on the later calibration window, and every
 * metric on the held-back window; beside them a random forest and a logistic regression
 * on the same windows, for comparison.
 */
public final class RiskTrainer {

    /** The probability at and above which a row counts as predicted positive. */
    public static final double OPERATING_POINT = 0.5;

    /**
     * What training gave.
     *
     * @param model the calibrated boosted trees
     * @param split the windows
     * @param test the model's metrics on the held-back window
     * @param forest the random forest's, calibrated the same way (null when not trained)
     * @param baseline the logistic regression's
     * @param criticalRecall share of held-back positives scored at or above the critical
     * level
     * @param importance gain per feature
     */
    public record Result(RiskModel model, TimeSplit split, Metrics test, Metrics forest, Metrics baseline,
            double criticalRecall, Map<String, Double> importance) {

        /** Everything the registry keeps, as numbers. */
        public Map<String, Double> metrics() {
            Map<String, Double> m = new LinkedHashMap<>(test.asMap(""));
            m.put("criticalRecall", criticalRecall);
            m.put("trainRows", (double) split.train().length);
            m.put("calibrationRows", (double) split.calibration().length);
            if (forest != null) {
                m.putAll(forest.asMap("randomForest."));
            }
            m.putAll(baseline.asMap("logisticRegression."));
            importance.forEach((k, v) -> m.put("importance." + k, v));
            return m;
        }

    }

    private RiskTrainer() {
    }

    public static Result train(Dataset data, TrainingOptions options, RiskLevels levels) {
        TimeSplit split = TimeSplit.of(data, 0.6, 0.2, options.horizon());
        return train(data, split, options, levels);
    }

    public static Result train(Dataset data, TimeSplit split, TrainingOptions options, RiskLevels levels) {
        float[] trainX = data.matrix(split.train());
        boolean[] trainY = data.labels(split.train());
        float[] calibrationX = data.matrix(split.calibration());
        boolean[] calibrationY = data.labels(split.calibration());
        float[] testX = data.matrix(split.test());
        boolean[] testY = data.labels(split.test());

        Booster booster = boost(trainX, trainY, options);
        RiskModel uncalibrated = new RiskModel(booster, Calibration.identity(), options.horizon());
        Calibration calibration = Calibration.isotonic(uncalibrated.raw(calibrationX, calibrationY.length),
                calibrationY);
        RiskModel model = new RiskModel(booster, calibration, options.horizon());
        double[] p = model.score(testX, testY.length, false).probability();
        Metrics test = Metrics.of(p, testY, OPERATING_POINT);
        Metrics critical = Metrics.of(p, testY, levels.critical() / 100);

        Metrics forest = null;
        if (options.forestTrees() > 0) {
            RandomForest rf = RandomForest.train(trainX, trainY, options);
            Calibration rfCalibration = Calibration.isotonic(rf.predict(calibrationX, calibrationY.length),
                    calibrationY);
            float[] rfRaw = rf.predict(testX, testY.length);
            double[] rfP = new double[rfRaw.length];
            for (int i = 0; i < rfRaw.length; i++) {
                rfP[i] = rfCalibration.apply(rfRaw[i]);
            }
            forest = Metrics.of(rfP, testY, OPERATING_POINT);
        }
        LogisticBaseline lr = LogisticBaseline.fit(trainX, trainY, 200);
        double[] lrCal = lr.predict(calibrationX, calibrationY.length);
        float[] lrCalF = new float[lrCal.length];
        for (int i = 0; i < lrCal.length; i++) {
            lrCalF[i] = (float) lrCal[i];
        }
        Calibration lrCalibration = Calibration.isotonic(lrCalF, calibrationY);
        double[] lrP = lr.predict(testX, testY.length);
        for (int i = 0; i < lrP.length; i++) {
            lrP[i] = lrCalibration.apply(lrP[i]);
        }
        Metrics baseline = Metrics.of(lrP, testY, OPERATING_POINT);
        return new Result(model, split, test, forest, baseline, critical.recall(), model.importance());
    }

    static Booster boost(float[] x, boolean[] y, TrainingOptions options) {
        try {
            DMatrix train = new DMatrix(x, y.length, Feature.COUNT, Float.NaN);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i] ? 1 : 0;
            }
            train.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("eta", options.eta());
            params.put("max_depth", options.depth());
            // the labels are rare and noisy: a leaf needs the weight of about a thousand
            // rows
            params.put("min_child_weight", 20);
            params.put("subsample", 0.8);
            params.put("colsample_bytree", 0.8);
            params.put("lambda", 2.0);
            params.put("tree_method", "hist");
            params.put("nthread", options.threads());
            params.put("seed", options.seed());
            params.put("verbosity", 0);
            try {
                return XGBoost.train(train, params, options.rounds(), new HashMap<>(), null, null);
            }
            finally {
                train.dispose();
            }
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("XGBoost could not train", ex);
        }
    }

}
