package in.mdm.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void acceptsLongMixedPasswords() {
        assertThat(PasswordPolicy.problem("Kattur-School-2026", "hm.kattur")).isNull();
        assertThat(PasswordPolicy.problem("madurai school 2026!", "hm.kattur")).isNull();
        assertThat(PasswordPolicy.accepts("Abcdefghijk234567890", "admin")).as("what the launcher generates").isTrue();
    }

    @Test
    void lengthIsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.problem("Abcdefghij1!", "x")).as("12").isNull();
        assertThat(PasswordPolicy.problem("Abcdefghij1", "x")).as("11").isEqualTo("must have at least 12 characters");
        assertThat(PasswordPolicy.problem("A1-" + "x".repeat(125), "x")).as("128").isNull();
        assertThat(PasswordPolicy.problem("A1-" + "x".repeat(126), "x")).as("129")
            .isEqualTo("must have at most 128 characters");
        assertThat(PasswordPolicy.problem(null, "x")).isEqualTo("must have at least 12 characters");
    }

    @Test
    void needsThreeKindsOfCharacters() {
        assertThat(PasswordPolicy.problem("alllowercaseletters", "x")).contains("three of");
        assertThat(PasswordPolicy.problem("ALLUPPER12345", "x")).contains("three of");
        assertThat(PasswordPolicy.problem("lower-and-other", "x")).contains("three of");
        assertThat(PasswordPolicy.problem("lower-and-digits-1", "x")).isNull();
        assertThat(PasswordPolicy.problem("LowerAndUpper1", "x")).isNull();
    }

    @Test
    void refusesTheUsernameInAnyCaseButNotNamesShorterThanThree() {
        assertThat(PasswordPolicy.problem("X1-hm.kattur-2026", "hm.kattur")).isEqualTo("must not contain the username");
        assertThat(PasswordPolicy.problem("Super-ADMIN-2026", "admin")).isEqualTo("must not contain the username");
        assertThat(PasswordPolicy.accepts("Super-ADMIN-2026", "admin")).isFalse();
        assertThat(PasswordPolicy.problem("Kab-School-2026", "ab")).isNull();
        assertThat(PasswordPolicy.problem("Kattur-School-2026", null)).isNull();
    }

    @Test
    void refusesTheCommonPasswordsInAnyCase() {
        assertThat(PasswordPolicy.problem("Password@123", "x")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("pASSWORD@123", "x")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("Chennai@1234", "x")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("Chennai@12345", "x")).isNull();
    }

}
