package in.mdm.ml.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.ml.feature.Feature;

/**
 * The boosted trees walked in Java, for scoring many schools at once: each row's margin
 * and, along its path through every tree, what each split's feature added (the change of
 * the expected value, weighted by the training cover, from a node to the child taken: the
 * path attribution XGBoost calls approximate contributions, Saabas' method). It is linear
 * in the depth, where TreeSHAP is quadratic, and sums, with the bias, to the same margin.
 * Built from the booster's JSON dump; the base margin is taken from the library.
 */
final class PathAttribution {

    private final int[] roots;

    private final int[] feature;

    private final float[] threshold;

    private final int[] yes;

    private final int[] no;

    private final int[] missing;

    private final double[] value;

    private final double bias;

    private PathAttribution(int[] roots, int[] feature, float[] threshold, int[] yes, int[] no, int[] missing,
            double[] value, double bias) {
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.yes = yes;
        this.no = no;
        this.missing = missing;
        this.value = value;
        this.bias = bias;
    }

    static PathAttribution of(Booster booster) {
        try {
            String[] dump = booster.getModelDump((String) null, true, "json");
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> trees = new ArrayList<>(dump.length);
            int nodes = 0;
            for (String tree : dump) {
                JsonNode root = json.readTree(tree);
                trees.add(root);
                nodes += maxId(root) + 1;
            }
            int[] roots = new int[trees.size()];
            int[] feature = new int[nodes];
            float[] threshold = new float[nodes];
            int[] yes = new int[nodes];
            int[] no = new int[nodes];
            int[] missing = new int[nodes];
            double[] value = new double[nodes];
            double[] cover = new double[nodes];
            int base = 0;
            for (int t = 0; t < trees.size(); t++) {
                JsonNode root = trees.get(t);
                roots[t] = base + root.get("nodeid").asInt();
                fill(root, base, feature, threshold, yes, no, missing, value, cover);
                base += maxId(root) + 1;
            }
            PathAttribution walk = new PathAttribution(roots, feature, threshold, yes, no, missing, value, 0);
            // the library's margin of one row, less what the trees give it: the base
            // margin
            float[] zero = new float[Feature.COUNT];
            DMatrix one = new DMatrix(zero, 1, Feature.COUNT, Float.NaN);
            try {
                double library = booster.predict(one, true)[0][0];
                double walked = walk.margin(zero, 0, null);
                return new PathAttribution(roots, feature, threshold, yes, no, missing, value, library - walked);
            }
            finally {
                one.dispose();
            }
        }
        catch (XGBoostError ex) {
            throw new IllegalStateException("cannot read the trees", ex);
        }
    }

    private static int maxId(JsonNode node) {
        int max = node.get("nodeid").asInt();
        JsonNode children = node.get("children");
        if (children != null) {
            for (JsonNode child : children) {
                max = Math.max(max, maxId(child));
            }
        }
        return max;
    }

    /** Fills a subtree; returns its cover. */
    private static double fill(JsonNode node, int base, int[] feature, float[] threshold, int[] yes, int[] no,
            int[] missing, double[] value, double[] cover) {
        int id = base + node.get("nodeid").asInt();
        cover[id] = node.get("cover").asDouble();
        JsonNode children = node.get("children");
        if (children == null) {
            feature[id] = -1;
            value[id] = node.get("leaf").asDouble();
            return cover[id];
        }
        String split = node.get("split").asString();
        feature[id] = Integer.parseInt(split.substring(1));
        threshold[id] = (float) node.get("split_condition").asDouble();
        yes[id] = base + node.get("yes").asInt();
        no[id] = base + node.get("no").asInt();
        missing[id] = base + node.get("missing").asInt();
        double weighted = 0;
        double total = 0;
        for (JsonNode child : children) {
            double c = fill(child, base, feature, threshold, yes, no, missing, value, cover);
            weighted += c * value[base + child.get("nodeid").asInt()];
            total += c;
        }
        value[id] = total == 0 ? 0 : weighted / total;
        return cover[id];
    }

    /**
     * One row's margin (log-odds); adds each feature's part to {@code contributions} (its
     * last element the bias) when given.
     */
    double margin(float[] x, int offset, float[] contributions) {
        double margin = bias;
        for (int root : roots) {
            int node = root;
            while (feature[node] >= 0) {
                float v = x[offset + feature[node]];
                int child = Float.isNaN(v) ? missing[node] : v < threshold[node] ? yes[node] : no[node];
                if (contributions != null) {
                    contributions[feature[node]] += (float) (value[child] - value[node]);
                }
                node = child;
            }
            margin += value[node] - value[root];
        }
        if (contributions != null) {
            contributions[Feature.COUNT] += (float) bias;
        }
        return margin;
    }

    /** Margins and contributions of many rows, on every core. */
    RiskModel.Scored score(float[] matrix, int rows, Calibration calibration) {
        double[] probability = new double[rows];
        float[][] contributions = new float[rows][];
        IntStream.range(0, (rows + 4095) / 4096).parallel().forEach(chunk -> {
            for (int i = chunk * 4096; i < Math.min(rows, (chunk + 1) * 4096); i++) {
                float[] c = new float[Feature.COUNT + 1];
                double m = margin(matrix, i * Feature.COUNT, c);
                contributions[i] = c;
                probability[i] = calibration.apply(1 / (1 + Math.exp(-m)));
            }
        });
        return new RiskModel.Scored(probability, contributions);
    }

}
