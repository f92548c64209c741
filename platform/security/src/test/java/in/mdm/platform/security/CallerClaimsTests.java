package in.mdm.platform.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import in.mdm.events.Jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

class CallerClaimsTests {

    final CallerClaims claims = new CallerClaims("33");

    @Test
    void ourTokenGivesRolesJurisdictionAndUsername() {
        Caller caller = claims.caller(Map.of("sub", "deo.chennai", "roles", List.of("OFFICER"), "jurisdiction",
                Map.of("level", "DISTRICT", "code", "568"), "jti", "j-1", "iss", "http://gw"));
        assertThat(caller.roles()).containsExactly(Role.OFFICER);
        assertThat(caller.jurisdiction()).isEqualTo(Jurisdiction.district("568"));
        assertThat(caller.username()).isEqualTo("deo.chennai");
        assertThat(caller.isMachine()).isFalse();
        assertThat(CallerClaims.authorities(caller)).extracting(Object::toString).containsExactly("ROLE_OFFICER");
    }

    @Test
    void keycloakTokenMixesDefaultRolesAndCarriesJurisdictionAsAJsonString() {
        Caller caller = claims.caller(Map.of("sub", "5b8f0c1e-0d5e-4c43-9f43-0a8a4d2f7c11", "preferred_username",
                "beo.kattur", "realm_access",
                Map.of("roles", List.of("offline_access", "default-roles-mdm", "uma_authorization", "officer")),
                "jurisdiction", "{\"level\":\"BLOCK\",\"code\":\"6301\"}"));
        assertThat(caller.roles()).containsExactly(Role.OFFICER);
        assertThat(caller.username()).isEqualTo("beo.kattur");
        assertThat(caller.subject()).isEqualTo("5b8f0c1e-0d5e-4c43-9f43-0a8a4d2f7c11");
        assertThat(caller.jurisdiction()).isEqualTo(Jurisdiction.block("6301"));
    }

    @Test
    void anAdminWithoutJurisdictionWorksForTheStateAndAnOfficerWithoutOneSeesNothing() {
        assertThat(claims.caller(Map.of("sub", "a", "roles", List.of("ADMIN"))).jurisdiction())
            .isEqualTo(Jurisdiction.state("33"));
        Caller officer = claims.caller(Map.of("sub", "o", "roles", List.of("OFFICER")));
        assertThat(officer.jurisdiction()).isNull();
        assertThat(officer.covers("568", "6301", "33020100101")).isFalse();
        assertThat(JurisdictionScope.of(officer).where(JurisdictionScope.Columns.located("d", "b", "u")).sql())
            .isEqualTo("false");
    }

    @Test
    void aMachineClientHasScopesAndNoRoles() {
        Caller treasury = claims
            .caller(Map.of("sub", "treasury", "scope", "finance:treasury-callback  schools:import"));
        assertThat(treasury.isMachine()).isTrue();
        assertThat(treasury.scopes()).containsExactlyInAnyOrder("finance:treasury-callback", "schools:import");
        assertThat(CallerClaims.authorities(treasury)).extracting(Object::toString)
            .containsExactlyInAnyOrder("SCOPE_finance:treasury-callback", "SCOPE_schools:import");
    }

    @Test
    void unknownLevelsAndRoleNamesAreIgnored() {
        Caller caller = claims.caller(Map.of("sub", "x", "roles", List.of("ROOT", "mdm-school"), "jurisdiction",
                Map.of("level", "PLANET", "code", "3")));
        assertThat(caller.roles()).containsExactly(Role.SCHOOL);
        assertThat(caller.jurisdiction()).isNull();
    }

    @Test
    void coversFollowsTheLevel() {
        Caller district = caller(Jurisdiction.district("568"));
        Caller block = caller(Jurisdiction.block("6301"));
        Caller school = caller(Jurisdiction.school("33020100101"));
        assertThat(district.covers("568", "6301", "33020100101")).isTrue();
        assertThat(district.covers("569", "6301", "33020100101")).isFalse();
        assertThat(block.covers("568", "6301", "33020100101")).isTrue();
        assertThat(block.covers("568", "6302", "33020100102")).isFalse();
        assertThat(block.covers("568", null, null)).as("a district-wide record is not inside a block").isFalse();
        assertThat(school.covers("568", "6301", "33020100101")).isTrue();
        assertThat(school.covers("568", "6301", "33020100102")).isFalse();
    }

    private static Caller caller(Jurisdiction jurisdiction) {
        return new Caller("s", "s", java.util.Set.of(Role.OFFICER), jurisdiction, java.util.Set.of(), "j", "i");
    }

}
