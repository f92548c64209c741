package in.mdm.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.JurisdictionScope.Columns;
import in.mdm.platform.security.JurisdictionScope.Condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory check, the SQL it stands for, and who covers a school. What the SQL
 * selects is tested on PostgreSQL in the service starter.
 */
class JurisdictionScopeTests {

    static final Columns SCHOOLS = Columns.located("s.district_code", "s.block_code", "s.udise_code");
    static final Columns KITCHENS = Columns.located("k.district_code", "k.block_code", null);

    static final JurisdictionScope STATE = JurisdictionScope.of(Jurisdiction.state("33"));
    static final JurisdictionScope CHENNAI = JurisdictionScope.of(Jurisdiction.district("568"));
    static final JurisdictionScope BLOCK_6301 = JurisdictionScope.of(Jurisdiction.block("6301"));
    static final JurisdictionScope SCHOOL = JurisdictionScope.of(Jurisdiction.school("33020100101"));
    static final JurisdictionScope NOTHING = JurisdictionScope.of((Jurisdiction) null);

    @Test
    void eachLevelCoversWhatLiesInsideIt() {
        assertThat(STATE.covers("568", "6301", "33020100101")).isTrue();
        assertThat(STATE.covers(null, null, null)).as("a state-wide record").isTrue();
        assertThat(CHENNAI.covers("568", "6301", "33020100101")).isTrue();
        assertThat(CHENNAI.covers("568", null, null)).as("the district's own record").isTrue();
        assertThat(CHENNAI.covers("569", "6301", "33020100101")).isFalse();
        assertThat(BLOCK_6301.covers("568", "6301", "33020100101")).isTrue();
        assertThat(BLOCK_6301.covers("568", "6302", "33020100102")).isFalse();
        assertThat(BLOCK_6301.covers("568", null, null)).as("a district-wide record is not inside a block").isFalse();
        assertThat(SCHOOL.covers("568", "6301", "33020100101")).isTrue();
        assertThat(SCHOOL.covers("568", "6301", "33020100102")).isFalse();
        assertThat(NOTHING.covers("568", "6301", "33020100101")).as("a token naming no jurisdiction").isFalse();
    }

    @Test
    void aCallerCoversWhatItsJurisdictionCovers() {
        Caller officer = new Caller("o", "o", Set.of(Role.OFFICER), Jurisdiction.block("6301"), Set.of(), "j", "i");
        assertThat(officer.covers("568", "6301", "33020100101")).isTrue();
        assertThat(officer.covers("568", "6302", "33020100101")).isFalse();
        assertThat(JurisdictionScope.of(officer).jurisdiction()).isEqualTo(Jurisdiction.block("6301"));
        Caller nobody = new Caller("n", "n", Set.of(Role.OFFICER), null, Set.of(), "j", "i");
        assertThat(nobody.covers("568", "6301", "33020100101")).isFalse();
        assertThat(JurisdictionScope.of(nobody).where(SCHOOLS).sql()).isEqualTo("false");
    }

    @Test
    void theCodeIsABoundParameterNeverPartOfTheSql() {
        Condition district = CHENNAI.where(SCHOOLS);
        assertThat(district.sql()).isEqualTo("s.district_code = :jur_s_district_code").doesNotContain("568");
        assertThat(district.params()).containsExactlyEntriesOf(java.util.Map.of("jur_s_district_code", "568"));

        JurisdictionScope hostile = JurisdictionScope.of(Jurisdiction.district("568' or '1'='1"));
        assertThat(hostile.where(SCHOOLS).sql()).isEqualTo("s.district_code = :jur_s_district_code");
        assertThat(hostile.where(Columns.school("p.udise_code")).sql()).doesNotContain("'1'");
        assertThat(hostile.where(Columns.scoped("scope_level", "scope_code", null)).sql()).doesNotContain("'1'");
    }

    @Test
    void theStateSeesEveryRowAndNoJurisdictionNone() {
        for (Columns columns : List.of(SCHOOLS, KITCHENS, Columns.school("udise_code"),
                Columns.scoped("l", "c", null))) {
            assertThat(STATE.where(columns).sql()).isEqualTo("true");
            assertThat(STATE.where(columns).params()).isEmpty();
            assertThat(NOTHING.where(columns).sql()).isEqualTo("false");
        }
    }

