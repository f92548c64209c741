package in.mdm.ml.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import in.mdm.ml.feature.Feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Training as plain Java: the time-ordered split, calibration, metrics, promotion rules,
 * explanations and the artifact.
 */
class ModelTrainingTests {

    /**
     * A synthetic twin: risk rises as stock falls below 4 days and with late deliveries;
     * the rest is noise. 60 days of 400 schools.
     */
    static Dataset synthetic(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset data = new Dataset(24_000);
        float[] f = new float[Feature.COUNT];
        for (int day = 0; day < 60; day++) {
            for (int school = 0; school < 400; school++) {
                Arrays.fill(f, 0);
                for (int i = 0; i < Feature.COUNT; i++) {
                    f[i] = (float) random.nextDouble();
                }
                float stock = (float) (random.nextDouble() * 14);
                float late = random.nextInt(5);
                f[Feature.STOCK_DAYS_LEFT.ordinal()] = stock;
                f[Feature.DELIVERY_DAYS_LATE_30D.ordinal()] = late;
                double logit = -4 + (stock < 2 ? 4 : stock < 4 ? 2 : 0) + 0.5 * late;
                boolean label = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                data.add(f, label, 20_000 + day);
            }
        }
        return data;
    }

    @Test
    void theSplitIsByTimeWithTheLabelHorizonLeftOutBetweenWindows() {
        Dataset data = synthetic(1);
        TimeSplit split = TimeSplit.of(data, 0.6, 0.2, 3);

        int maxTrain = Arrays.stream(split.train()).map(data::day).max().orElseThrow();
        int minCalibration = Arrays.stream(split.calibration()).map(data::day).min().orElseThrow();
        int maxCalibration = Arrays.stream(split.calibration()).map(data::day).max().orElseThrow();
        int minTest = Arrays.stream(split.test()).map(data::day).min().orElseThrow();
        assertThat(maxTrain).isEqualTo(split.trainTo()).isEqualTo(20_035);
        assertThat(minCalibration - maxTrain).as("a gap of the horizon").isGreaterThan(3);
        assertThat(minTest - maxCalibration).isGreaterThan(3);
        assertThat(split.testTo()).isEqualTo(20_059);
        assertThat(split.train().length + split.calibration().length + split.test().length)
            .isEqualTo(data.rows() - 6 * 400);
        assertThatThrownBy(() -> TimeSplit.of(smallDataset(), 0.6, 0.2, 3))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static Dataset smallDataset() {
        Dataset data = new Dataset(10);
        for (int day = 0; day < 5; day++) {
            data.add(new float[Feature.COUNT], day % 2 == 0, day);
        }
        return data;
    }

    @Test
    void isotonicCalibrationIsMonotoneAndMatchesObservedFrequencies() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 20_000;
        float[] raw = new float[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            raw[i] = (float) random.nextDouble();
            // the raw score is over-confident: the truth is its square
            labels[i] = random.nextDouble() < raw[i] * raw[i];
        }
        Calibration calibration = Calibration.isotonic(raw, labels);
        double previous = -1;
        for (double x = 0; x <= 1; x += 0.01) {
            double y = calibration.apply(x);
            assertThat(y).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = y;
        }
        assertThat(calibration.apply(0.5)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.06));
        assertThat(calibration.apply(0.9)).isCloseTo(0.81, org.assertj.core.data.Offset.offset(0.06));
        double[] calibrated = new double[n];
        double[] uncalibrated = new double[n];
        for (int i = 0; i < n; i++) {
            calibrated[i] = calibration.apply(raw[i]);
            uncalibrated[i] = raw[i];
        }
        assertThat(Metrics.of(calibrated, labels, 0.5).brier())
            .isLessThan(Metrics.of(uncalibrated, labels, 0.5).brier());
        assertThat(Calibration.fromBytes(calibration.toBytes()).apply(0.37)).isEqualTo(calibration.apply(0.37));
    }

    @Test
    void metricsOfKnownScores() {
        double[] p = { 0.9, 0.8, 0.3, 0.2, 0.6, 0.1 };
        boolean[] y = { true, true, false, false, false, true };
        Metrics m = Metrics.of(p, y, 0.5);
        assertThat(m.truePositives()).isEqualTo(2);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.falseNegatives()).isEqualTo(1);
        assertThat(m.trueNegatives()).isEqualTo(2);
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
        // positives outrank negatives in 6 of 9 pairs
        assertThat(m.rocAuc()).isCloseTo(6 / 9.0, org.assertj.core.data.Offset.offset(1e-9));
        // precision at each positive: 1, 1, 3/6
        assertThat(m.prAuc()).isCloseTo((1 + 1 + 0.5) / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void trainedModelBeatsTheBaseRateExplainsItsScoresAndSurvivesItsArtifact() {
        Dataset data = synthetic(5);
        RiskTrainer.Result result = RiskTrainer.train(data, new TrainingOptions(3, 60, 3, 0.1, 10, 10_000, 2, 1),
                RiskLevels.DEFAULT);
        assertThat(result.test().rocAuc()).isGreaterThan(0.75);
        assertThat(result.forest().rocAuc()).isGreaterThan(0.7);
        assertThat(result.baseline().rocAuc()).isGreaterThan(0.6);
        assertThat(result.metrics()).containsKeys("accuracy", "precision", "recall", "f1", "rocAuc", "prAuc", "brier",
                "truePositives", "falsePositives", "trueNegatives", "falseNegatives", "criticalRecall",
                "importance.stock_days_left", "randomForest.rocAuc", "logisticRegression.rocAuc");

        float[] row = new float[Feature.COUNT];
        Arrays.fill(row, 0.5f);
        row[Feature.STOCK_DAYS_LEFT.ordinal()] = 1.5f;
        row[Feature.DELIVERY_DAYS_LATE_30D.ordinal()] = 4f;
        RiskModel.Scored scored = result.model().score(row, 1, true);
        List<Factor> factors = RiskModel.factors(scored.contributions()[0], row, 0, 3);
        assertThat(factors).isNotEmpty();
        assertThat(factors.getFirst().text()).isEqualTo("stock lasts 1.5 days");
        assertThat(factors.getFirst().contribution()).isPositive();
        assertThat(factors).extracting(Factor::text).contains("deliveries 4 days late on average this month");
        assertThat(factors).isSortedAccordingTo((a, b) -> Double.compare(b.contribution(), a.contribution()));

        // many rows at once: the path attribution walked in Java gives the library's
        // margins and the same reasons
        int rows = RiskModel.EXACT_ROWS + 1;
        Dataset other = synthetic(7);
        float[] many = other.matrix(java.util.stream.IntStream.range(0, rows).toArray());
        System.arraycopy(row, 0, many, 0, Feature.COUNT);
        float[] margins = result.model().margins(many, rows);
        PathAttribution paths = result.model().paths();
        for (int i = 0; i < rows; i++) {
            float[] c = new float[Feature.COUNT + 1];
            double margin = paths.margin(many, i * Feature.COUNT, c);
            double sum = 0;
            for (float part : c) {
                sum += part;
            }
            assertThat(margin).isCloseTo(margins[i], org.assertj.core.data.Offset.offset(1e-4));
            assertThat(sum).isCloseTo(margin, org.assertj.core.data.Offset.offset(1e-3));
        }
        RiskModel.Scored walked = result.model().score(many, rows, true);
        assertThat(walked.probability()[0]).isCloseTo(scored.probability()[0],
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(RiskModel.factors(walked.contributions()[0], many, 0, 3).getFirst().text())
            .isEqualTo("stock lasts 1.5 days");

        byte[] artifact = result.model().toBytes();
        RiskModel loaded = RiskModel.fromBytes(artifact);
        assertThat(loaded.score(row, 1, false).probability()).containsExactly(scored.probability());
        assertThat(RiskModel.sha256(artifact)).hasSize(64).isEqualTo(RiskModel.sha256(loaded.toBytes()));
    }

    @Test
    void aCandidateIsPromotedOnlyIfNotWorseOnTheLatestHeldBackWindow() {
        Metrics active = metrics(0.020, 0.80, 50);
        assertThat(PromotionRule.decide(metrics(0.019, 0.81, 50), active).promote()).isTrue();
        assertThat(PromotionRule.decide(metrics(0.0201, 0.799, 50), active).promote()).as("within tolerance").isTrue();
        assertThat(PromotionRule.decide(metrics(0.021, 0.82, 50), active).promote()).as("worse Brier").isFalse();
        assertThat(PromotionRule.decide(metrics(0.019, 0.79, 50), active).promote()).as("worse AUC").isFalse();
        assertThat(PromotionRule.decide(metrics(0.019, 0.9, 0), active).promote()).as("nothing to judge by").isFalse();
        assertThat(PromotionRule.decide(metrics(0.05, 0.6, 10), null).promote()).as("first model").isTrue();
        assertThat(PromotionRule.decide(metrics(0.021, 0.82, 50), active).reason()).contains("Brier");
    }

    private static Metrics metrics(double brier, double auc, long positives) {
        return new Metrics(1000, positives, 0.5, 0.95, 0.5, 0.5, 0.5, auc, 0.3, brier, 0.1, 1, 1, 1, 1);
    }

    @Test
    void aScoreIsNewsOnlyWhenItsLevelChangesOrItMovesByTheStep() {
        RiskScore low = score(8, "LOW");
        assertThat(RiskScoring.changed(null, low, 10)).as("a first LOW score below the step").isFalse();
        assertThat(RiskScoring.changed(null, score(20, "MEDIUM"), 10)).isTrue();
        assertThat(RiskScoring.changed(low, score(12, "LOW"), 10)).isFalse();
        assertThat(RiskScoring.changed(low, score(16, "MEDIUM"), 10)).as("level changed").isTrue();
        assertThat(RiskScoring.changed(score(45, "HIGH"), score(55, "HIGH"), 10)).as("moved by the step").isTrue();
        assertThat(RiskScoring.changed(score(45, "HIGH"), score(54.9, "HIGH"), 10)).isFalse();
        assertThat(RiskLevels.DEFAULT.of(70)).isEqualTo("CRITICAL");
        assertThat(RiskLevels.DEFAULT.of(69.9)).isEqualTo("HIGH");
        assertThat(new RiskLevels(80, 50, 20).of(70)).isEqualTo("HIGH");
    }

    private static RiskScore score(double score, String level) {
        return new RiskScore("33010100101", "569", "6301", LocalDate.parse("2026-11-20"), score, level, "v1", List.of(),
                Instant.parse("2026-11-20T12:00:00Z"));
    }

}
