package in.mdm.optimization.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The transfer optimizer of one commodity: moves food from sites with a surplus to sites
 * short of it, lexicographically
 * <ol>
 * <li>the most food delivered to sites short of it (grams; as one norm per commodity is
 * used, the most children-days covered): a maximum flow, value {@code F};</li>
 * <li>among the flows of value {@code F}, the least
 * {@code Σ arcs x·(₹/kg-km·km + handling ₹/kg) + Σ deficit sites x·riskPenalty·(1 − risk)}:
 * transport and handling (the wastage of moving food) plus the risk-weighted shortage
 * left (with {@code F} fixed, {@code Σ riskPenalty·risk·(deficit − x)} differs from the
 * last term by a constant, so high-risk schools are covered first): a minimum-cost flow
 * of value {@code F}.</li>
 * </ol>
 * The network: source → surplus site (capacity its surplus) → deficit site (an arc only
 * within {@code maxDistanceKm}, in the same district unless {@code crossDistrict}, to the
 * {@code nearest} surplus sites of each deficit site, capacity one vehicle load) → sink
 * (capacity its deficit). Capacities are integers in grams (in 10 g, 100 g ... when a
 * network's total would not fit an {@code int}); both solves are exact (JGraphT's
 * push-relabel maximum flow and capacity-scaling minimum-cost flow). Without
 * {@code crossDistrict} each district is solved on its own. Pure Java, no Spring: the
 * service and {@code tools/bench/TransferBench.java} call it alike.
 */
public final class TransferPlanner {

    /**
     * A site of the network: at most one of surplus and deficit is positive.
     *
     * @param risk the site's risk of going without, 0-1 (0 when unknown)
     */
    public record Site(String code, String districtCode, double latitude, double longitude, long surplusGrams,
            long deficitGrams, double risk) {
    }

    /**
     * @param maxDistanceKm no arc longer (great-circle km)
     * @param crossDistrict whether an arc may join two districts
     * @param vehicleGrams one vehicle load, the most an arc carries
     * @param nearest arcs to each deficit site from at most this many nearest surplus
     * sites
     * @param inrPerKgKm transport cost, ₹ per kg and km
     * @param handlingInrPerKg the cost of a kg moved whatever the distance (loading,
     * losses)
     * @param riskInrPerKg the penalty of a kg short at a site of risk 1
     */
    public record Settings(double maxDistanceKm, boolean crossDistrict, long vehicleGrams, int nearest,
            double inrPerKgKm, double handlingInrPerKg, double riskInrPerKg) {

        public Settings {
            if (!(maxDistanceKm > 0) || vehicleGrams <= 0 || nearest <= 0 || inrPerKgKm < 0 || handlingInrPerKg < 0
                    || riskInrPerKg < 0) {
                throw new IllegalArgumentException("bad planner settings");
            }
        }

    }

    /**
     * A network of one district (or of all, across districts): sites by index into the
     * planner's list, capacities in {@code unitGrams}, costs in ₹ per unit.
     */
    public record Network(long unitGrams, int[] surplusSites, int[] surplusUnits, int[] deficitSites,
            int[] deficitUnits, double[] deficitCost, int[] arcFrom, int[] arcTo, int[] arcUnits, double[] arcCost,
            double[] arcKm) {

        /**
         * Surplus and deficit indices are into {@link #surplusSites},
         * {@link #deficitSites}.
         */
        public int arcs() {
            return arcFrom.length;
        }

    }

    /** What one arc carries in the optimum. */
    public record Move(int fromSite, int toSite, long grams, double km) {
    }

    /**
     * The optimum of a network: the food delivered ({@code F}, grams) and the least
     * second-level cost at that flow, ₹.
     */
    public record Result(Network network, List<Move> moves, long deliveredGrams, double cost) {
    }

    /** The optimum over all networks of a set of sites. */
    public record Plan(List<Result> networks, List<Move> moves, long demandGrams, long supplyGrams, long deliveredGrams,
            double cost) {
    }

    private final Settings settings;

