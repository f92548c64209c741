package in.mdm.school.masterdata;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceNamesTests {

    static final List<PlaceNames.Known> TAMIL_NADU = List.of(PlaceNames.Known.district("COIMBATORE"),
            PlaceNames.Known.district("KANCHIPURAM"), PlaceNames.Known.district("TIRUCHIRAPPALLI"),
            PlaceNames.Known.district("THE NILGIRIS"), PlaceNames.Known.district("TIRUNELVELI"),
            PlaceNames.Known.district("TIRUPPUR"));

    @Test
    void districtNamesAreTriedAsWrittenThenWithoutSuffixesAndBrackets() {
        assertThat(PlaceNames.districtKeys("Kancheepuram District"))
            .containsExactly(NameKey.of("Kancheepuram District"), NameKey.of("Kanchipuram"));
        assertThat(PlaceNames.districtKeys("Kancheepuram (Kanchipuram)"))
            .containsExactly(NameKey.of("Kancheepuram (Kanchipuram)"), NameKey.of("Kanchipuram"));
        assertThat(PlaceNames.districtKeys("Kaimur (Bhabua)")).containsExactly(NameKey.of("Kaimur Bhabua"),
                NameKey.of("Kaimur"), NameKey.of("Bhabua"));
        assertThat(PlaceNames.districtKeys("The Nilgiris Dist.")).endsWith(NameKey.of("Nilgiris"));
        assertThat(PlaceNames.districtKeys("Madurai Dt")).endsWith(NameKey.of("Madurai"));
        assertThat(PlaceNames.districtKeys("District")).containsExactly(NameKey.of("District"));
        assertThat(PlaceNames.districtKeys(" ")).isEmpty();
        assertThat(PlaceNames.districtKeys(null)).isEmpty();
    }

    @Test
    void blockNamesLoseBlockSuffixesAndLastOfAllRuralOrUrban() {
        assertThat(PlaceNames.blockKeys("Annur Block")).endsWith(NameKey.of("Annur"));
        assertThat(PlaceNames.blockKeys("Annur C.D. Block")).endsWith(NameKey.of("Annur"));
        assertThat(PlaceNames.blockKeys("Annur Blk.")).endsWith(NameKey.of("Annur"));
        assertThat(PlaceNames.blockKeys("Lalgudi (Rural)")).containsExactly(NameKey.of("Lalgudi Rural"),
                NameKey.of("Lalgudi"));
        assertThat(PlaceNames.blockKeys("Coimbatore Urban")).containsExactly(NameKey.of("Coimbatore Urban"),
                NameKey.of("Coimbatore"));
    }

    @Test
    void doubledLettersAndTransliterationsShareAKey() {
        assertThat(NameKey.of("Tiruchirapalli")).isEqualTo(NameKey.of("TIRUCHIRAPPALLI"));
        assertThat(NameKey.of("Villupuram")).isEqualTo(NameKey.of("Viluppuram"));
        assertThat(NameKey.of("Kanyakumari")).isEqualTo(NameKey.of("Kanniyakumari"));
    }

    @Test
    void theClosestNameIsSuggestedOnlyWhenClose() {
        assertThat(closest("Coimbator")).isEqualTo("COIMBATORE");
        assertThat(closest("Tirunelvely Dt")).isEqualTo("TIRUNELVELI");
        assertThat(closest("Nilgiri")).isEqualTo("THE NILGIRIS");
        assertThat(closest("Tirupur")).isEqualTo("TIRUPPUR");
        assertThat(closest("Gotham City")).isNull();
        assertThat(closest("Salem")).isNull();
        assertThat(closest("Kovai")).isNull();
        assertThat(closest(null)).isNull();
    }

    private static String closest(String name) {
        return PlaceNames.closest(name, PlaceNames.districtKeys(name), TAMIL_NADU);
    }

}
