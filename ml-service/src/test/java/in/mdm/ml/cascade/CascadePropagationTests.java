package in.mdm.ml.cascade;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import in.mdm.ml.cascade.CascadePropagation.Exposure;
import in.mdm.ml.cascade.SupplyGraph.Kind;
import in.mdm.ml.cascade.SupplyGraph.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Noisy-OR propagation on a network small enough to check by hand: supplier S (0.5) →
 * kitchen K (own 0.1, dependence 0.8) → schools A (own 0) and B (own 0.2), total
 * dependence; school C (own 0, no kitchen) shares with A.
 */
class CascadePropagationTests {

    static SupplyGraph network(double buffer) {
        SupplyGraph g = new SupplyGraph();
        Node s = g.node(Kind.SUPPLIER, "S", 0.5);
        Node k = g.node(Kind.KITCHEN, "K", 0.1);
        Node a = g.node(Kind.SCHOOL, "A", 0);
        Node b = g.node(Kind.SCHOOL, "B", 0.2);
        Node c = g.node(Kind.SCHOOL, "C", 0);
        g.depends(k, s, 0.8);
        g.depends(a, k, 1.0);
        g.depends(b, k, 1.0);
        if (buffer > 0) {
            g.shares(a, c, buffer);
        }
        return g;
    }

    @Test
    void twoHopsCarryTheSupplierToTheSchoolsNoisyOr() {
        Map<Node, Exposure> p = CascadePropagation.propagate(network(0), 2);
        // K = 1 - (1 - 0.1)(1 - 0.8 * 0.5) = 0.46
        assertThat(p.get(new Node(Kind.KITCHEN, "K")).probability()).isCloseTo(0.46, within(1e-9));
        // A = 1 - (1 - 0)(1 - 1.0 * 0.46) = 0.46; B = 1 - 0.8 * 0.54 = 0.568
        Exposure a = p.get(new Node(Kind.SCHOOL, "A"));
        assertThat(a.probability()).isCloseTo(0.46, within(1e-9));
        assertThat(a.exposure()).isCloseTo(0.46, within(1e-9));
        Exposure b = p.get(new Node(Kind.SCHOOL, "B"));
        assertThat(b.probability()).isCloseTo(0.568, within(1e-9));
        assertThat(b.exposure()).isCloseTo(0.46, within(1e-9));
        assertThat(b.own()).isEqualTo(0.2);
        // the supplier's term 0.8 * 0.5 = 0.4 outweighs the kitchen's own 0.1: the path
        // starts at S
        assertThat(a.path()).containsExactly(new Node(Kind.SUPPLIER, "S"), new Node(Kind.KITCHEN, "K"),
                new Node(Kind.SCHOOL, "A"));
        assertThat(a.source()).isEqualTo(new Node(Kind.SUPPLIER, "S"));
        assertThat(p.get(new Node(Kind.SCHOOL, "C")).probability()).isZero();
    }

    @Test
    void oneHopReachesOnlyTheKitchensOwnFailure() {
        Map<Node, Exposure> p = CascadePropagation.propagate(network(0), 1);
        // after one hop A sees K's own 0.1 only
        assertThat(p.get(new Node(Kind.SCHOOL, "A")).probability()).isCloseTo(0.1, within(1e-9));
        assertThat(p.get(new Node(Kind.SCHOOL, "A")).path()).hasSize(2);
    }

    @Test
    void aWellNeighbourWithinSharingDistanceBuffers() {
        Map<Node, Exposure> p = CascadePropagation.propagate(network(0.5), 3);
        // C is well (P = 0): A's exposure 0.46 * (1 - 0.5 * 1) = 0.23
        assertThat(p.get(new Node(Kind.SCHOOL, "A")).exposure()).isCloseTo(0.23, within(1e-9));
        assertThat(p.get(new Node(Kind.SCHOOL, "B")).exposure()).isCloseTo(0.46, within(1e-9));
    }

    @Test
    void aKitchenOutOfStockExposesItsSchoolsAndWarnsABlockOverTheShare() {
        CascadeModel model = CascadeModel.DEFAULT;
        List<Cascade.School> schools = List.of(
                new Cascade.School("33850800301", "6308", 100, 0, "K1", Double.NaN, Double.NaN),
                new Cascade.School("33850800302", "6308", 50, 0, "K1", Double.NaN, Double.NaN),
                new Cascade.School("33850800303", "6308", 80, 0, "K2", Double.NaN, Double.NaN),
                new Cascade.School("33850900301", "6309", 70, 0, "K2", Double.NaN, Double.NaN));
        Map<String, Cascade.Site> sites = Map.of("K1", new Cascade.Site("K1", true, false, 0, true, Set.of("S1")), "K2",
                new Cascade.Site("K2", false, false, Double.NaN, false, Set.of("S1")));
        Cascade.Assessment a = Cascade.assess(model, schools, sites, Map.of("S1", 1));
        // K1 out with a late delivery: 0.95, its schools 0.98 * (1 - 0.05 * (1 - 0.9 *
        // 0.07)) ~ 0.931
        assertThat(a.schools().get("33850800301").level()).isEqualTo("CRITICAL");
        assertThat(a.schools().get("33850800303").level()).isNull();
        assertThat(a.sources()).singleElement().satisfies(s -> {
            assertThat(s.node()).isEqualTo(new Node(Kind.KITCHEN, "K1"));
            assertThat(s.affected()).containsExactly("33850800301", "33850800302");
            assertThat(s.children()).isEqualTo(150);
            assertThat(s.blocks()).containsExactly("6308");
        });
        // block 6308: 2 of 3 exposed (over 30 %); 6309: none
        assertThat(a.warnedBlocks()).containsExactly("6308");
    }

    @Test
    void aSchoolsOwnStoreThreateningOnlyItselfIsNoCascadeButASharedKitchenOrASupplierIs() {
        String school = "33270100201";
        Node self = new Node(Kind.KITCHEN, school);
        assertThat(CascadeService
            .ownStore(new Cascade.Source(self, 1, "CRITICAL", List.of(school), 90, List.of(self), Set.of()))).isTrue();
        Node kitchen = new Node(Kind.KITCHEN, "5f0c1f0e-0000-4000-8000-000000000001");
        assertThat(CascadeService
            .ownStore(new Cascade.Source(kitchen, 1, "CRITICAL", List.of(school), 90, List.of(kitchen), Set.of())))
            .isFalse();
        Node supplier = new Node(Kind.SUPPLIER, "TNCSC-1");
        assertThat(CascadeService
            .ownStore(new Cascade.Source(supplier, 0.5, "HIGH", List.of(school), 90, List.of(supplier), Set.of())))
            .isFalse();
    }

}