    @Test
    void aLevelTheTableHasNoColumnForSeesNone() {
        assertThat(SCHOOL.where(KITCHENS).sql()).as("a headmaster and the kitchens").isEqualTo("false");
        assertThat(BLOCK_6301.where(KITCHENS).sql()).isEqualTo("k.block_code = :jur_k_block_code");
    }

    @Test
    void rowsNamingASchoolOnlyArePlacedThroughSchoolLocations() {
        assertThat(CHENNAI.where(Columns.school("from_udise_code")).sql()).isEqualTo(
                "from_udise_code in (select jur_l.udise_code from school_locations jur_l where jur_l.district_code = :jur_from_udise_code)");
        assertThat(SCHOOL.where(Columns.school("from_udise_code")).sql())
            .isEqualTo("from_udise_code = :jur_from_udise_code");
    }

    @Test
    void conditionsOnDifferentColumnsCombineInOneStatement() {
        Condition either = CHENNAI.where(Columns.school("from_udise_code"))
            .or(CHENNAI.where(Columns.school("to_udise_code")));
        assertThat(either.params()).containsOnlyKeys("jur_from_udise_code", "jur_to_udise_code");
        assertThat(either.sql()).startsWith("(from_udise_code in").contains(" or to_udise_code in");

        Condition both = CHENNAI.where(SCHOOLS).and(CHENNAI.where(KITCHENS));
        assertThat(both.params()).containsOnlyKeys("jur_s_district_code", "jur_k_district_code");

        assertThatThrownBy(
                () -> CHENNAI.where(SCHOOLS).and(JurisdictionScope.of(Jurisdiction.district("569")).where(SCHOOLS)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("jur_s_district_code");
    }

    @Test
    void trueAndFalseFoldAway() {
        Condition some = CHENNAI.where(SCHOOLS);
        assertThat(STATE.where(SCHOOLS).or(some).sql()).isEqualTo("true");
        assertThat(NOTHING.where(SCHOOLS).or(some)).isSameAs(some);
        assertThat(STATE.where(SCHOOLS).and(some)).isSameAs(some);
        assertThat(NOTHING.where(SCHOOLS).and(some).sql()).isEqualTo("false");
    }

    @Test
    void columnNamesMustBeIdentifiers() {
        assertThatThrownBy(() -> Columns.located("district_code or true", null, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Columns.school("u; drop table schools")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Columns.scoped("(case when 1 then 1 end)", "c", null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Columns.located(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJurisdictionsCoveringASchoolAreExactlyThoseWhoseScopeCoversIt() {
        assertThat(JurisdictionScope.covering("33", "568", "6301", "33020100101")).containsExactly(
                Jurisdiction.state("33"), Jurisdiction.district("568"), Jurisdiction.block("6301"),
                Jurisdiction.school("33020100101"));
        assertThat(JurisdictionScope.covering("33", "568", null, null)).containsExactly(Jurisdiction.state("33"),
                Jurisdiction.district("568"));

        List<Jurisdiction> candidates = new ArrayList<>();
        for (String district : List.of("568", "569")) {
            candidates.add(Jurisdiction.district(district));
        }
        for (String block : List.of("6301", "6302", "6401")) {
            candidates.add(Jurisdiction.block(block));
        }
        for (String udise : List.of("33020100101", "33020100102", "33120100301")) {
            candidates.add(Jurisdiction.school(udise));
        }
        candidates.add(Jurisdiction.state("33"));
        String[][] schools = { { "568", "6301", "33020100101" }, { "568", "6302", "33020100102" },
                { "569", "6401", "33120100301" } };
        for (String[] s : schools) {
            List<Jurisdiction> covering = JurisdictionScope.covering("33", s[0], s[1], s[2]);
            for (Jurisdiction candidate : candidates) {
                assertThat(JurisdictionScope.of(candidate).covers(s[0], s[1], s[2]))
                    .as("%s covers %s", candidate, String.join("/", s))
                    .isEqualTo(covering.contains(candidate));
            }
        }
    }

}
