package in.mdm.ml.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import in.mdm.ml.feature.Feature;

/**
 * The random forest challenger (Tribuo CART trees on bootstrap samples, a third of the
 * features at each split, their leaf probabilities averaged), trained on a random sample
 * of the training window.
 */
final class RandomForest {

    private static final LabelFactory LABELS = new LabelFactory();

    private static final String[] NAMES = names();

    private final Model<Label> model;

    private RandomForest(Model<Label> model) {
        this.model = model;
    }

    static RandomForest train(float[] x, boolean[] y, TrainingOptions options) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("mdm-twin", LABELS), LABELS);
        SplittableRandom random = new SplittableRandom(options.seed());
        double keep = Math.min(1, options.forestRows() / (double) Math.max(1, y.length));
        for (int i = 0; i < y.length; i++) {
            if (keep < 1 && random.nextDouble() >= keep) {
                continue;
            }
            data.add(example(x, i, new Label(y[i] ? "1" : "0")));
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(10, 0.33f, options.seed());
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(),
                options.forestTrees(), options.seed());
        return new RandomForest(forest.train(data));
    }

    float[] predict(float[] x, int rows) {
        List<Example<Label>> examples = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            examples.add(example(x, i, LABELS.getUnknownOutput()));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        float[] p = new float[rows];
        for (int i = 0; i < rows; i++) {
            Label positive = predictions.get(i).getOutputScores().get("1");
            p[i] = positive == null ? 0 : (float) positive.getScore();
        }
        return p;
    }

    private static Example<Label> example(float[] x, int row, Label label) {
        double[] values = new double[Feature.COUNT];
        for (int f = 0; f < Feature.COUNT; f++) {
            values[f] = x[row * Feature.COUNT + f];
        }
        return new ArrayExample<>(label, NAMES, values);
    }

    private static String[] names() {
        String[] names = new String[Feature.COUNT];
        for (int f = 0; f < Feature.COUNT; f++) {
            names[f] = String.format("f%02d", f);
        }
        return names;
    }

}
