package in.mdm.ml.cascade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import in.mdm.ml.cascade.CascadePropagation.Exposure;
import in.mdm.ml.cascade.SupplyGraph.Node;

/**
 * A district's cascade risk as the caller may see it: the failing sources with the
 * exposed schools, each exposed school with its path, and every block's share exposed.
 */
record CascadeResponse(String districtCode, LocalDate asOf, List<SourceView> sources, List<SchoolView> schools,
        List<BlockView> blocks) {

    record SourceView(String kind, String code, String level, double probability, List<String> affectedUdiseCodes,
            int childrenAtRisk, List<String> path) {
    }

    record SchoolView(String udiseCode, String blockCode, double probability, double exposure, double ownProbability,
            String level, List<String> path) {
    }

    record BlockView(String blockCode, int schools, int exposed, double share, boolean warning) {
    }

    /**
     * One node: its probability, the part from upstream, its own, its path, and schools
     * below it.
     */
    record NodeResponse(String kind, String code, String districtCode, double probability, double exposure,
            double ownProbability, String level, List<String> path, List<String> downstreamUdiseCodes,
            List<String> affectedUdiseCodes) {

        static NodeResponse of(String district, Exposure e, String level, List<String> downstream,
                List<String> affected) {
            return new NodeResponse(e.node().kind().name(), e.node().code(), district, round(e.probability()),
                    round(e.exposure()), round(e.own()), level, CascadeResponse.path(e.path()), downstream, affected);
        }
    }

    static CascadeResponse of(String district, LocalDate asOf, Cascade.Assessment a,
            Predicate<Cascade.School> visible) {
        List<SchoolView> schools = new ArrayList<>();
        Set<String> blocks = new java.util.TreeSet<>();
        for (Cascade.SchoolExposure s : a.schools().values()) {
            if (!visible.test(s.school())) {
                continue;
            }
            blocks.add(String.valueOf(s.school().blockCode()));
            if (s.level() != null) {
                Exposure e = s.exposure();
                schools.add(new SchoolView(s.school().udiseCode(), s.school().blockCode(), round(e.probability()),
                        round(e.exposure()), round(e.own()), s.level(), path(e.path())));
            }
        }
        schools.sort(java.util.Comparator.comparingDouble((SchoolView v) -> -v.exposure())
            .thenComparing(SchoolView::udiseCode));
        Set<String> shown = new java.util.HashSet<>(schools.stream().map(SchoolView::udiseCode).toList());
        List<SourceView> sources = new ArrayList<>();
        for (Cascade.Source s : a.sources()) {
            List<String> affected = s.affected().stream().filter(shown::contains).toList();
            if (!affected.isEmpty()) {
                int children = a.schools()
                    .values()
                    .stream()
                    .filter(x -> affected.contains(x.school().udiseCode()))
                    .mapToInt(x -> x.school().enrollment())
                    .sum();
                sources.add(new SourceView(s.node().kind().name(), s.node().code(), s.level(), round(s.probability()),
                        affected, children, path(s.path())));
            }
        }
        List<BlockView> blockViews = a.blocks()
            .stream()
            .filter(b -> blocks.contains(b.blockCode()))
            .map(b -> new BlockView(b.blockCode(), b.schools(), b.exposed(), round(b.share()), b.warning()))
            .toList();
        return new CascadeResponse(district, asOf, sources, schools, blockViews);
    }

    static List<String> path(List<Node> path) {
        return path.stream().map(Node::toString).toList();
    }

    static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

}
