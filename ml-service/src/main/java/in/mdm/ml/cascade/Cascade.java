package in.mdm.ml.cascade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import in.mdm.ml.cascade.CascadePropagation.Exposure;
import in.mdm.ml.cascade.SupplyGraph.Kind;
import in.mdm.ml.cascade.SupplyGraph.Node;

/**
 * From what ml-service knows of a district's schools, kitchens and suppliers to the
 * exposed schools, the failing sources with the schools they expose, and the blocks with
 * an early warning. Pure Java: the service runs it on its tables, the bench on the twin.
 */
public final class Cascade {

    /**
     * A school: where it is, its children, its own probability (its risk score / 100),
     * the site that cooks for it (a kitchen's id, or its own UDISE code), and where it is
     * (NaN: unknown, no sharing edges).
     */
    public record School(String udiseCode, String blockCode, int enrollment, double own, String site, double latitude,
            double longitude) {
    }

    /**
     * A site that cooks (a kitchen, or a school with its own): out of stock, days of
     * stock left (NaN: unknown), a late delivery outstanding, and the suppliers that
     * deliver to it.
     */
    public record Site(String code, boolean stockOut, boolean sudden, double daysLeft, boolean late,
            Set<String> suppliers) {
    }

    /** A school's result. */
    public record SchoolExposure(School school, Exposure exposure, String level) {
    }

    /** A failing source and the schools it exposes (its strongest path first). */
    public record Source(Node node, double probability, String level, List<String> affected, int children,
            List<Node> path, Set<String> blocks) {
    }

    /** A block's share of exposed schools. */
    public record Block(String blockCode, int schools, int exposed, double share, boolean warning) {
    }

    public record Assessment(Map<String, SchoolExposure> schools, Map<Node, Exposure> nodes, List<Source> sources,
            List<Block> blocks, Map<String, Site> sites) {

        public Set<String> suppliersOf(String site) {
            Site s = sites.get(site);
            return s == null ? Set.of() : s.suppliers();
        }

        public List<String> warnedBlocks() {
            return blocks.stream().filter(Block::warning).map(Block::blockCode).toList();
        }
    }

    private Cascade() {
    }

