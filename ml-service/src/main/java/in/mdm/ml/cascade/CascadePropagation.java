package in.mdm.ml.cascade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import in.mdm.ml.cascade.SupplyGraph.Kind;
import in.mdm.ml.cascade.SupplyGraph.Node;

/**
 * Failure probability propagated through the supply graph, noisy-OR, over up to
 * {@code hops} hops.
 *
 * <p>
 * With {@code q(v)} a node's own probability and {@code w(u,v)} v's dependence on u:
 * {@code P0(v) = q(v)}, and for each hop
 * {@code Ph(v) = 1 - (1 - q(v)) * prod over u of (1 - w(u,v) * Ph-1(u))}: v fails on its
 * own, or because a node it depends on fails and that failure reaches it. What comes from
 * upstream alone, {@code 1 - prod(1 - w * P(u))}, is the node's <em>exposure</em>. Then
 * the buffer, once, for schools: a neighbour within sharing distance that is well can
 * lend a day's food, {@code exposure(v) *= prod over n of (1 - b(n,v) * (1 - P(n)))}.
 * Each node keeps the upstream node whose term {@code w * P(u)} was largest, when larger
 * than its own probability: following those gives the path that contributed most, from
 * its source (the first node on it, failing on its own) to the school.
 */
public final class CascadePropagation {

    /**
     * A node's result: its probability, the part from upstream, its own, and the path.
     */
    public record Exposure(Node node, double probability, double exposure, double own, List<Node> path) {

        /** The node the path starts from (itself when nothing upstream weighs more). */
        public Node source() {
            return path.isEmpty() ? node : path.getFirst();
        }
    }

    private CascadePropagation() {
    }

    public static Map<Node, Exposure> propagate(SupplyGraph graph, int hops) {
        Map<Node, Double> p = new HashMap<>();
        for (Node node : graph.nodes()) {
            p.put(node, graph.own(node));
        }
        Map<Node, Double> exposure = new HashMap<>();
        Map<Node, Node> parent = new HashMap<>();
        for (int h = 0; h < hops; h++) {
            Map<Node, Double> next = new HashMap<>(p.size());
            boolean changed = false;
            for (Node node : graph.nodes()) {
                double q = graph.own(node);
                double safe = 1;
                double best = q;
                Node from = null;
                for (Map.Entry<Node, Double> in : graph.suppliersOf(node)) {
                    double term = in.getValue() * p.get(in.getKey());
                    safe *= 1 - term;
                    if (term > best) {
                        best = term;
                        from = in.getKey();
                    }
                }
                double up = 1 - safe;
                double value = 1 - (1 - q) * safe;
                changed |= Math.abs(value - p.get(node)) > 1e-12;
                next.put(node, value);
                exposure.put(node, up);
                if (from == null) {
                    parent.remove(node);
                }
                else {
                    parent.put(node, from);
                }
            }
            p = next;
            if (!changed) {
                break;
            }
        }
        Map<Node, Exposure> result = new HashMap<>(p.size());
        for (Node node : graph.nodes()) {
            double q = graph.own(node);
            double up = exposure.getOrDefault(node, 0.0);
            if (node.kind() == Kind.SCHOOL) {
                double keep = 1;
                for (Map.Entry<Node, Double> n : graph.neighboursOf(node)) {
                    keep *= 1 - n.getValue() * (1 - p.get(n.getKey()));
                }
                up *= keep;
            }
            result.put(node, new Exposure(node, 1 - (1 - q) * (1 - up), up, q, path(node, parent, hops)));
        }
        return result;
    }

    private static List<Node> path(Node node, Map<Node, Node> parent, int hops) {
        List<Node> path = new ArrayList<>();
        path.add(node);
        Node at = parent.get(node);
        while (at != null && path.size() <= hops && !path.contains(at)) {
            path.add(at);
            at = parent.get(at);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

}
