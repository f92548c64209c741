package in.mdm.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.auth.user.UserEncryption;
import in.mdm.events.CloudEventCodec;
import in.mdm.events.auth.AuthTopics;
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.platform.security.crypto.EventSeal;
import in.mdm.platform.security.crypto.FieldCipher;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The users' e-mail, phone and name encrypted at rest: what a row holds, lookups by the
 * blind index, the start-up encryption of plain rows and key rotation.
 */
@AuthIntegrationTest
class UserEncryptionIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    UserEncryption encryption;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    @Test
    void aRegisteredUsersRowHoldsNoPlainEmailPhoneOrNameAndTheApiReadsThem() {
        String username = Api.unique("enc");
        ResponseEntity<Map> created = api.post("/api/v1/auth/register", register(username, username + "@tn.gov.in"),
                api.token(api.admin()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID id = UUID.fromString((String) created.getBody().get("id"));

        Map<String, Object> row = row(id);
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("display_name")).isNull();
        for (String column : List.of("email_enc", "phone_enc", "display_name_enc")) {
            assertThat((String) row.get(column)).as(column)
                .startsWith("v1:" + Api.CRYPTO_KEY_ID + ":")
                .doesNotContain(username)
                .doesNotContain("9443012345")
                .doesNotContain("tn.gov.in");
        }
        assertThat((String) row.get("email_index")).hasSize(64).doesNotContain(username);
        assertThat(row.get("phone_index")).isNotNull();

        assertThat(api.get("/api/v1/auth/users/" + id, api.token(api.admin())).getBody())
            .containsEntry("email", username + "@tn.gov.in")
            .containsEntry("phone", "+919443012345")
            .containsEntry("displayName", "HM " + username);
    }

    @Test
    void aSecondUserWithTheSameEmailInAnotherCaseIsRefused() {
        String admin = api.token(api.admin());
        String email = Api.unique("dup") + "@tn.gov.in";
        assertThat(api.post("/api/v1/auth/register", register(Api.unique("enc"), email), admin).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);

        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register", register(Api.unique("enc"), email.toUpperCase()), admin),
                HttpStatus.CONFLICT, "auth.user.duplicate-email");
    }

    @Test
    void plainRowsFromBeforeAreEncryptedByTheMigratorAndStillFoundByEmail() {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        jdbc.sql("update users set phone = '+919876543210' where id = :id").param("id", user.id()).update();
        assertThat(row(user.id())).containsEntry("email", user.username() + "@tn.gov.in")
            .containsEntry("email_enc", null);

        assertThat(encryption.encryptPlainRows()).isPositive();

        Map<String, Object> row = row(user.id());
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("display_name")).isNull();
        assertThat((String) row.get("email_enc")).startsWith("v1:" + Api.CRYPTO_KEY_ID + ":")
            .doesNotContain(user.username());
        assertThat((String) row.get("phone_enc")).doesNotContain("9876543210");
        assertThat(jdbc.sql("select count(*) from users where email_enc is null").query(Long.class).single()).isZero();
        assertThat(encryption.encryptPlainRows()).as("a second run has nothing to do").isZero();
        assertThat(api.get("/api/v1/auth/users/" + user.id(), api.token(api.admin())).getBody())
            .containsEntry("email", user.username() + "@tn.gov.in")
            .containsEntry("phone", "+919876543210")
            .containsEntry("displayName", "User " + user.username());

        // a password reset finds the user by the blind index of its address, in any case
        api.post("/api/v1/auth/reset-password", "{\"email\":\"" + user.username().toUpperCase() + "@Tn.Gov.In\"}",
                null);
        PasswordResetRequested reset = Api.awaitEvent(codec, AuthTopics.USERS, user.id().toString(),
                PasswordResetRequested.class);
        assertThat(reset.email()).startsWith(EventSeal.PREFIX).doesNotContain(user.username());
        assertThat(new EventSeal(FieldCipher.ofBase64(Map.of(Api.CRYPTO_KEY_ID, Api.CRYPTO_KEY), Api.CRYPTO_KEY_ID,
                Api.CRYPTO_INDEX_KEY))
            .open("in.mdm.auth.PasswordResetRequested.v1", "email", reset.email()))
            .isEqualTo(user.username() + "@tn.gov.in");
        assertThat(api.login(user.username(), Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rotationReencryptsEveryRowUnderAnotherKeyWithTheActiveKeyAndTheUsersStayReadable() {
        // the rows as the earlier keys wrote them: the earlier field key and index key
        FieldCipher old = FieldCipher.ofBase64(
                Map.of(Api.CRYPTO_OLD_KEY_ID, Api.CRYPTO_OLD_KEY, Api.CRYPTO_KEY_ID, Api.CRYPTO_KEY),
                Api.CRYPTO_OLD_KEY_ID, Api.CRYPTO_OLD_INDEX_KEY);
        Api.TestUser first = underOldKey(old, "+919443000001");
        Api.TestUser second = underOldKey(old, null);
        assertThat((String) row(first.id()).get("email_enc")).startsWith("v1:" + Api.CRYPTO_OLD_KEY_ID + ":");
        String admin = api.token(api.admin());
        // before the rotation, a row indexed under the earlier index key is still found
        // by its
        // address: a reset reaches it, and the same address cannot be registered again
        api.post("/api/v1/auth/reset-password", "{\"email\":\"" + first.username() + "@TN.gov.in\"}", null);
        assertThat(Api.awaitEvent(codec, AuthTopics.USERS, first.id().toString(), PasswordResetRequested.class))
            .isNotNull();
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/register",
                register("dup" + Api.code(6), second.username() + "@tn.gov.in"), admin), HttpStatus.CONFLICT,
                "auth.user.duplicate-email");
        assertThat(api.get("/api/v1/auth/field-keys/rotate", admin).getBody().get("remaining")).isNotEqualTo(0);

        ResponseEntity<Map> started = api.post("/api/v1/auth/field-keys/rotate", "", admin);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).containsEntry("activeKey", Api.CRYPTO_KEY_ID);
        assertThat((List<Map<String, Object>>) api
            .get("/api/v1/auth/audit-trail?action=field-keys.rotate&entityId=" + Api.CRYPTO_KEY_ID, admin)
            .getBody()
            .get("items")).as("the rotation's start in the chained trail").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> progress = api.get("/api/v1/auth/field-keys/rotate", admin).getBody();
            assertThat(progress).containsEntry("running", false).containsEntry("remaining", 0);
            assertThat((Map<String, Object>) progress.get("rowsByKey")).containsOnlyKeys(Api.CRYPTO_KEY_ID);
            assertThat(((Number) progress.get("done")).longValue()).isGreaterThanOrEqualTo(2);
        });

        assertThat(jdbc.sql("""
                select count(*) from users
                where email_enc not like 'v1:t2026:%' or phone_enc not like 'v1:t2026:%'
                   or display_name_enc not like 'v1:t2026:%' or email_enc is null""").query(Long.class).single())
            .isZero();
        assertThat(api.get("/api/v1/auth/users/" + first.id(), admin).getBody())
            .containsEntry("email", first.username() + "@tn.gov.in")
            .containsEntry("phone", "+919443000001")
            .containsEntry("displayName", "User " + first.username());
        assertThat(api.get("/api/v1/auth/users/" + second.id(), admin).getBody()).containsEntry("phone", null);
        // every index made again under the index key of now
        FieldCipher now = FieldCipher.ofBase64(Map.of(Api.CRYPTO_KEY_ID, Api.CRYPTO_KEY), Api.CRYPTO_KEY_ID,
                Api.CRYPTO_INDEX_KEY);
        assertThat(row(first.id()))
            .containsEntry("email_index", now.blindIndex("users.email", first.username() + "@tn.gov.in"))
            .containsEntry("phone_index", now.blindIndex("users.phone", "+919443000001"));
        assertThat(row(second.id())).containsEntry("email_index",
                now.blindIndex("users.email", second.username() + "@tn.gov.in"));
        assertThat(api.login(second.username(), Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/field-keys/rotate", "", api.token(api.districtOfficer(Api.code(4)))),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    /** A user whose personal data was written under the earlier key. */
    private Api.TestUser underOldKey(FieldCipher old, String phone) {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        String email = user.username() + "@tn.gov.in";
        jdbc.sql(
                """
                        update users set email = null, phone = null, display_name = null, email_enc = :email, phone_enc = :phone,
                                         display_name_enc = :name, email_index = :emailIndex, phone_index = :phoneIndex
                        where id = :id""")
            .param("id", user.id())
            .param("email", old.encrypt("users.email", email))
            .param("phone", old.encrypt("users.phone", phone))
            .param("name", old.encrypt("users.display_name", "User " + user.username()))
            .param("emailIndex", old.blindIndex("users.email", email))
            .param("phoneIndex", phone == null ? null : old.blindIndex("users.phone", phone))
            .update();
        return user;
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("""
                select email, phone, display_name, email_enc, phone_enc, display_name_enc, email_index, phone_index
                from users where id = :id""").param("id", id).query().singleRow();
    }

    private static String register(String username, String email) {
        return """
                {"username":"%s","email":"%s","phone":"+919443012345","displayName":"HM %s",
                 "role":"SCHOOL","jurisdictionLevel":"SCHOOL","jurisdictionCode":"%s","districtCode":"568","blockCode":"6301"}"""
            .formatted(username, email, username, Api.code(11));
    }

}
