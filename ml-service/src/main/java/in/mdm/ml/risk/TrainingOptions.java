package in.mdm.ml.risk;

/**
 * How a model is trained.
 *
 * @param horizon school days the label looks ahead (3)
 * @param rounds boosting rounds
 * @param depth tree depth of the boosted trees
 * @param eta learning rate
 * @param forestTrees trees of the random forest challenger (0: none)
 * @param forestRows at most this many training rows for the forest (a random sample)
 * @param threads threads for training
 * @param seed random seed
 */
public record TrainingOptions(int horizon, int rounds, int depth, double eta, int forestTrees, int forestRows,
        int threads, long seed) {

    public static final TrainingOptions DEFAULT = new TrainingOptions(3, 200, 3, 0.05, 15, 30_000, 2, 1);

}