    public TransferPlanner(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Builds the networks of the sites (one per district without cross-district arcs) and
     * solves each.
     */
    public Plan plan(List<Site> sites) {
        List<Result> results = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        long demand = 0;
        long supply = 0;
        long delivered = 0;
        double cost = 0;
        for (Site site : sites) {
            demand += site.deficitGrams();
            supply += site.surplusGrams();
        }
        for (Network network : networks(sites)) {
            Result result = solve(network);
            results.add(result);
            moves.addAll(result.moves());
            delivered += result.deliveredGrams();
            cost += result.cost();
        }
        return new Plan(results, moves, demand, supply, delivered, cost);
    }

    /**
     * The networks of the sites: one per district, or one when arcs may cross districts.
     */
    public List<Network> networks(List<Site> sites) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            if (site.surplusGrams() <= 0 && site.deficitGrams() <= 0) {
                continue;
            }
            String key = settings.crossDistrict() ? "" : String.valueOf(site.districtCode());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Network> networks = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            Network network = network(sites, group);
            if (network.arcs() > 0) {
                networks.add(network);
            }
        }
        return networks;
    }

    private Network network(List<Site> sites, List<Integer> group) {
        List<Integer> surplus = new ArrayList<>();
        List<Integer> deficit = new ArrayList<>();
        long supplyTotal = 0;
        long demandTotal = 0;
        double maxLatitude = 0;
        for (int i : group) {
            Site site = sites.get(i);
            if (site.surplusGrams() > 0) {
                surplus.add(i);
                supplyTotal += site.surplusGrams();
            }
            else {
                deficit.add(i);
                demandTotal += site.deficitGrams();
            }
            maxLatitude = Math.max(maxLatitude, Math.abs(site.latitude()));
        }
        long unit = 1;
        while (Math.max(supplyTotal, demandTotal) / unit > 1_000_000_000L) {
            unit *= 10;
        }
        // a grid of cells of maxDistanceKm a side: a site within reach lies in the 3 x 3
        // cells around
        double cellLat = settings.maxDistanceKm() / 111.0;
        double cellLon = settings.maxDistanceKm()
                / (111.32 * Math.max(0.05, Math.cos(Math.toRadians(Math.min(89, maxLatitude + cellLat)))));
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int s = 0; s < surplus.size(); s++) {
            Site site = sites.get(surplus.get(s));
            grid.computeIfAbsent(cell(site.latitude() / cellLat, site.longitude() / cellLon), k -> new ArrayList<>())
                .add(s);
        }
        int[] surplusSites = new int[surplus.size()];
        int[] surplusUnits = new int[surplus.size()];
        for (int s = 0; s < surplus.size(); s++) {
            surplusSites[s] = surplus.get(s);
            surplusUnits[s] = (int) (sites.get(surplus.get(s)).surplusGrams() / unit);
        }
        int[] deficitSites = new int[deficit.size()];
        int[] deficitUnits = new int[deficit.size()];
        double[] deficitCost = new double[deficit.size()];
        IntList from = new IntList();
        IntList to = new IntList();
        IntList caps = new IntList();
        List<double[]> costKm = new ArrayList<>();
        int vehicleUnits = (int) Math.min(Integer.MAX_VALUE, settings.vehicleGrams() / unit);
        double[] distances = new double[0];
        int[] candidates = new int[0];
        for (int d = 0; d < deficit.size(); d++) {
            Site site = sites.get(deficit.get(d));
            deficitSites[d] = deficit.get(d);
            deficitUnits[d] = (int) (site.deficitGrams() / unit);
            deficitCost[d] = micro(settings.riskInrPerKg() * (1 - clamp(site.risk())) * unit / 1000.0);
            long row = (long) Math.floor(site.latitude() / cellLat);
            long col = (long) Math.floor(site.longitude() / cellLon);
            int found = 0;
            for (long r = row - 1; r <= row + 1; r++) {
                for (long c = col - 1; c <= col + 1; c++) {
                    List<Integer> inCell = grid.get(key(r, c));
                    if (inCell == null) {
                        continue;
                    }
                    for (int s : inCell) {
                        Site other = sites.get(surplus.get(s));
                        if (!settings.crossDistrict()
                                && !String.valueOf(other.districtCode()).equals(String.valueOf(site.districtCode()))) {
                            continue;
                        }
                        double km = haversineKm(site.latitude(), site.longitude(), other.latitude(), other.longitude());
                        if (km > settings.maxDistanceKm()) {
                            continue;
                        }
                        if (found == candidates.length) {
                            candidates = Arrays.copyOf(candidates, Math.max(16, found * 2));
                            distances = Arrays.copyOf(distances, Math.max(16, found * 2));
                        }
                        candidates[found] = s;
                        distances[found] = km;
                        found++;
                    }
                }
            }
            Integer[] order = new Integer[found];
            for (int k = 0; k < found; k++) {
                order[k] = k;
            }
            final double[] dist = distances;
            final int[] cand = candidates;
            Arrays.sort(order, (a, b) -> {
                int byKm = Double.compare(dist[a], dist[b]);
                return byKm != 0 ? byKm : Integer.compare(cand[a], cand[b]);
            });
            for (int k = 0; k < Math.min(found, settings.nearest()); k++) {
                int s = candidates[order[k]];
                double km = distances[order[k]];
                int cap = Math.min(vehicleUnits, Math.min(surplusUnits[s], deficitUnits[d]));
                if (cap <= 0) {
                    continue;
                }
                from.add(s);
                to.add(d);
                caps.add(cap);
                costKm.add(new double[] {
                        micro((settings.inrPerKgKm() * km + settings.handlingInrPerKg()) * unit / 1000.0), km });
            }
        }
        double[] arcCost = new double[costKm.size()];
        double[] arcKm = new double[costKm.size()];
        for (int a = 0; a < arcCost.length; a++) {
            arcCost[a] = costKm.get(a)[0];
            arcKm[a] = costKm.get(a)[1];
        }
        return new Network(unit, surplusSites, surplusUnits, deficitSites, deficitUnits, deficitCost, from.toArray(),
                to.toArray(), caps.toArray(), arcCost, arcKm);
    }

    /** Maximum flow, then the minimum-cost flow of that value. */
    public static Result solve(Network n) {
        int nS = n.surplusSites().length;
        int nD = n.deficitSites().length;
        int source = 0;
        int sink = 1;
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        graph.addVertex(source);
        graph.addVertex(sink);
        for (int v = 0; v < nS + nD; v++) {
            graph.addVertex(2 + v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Double> cost = new HashMap<>();
        boolean[] usedS = new boolean[nS];
        boolean[] usedD = new boolean[nD];
        DefaultWeightedEdge[] arcEdges = new DefaultWeightedEdge[n.arcs()];
        for (int a = 0; a < n.arcs(); a++) {
            DefaultWeightedEdge e = graph.addEdge(2 + n.arcFrom()[a], 2 + nS + n.arcTo()[a]);
            arcEdges[a] = e;
            graph.setEdgeWeight(e, n.arcUnits()[a]);
            capacity.put(e, n.arcUnits()[a]);
            cost.put(e, n.arcCost()[a]);
            usedS[n.arcFrom()[a]] = true;
            usedD[n.arcTo()[a]] = true;
        }
        for (int s = 0; s < nS; s++) {
            if (usedS[s]) {
                DefaultWeightedEdge e = graph.addEdge(source, 2 + s);
                graph.setEdgeWeight(e, n.surplusUnits()[s]);
                capacity.put(e, n.surplusUnits()[s]);
                cost.put(e, 0.0);
            }
        }
        for (int d = 0; d < nD; d++) {
            if (usedD[d]) {
                DefaultWeightedEdge e = graph.addEdge(2 + nS + d, sink);
                graph.setEdgeWeight(e, n.deficitUnits()[d]);
                capacity.put(e, n.deficitUnits()[d]);
                cost.put(e, n.deficitCost()[d]);
            }
        }
        if (n.arcs() == 0) {
            return new Result(n, List.of(), 0, 0);
        }
        long flowValue = Math.round(new PushRelabelMFImpl<>(graph).getMaximumFlowValue(source, sink));
        if (flowValue == 0) {
            return new Result(n, List.of(), 0, 0);
        }
        int value = Math.toIntExact(flowValue);
        // the weights were the capacities of the maximum flow; JGraphT's minimum-cost
        // flow
        // reads the costs from the weights as well as from the problem's function
        cost.forEach((e, c) -> graph.setEdgeWeight(e, Math.round(c * 1e6)));
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v == source ? value : v == sink ? -value : 0, capacity::get, e -> 0, cost::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
            .getMinimumCostFlow(problem);
        List<Move> moves = new ArrayList<>();
        long deliveredUnits = 0;
        double total = 0;
        for (int a = 0; a < n.arcs(); a++) {
            long units = Math.round(flow.getFlow(arcEdges[a]));
            if (units > 0) {
                deliveredUnits += units;
                total += units * (n.arcCost()[a] + n.deficitCost()[n.arcTo()[a]]);
                moves.add(new Move(n.surplusSites()[n.arcFrom()[a]], n.deficitSites()[n.arcTo()[a]],
                        units * n.unitGrams(), n.arcKm()[a]));
            }
        }
        if (deliveredUnits != flowValue) {
            throw new IllegalStateException(
                    "the minimum-cost flow delivers " + deliveredUnits + " units, the maximum flow " + flowValue);
        }
        return new Result(n, moves, flowValue * n.unitGrams(), total);
    }

    /** Great-circle distance, km (mean Earth radius 6,371 km). */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * A cost rounded to whole micro-rupees per unit: JGraphT gets them as integers (exact
     * in doubles, so its shortest paths and potentials carry no rounding error; with
     * fractional costs it sometimes declared feasible networks infeasible).
     */
    static double micro(double inr) {
        return Math.round(inr * 1e6) / 1e6;
    }

    private static double clamp(double risk) {
        return Double.isNaN(risk) ? 0 : Math.max(0, Math.min(1, risk));
    }

    private static long cell(double row, double col) {
        return key((long) Math.floor(row), (long) Math.floor(col));
    }

    private static long key(long row, long col) {
        return (row << 32) ^ (col & 0xffffffffL);
    }

    private static final class IntList {

        private int[] values = new int[64];

        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

    }

}