    public static Assessment assess(CascadeModel model, List<School> schools, Map<String, Site> sites,
            Map<String, Integer> supplierLateSites) {
        SupplyGraph graph = new SupplyGraph();
        Map<String, Node> siteNodes = new HashMap<>();
        for (School school : schools) {
            Node node = graph.node(Kind.SCHOOL, school.udiseCode(), school.own());
            if (school.site() == null) {
                continue;
            }
            Node kitchen = siteNodes.computeIfAbsent(school.site(), code -> {
                Site site = sites.get(code);
                Node k = graph.node(Kind.KITCHEN, code,
                        site == null ? 0 : model.kitchen(site.stockOut(), site.sudden(), site.daysLeft(), site.late()));
                if (site != null) {
                    double dependence = model.dependenceOn(site.stockOut() ? 0 : site.daysLeft());
                    for (String supplier : site.suppliers()) {
                        Node s = graph.node(Kind.SUPPLIER, supplier,
                                model.supplier(supplierLateSites.getOrDefault(supplier, 0)));
                        graph.depends(k, s, dependence);
                    }
                }
                return k;
            });
            graph.depends(node, kitchen, model.kitchenDependence());
        }
        sharing(model, schools, graph);
        Map<Node, Exposure> nodes = CascadePropagation.propagate(graph, model.hops());

        Map<String, SchoolExposure> result = new LinkedHashMap<>();
        Map<Node, List<SchoolExposure>> bySource = new LinkedHashMap<>();
        Map<String, int[]> blocks = new TreeMap<>();
        for (School school : schools) {
            Exposure e = nodes.get(new Node(Kind.SCHOOL, school.udiseCode()));
            String level = model.level(e.exposure());
            SchoolExposure se = new SchoolExposure(school, e, level);
            result.put(school.udiseCode(), se);
            int[] b = blocks.computeIfAbsent(String.valueOf(school.blockCode()), x -> new int[2]);
            b[0]++;
            if (level != null && e.source().kind() != Kind.SCHOOL) {
                b[1]++;
                bySource.computeIfAbsent(e.source(), x -> new ArrayList<>()).add(se);
            }
        }
        List<Block> blockList = new ArrayList<>();
        Set<String> warned = new TreeSet<>();
        blocks.forEach((code, b) -> {
            double share = (double) b[1] / b[0];
            boolean warning = b[1] > 0 && share >= model.blockShare();
            blockList.add(new Block(code, b[0], b[1], share, warning));
            if (warning) {
                warned.add(code);
            }
        });
        List<Source> sources = new ArrayList<>();
        bySource.forEach((node, list) -> {
            list.sort(Comparator.comparingDouble((SchoolExposure s) -> -s.exposure().exposure())
                .thenComparing(s -> s.school().udiseCode()));
            SchoolExposure strongest = list.getFirst();
            String level = list.stream().anyMatch(s -> "CRITICAL".equals(s.level())) ? "CRITICAL" : "HIGH";
            Set<String> inBlocks = new TreeSet<>();
            for (SchoolExposure s : list) {
                if (warned.contains(String.valueOf(s.school().blockCode()))) {
                    inBlocks.add(s.school().blockCode());
                }
            }
            sources.add(new Source(node, nodes.get(node).probability(), level,
                    list.stream().map(s -> s.school().udiseCode()).sorted().toList(),
                    list.stream().mapToInt(s -> s.school().enrollment()).sum(), strongest.exposure().path(), inBlocks));
        });
        sources.sort(Comparator.comparing((Source s) -> s.node().toString()));
        return new Assessment(result, nodes, sources, blockList, sites);
    }

    /**
     * Sharing edges between schools within the sharing distance that do not share a
     * kitchen (those fail together), by a grid of cells of that size.
     */
    private static void sharing(CascadeModel model, List<School> schools, SupplyGraph graph) {
        if (model.buffer() <= 0 || model.sharingKm() <= 0) {
            return;
        }
        double cell = model.sharingKm() / 111.0;
        Map<Long, List<School>> grid = new HashMap<>();
        for (School s : schools) {
            if (!Double.isNaN(s.latitude()) && !Double.isNaN(s.longitude())) {
                grid.computeIfAbsent(
                        key((long) Math.floor(s.latitude() / cell), (long) Math.floor(s.longitude() / cell)),
                        x -> new ArrayList<>())
                    .add(s);
            }
        }
        for (School s : schools) {
            if (Double.isNaN(s.latitude()) || Double.isNaN(s.longitude())) {
                continue;
            }
            long i = (long) Math.floor(s.latitude() / cell);
            long j = (long) Math.floor(s.longitude() / cell);
            for (long di = -1; di <= 1; di++) {
                for (long dj = -1; dj <= 1; dj++) {
                    for (School t : grid.getOrDefault(key(i + di, j + dj), List.of())) {
                        if (t.udiseCode().compareTo(s.udiseCode()) > 0 && !java.util.Objects.equals(t.site(), s.site())
                                && km(s, t) <= model.sharingKm()) {
                            graph.shares(new Node(Kind.SCHOOL, s.udiseCode()), new Node(Kind.SCHOOL, t.udiseCode()),
                                    model.buffer());
                        }
                    }
                }
            }
        }
    }

    private static long key(long i, long j) {
        return i * 1_000_003L + j;
    }

    /** Great-circle distance in km. */
    static double km(School a, School b) {
        double la1 = Math.toRadians(a.latitude());
        double la2 = Math.toRadians(b.latitude());
        double dla = la2 - la1;
        double dlo = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dla / 2) * Math.sin(dla / 2)
                + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

}
