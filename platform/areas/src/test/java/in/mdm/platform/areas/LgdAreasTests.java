package in.mdm.platform.areas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LgdAreasTests {

    private final LgdAreas india = LgdAreas.india();

    @Test
    void namesTamilNadusDistrictsAndBlocksAsPeopleWriteThem() {
        assertThat(india.stateName("33")).hasValue("Tamil Nadu");
        assertThat(india.districtName("568")).hasValue("Chennai");
        assertThat(india.districtName(" 569 ")).hasValue(india.districtName("569").orElseThrow());
        assertThat(india.districtName("632")).hasValue("North and Middle Andaman");
        assertThat(india.blockName("6498")).hasValue("Campbell Bay");
    }

    @Test
    void aDistrictWithoutBlocksHasOneOfItsOwn() {
        assertThat(LgdAreas.ownBlockCode("568")).isEqualTo("900568");
        assertThat(india.blockName("900568")).hasValue("Chennai");
        assertThat(india.blockName("568", "900568")).hasValue("Chennai");
    }

    @Test
    void aBlockIsNamedOnlyInItsOwnDistrict() {
        assertThat(india.blockName("571", "7477")).hasValue("Eriyur");
        // 7101 is a block of Haryana's Nuh, not of Dharmapuri
        assertThat(india.blockName("7101")).hasValue("Indri");
        assertThat(india.blockName("571", "7101")).isEmpty();
    }

    @Test
    void holdsAllOfIndia() {
        assertThat(india.districtCount()).isEqualTo(763);
        assertThat(india.blockCount()).isGreaterThan(7000);
    }

    @Test
    void anUnknownOrMissingCodeHasNoName() {
        assertThat(india.districtName("999999")).isEmpty();
        assertThat(india.blockName(null)).isEmpty();
    }

    @Test
    void capitalisesAfterHyphensAndBracketsAndKeepsJoiningWordsSmall() {
        assertThat(LgdAreas.display("  SOUTH   SALMARA-MANCACHAR ")).isEqualTo("South Salmara-Mancachar");
        assertThat(LgdAreas.display("THE NILGIRIS")).isEqualTo("The Nilgiris");
        assertThat(LgdAreas.display("DADRA AND NAGAR HAVELI (DNH)")).isEqualTo("Dadra and Nagar Haveli (Dnh)");
    }

}
