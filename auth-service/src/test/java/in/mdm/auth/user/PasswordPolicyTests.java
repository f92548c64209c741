package in.mdm.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void acceptsLongMixedPasswords() {
        assertThat(PasswordPolicy.problem("Kattur-School-2026", "hm.kattur")).isNull();
        assertThat(PasswordPolicy.problem("Abcdefghijk234567890", "admin")).as("what the launcher generates").isNull();
        assertThat(PasswordPolicy.problem("madurai school 2026!", "hm.kattur")).isNull();
    }

    @Test
    void refusesShortLongUniformUsernameAndCommonPasswords() {
        assertThat(PasswordPolicy.problem("Short-1a", "x")).contains("at least 12");
        assertThat(PasswordPolicy.problem("A1-" + "x".repeat(126), "x")).contains("at most 128");
        assertThat(PasswordPolicy.problem("alllowercaseletters", "x")).contains("three of");
        assertThat(PasswordPolicy.problem("ALLUPPER12345", "x")).contains("three of");
        assertThat(PasswordPolicy.problem("X1-hm.kattur-2026", "hm.kattur")).contains("username");
        assertThat(PasswordPolicy.problem("Password@123", "x")).contains("too common");
        assertThat(PasswordPolicy.problem(null, "x")).isNotNull();
    }

}
