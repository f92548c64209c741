package in.mdm.ml.cascade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The supply graph: suppliers deliver to kitchens, kitchens cook for schools, schools
 * near each other can lend a day's food. Each node carries its own failure probability (a
 * day without a meal in the horizon for its own reasons); each edge from the supplying
 * node to the supplied one carries the supplied node's dependence on it (0-1); a sharing
 * edge between two schools a buffer weight (how much a neighbour that is well can make
 * up). Pure Java on JGraphT: the service and the bench build the same graph.
 */
public final class SupplyGraph {

    /** What a node is. */
    public enum Kind {

        SUPPLIER, KITCHEN, SCHOOL

    }

    /**
     * A node: its kind and its code (a supplier's code, a kitchen's id, a UDISE code).
     */
    public record Node(Kind kind, String code) {

        @Override
        public String toString() {
            return kind + ":" + code;
        }
    }

    /**
     * An edge: {@code dependence} (supply) or {@code buffer} (sharing) and its weight.
     */
    public static final class Link {

        final boolean sharing;

        final double weight;

        Link(boolean sharing, double weight) {
            this.sharing = sharing;
            this.weight = weight;
        }

        public boolean sharing() {
            return sharing;
        }

        public double weight() {
            return weight;
        }

    }

    private final Graph<Node, Link> graph = new DirectedMultigraph<>(Link.class);

    private final Map<Node, Double> own = new HashMap<>();

    /** Adds a node with its own failure probability (or raises it to this one). */
    public Node node(Kind kind, String code, double ownProbability) {
        Node node = new Node(kind, code);
        graph.addVertex(node);
        own.merge(node, clamp(ownProbability), Math::max);
        return node;
    }

    /** {@code supplied} depends on {@code supplier} with this weight (0-1). */
    public void depends(Node supplied, Node supplier, double weight) {
        if (!supplied.equals(supplier) && graph.getEdge(supplier, supplied) == null) {
            graph.addEdge(supplier, supplied, new Link(false, clamp(weight)));
        }
    }

    /** Two schools within sharing distance: each buffers the other with this weight. */
    public void shares(Node a, Node b, double weight) {
        if (!a.equals(b) && graph.getEdge(a, b) == null) {
            graph.addEdge(a, b, new Link(true, clamp(weight)));
            graph.addEdge(b, a, new Link(true, clamp(weight)));
        }
    }

    public Set<Node> nodes() {
        return graph.vertexSet();
    }

    public double own(Node node) {
        return own.getOrDefault(node, 0.0);
    }

    public boolean contains(Node node) {
        return graph.containsVertex(node);
    }

    /** The nodes this one depends on, with the weights. */
    List<Map.Entry<Node, Double>> suppliersOf(Node node) {
        List<Map.Entry<Node, Double>> in = new ArrayList<>();
        for (Link link : graph.incomingEdgesOf(node)) {
            if (!link.sharing) {
                in.add(Map.entry(graph.getEdgeSource(link), link.weight));
            }
        }
        return in;
    }

    /** The schools that buffer this one, with the weights. */
    List<Map.Entry<Node, Double>> neighboursOf(Node node) {
        List<Map.Entry<Node, Double>> in = new ArrayList<>();
        for (Link link : graph.incomingEdgesOf(node)) {
            if (link.sharing) {
                in.add(Map.entry(graph.getEdgeSource(link), link.weight));
            }
        }
        return in;
    }

    /** The nodes that depend on this one. */
    public List<Node> suppliedBy(Node node) {
        List<Node> out = new ArrayList<>();
        for (Link link : graph.outgoingEdgesOf(node)) {
            if (!link.sharing) {
                out.add(graph.getEdgeTarget(link));
            }
        }
        return out;
    }

    static double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
    }

}
