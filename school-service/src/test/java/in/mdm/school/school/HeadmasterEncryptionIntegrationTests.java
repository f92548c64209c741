package in.mdm.school.school;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.platform.crypto.CryptoProperties;
import in.mdm.platform.security.crypto.FieldCipher;
import in.mdm.school.Api;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Headmasters' names and phones encrypted at rest: what a school's row and its audit
 * trail hold, what the API answers, the start-up encryption of rows written in plain
 * text, the search by phone through the blind index within the caller's jurisdiction, and
 * key rotation. The ring of the tests ({@code config/application.properties}) is s2025
 * and s2026, s2026 active.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class HeadmasterEncryptionIntegrationTests {

    static final String OLD_KEY = "c2Nob29sLXRlc3Qta2V5LTIwMjUtbm90LWZvci11c2U=";

    static final String KEY = "c2Nob29sLXRlc3Qta2V5LTIwMjYtbm90LWZvci11c2U=";

    static final String INDEX_KEY = "c2Nob29sLXRlc3QtaW5kZXgta2V5LW5vdC1mb3ItdXM=";

    /** The index key before {@link #INDEX_KEY}: the tests run during its rotation. */
    static final String OLD_INDEX_KEY = "c2Nob29sLW9sZC1pbmRleC1rZXktbm90LWZvci11c2U=";

    /** The service's ring, to read what the rows and the audit trail hold. */
    static final FieldCipher RING = FieldCipher.ofBase64(Map.of("s2025", OLD_KEY, "s2026", KEY), "s2026", INDEX_KEY);

    /**
     * Thanjavur (block Ammapettai) and Tirunelveli (block Ambasamudram), no other test's.
     */
    static final String THANJAVUR = "586";

    static final String TIRUNELVELI = "592";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HeadmasterEncryption encryption;

    @Autowired
    HeadmasterEncryptionRepository rows;

    @Autowired
    HeadmasterFields fields;

    @Autowired
    FieldCipher cipher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void aSchoolsRowHoldsNoPlainHeadmasterAfterARegisterOrAnUpdateAndTheApiAnswersThemDecrypted() {
        String udise = "33120100001";
        ResponseEntity<Map> created = admin().post("/api/v1/schools",
                school(udise, THANJAVUR, "6320", "PUMS Ammapettai", "R. Meenakshi Sundaram", "+919840000001"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("headmasterName", "R. Meenakshi Sundaram")
            .containsEntry("headmasterPhone", "+919840000001");
        Map<String, Object> registered = row(udise);
        assertEncrypted(registered, "Meenakshi", "9840000001");
        assertThat(RING.decrypt("schools.headmaster_name", (String) registered.get("headmaster_name_enc")))
            .isEqualTo("R. Meenakshi Sundaram");
        assertThat(registered.get("headmaster_phone_index"))
            .isEqualTo(RING.blindIndex("schools.headmaster_phone", "+919840000001"));
        assertThat(admin().get("/api/v1/schools/" + udise).getBody())
            .containsEntry("headmasterName", "R. Meenakshi Sundaram")
            .containsEntry("headmasterPhone", "+919840000001");

        // a new headmaster: the cached school is dropped, the row holds the new one
        // encrypted
        ResponseEntity<Map> updated = admin().put("/api/v1/schools/" + udise,
                update(THANJAVUR, "6320", "PUMS Ammapettai", "S. Lakshmi Priya", "09840000002"));
        assertThat(updated.getBody()).containsEntry("headmasterName", "S. Lakshmi Priya")
            .containsEntry("headmasterPhone", "09840000002");
        Map<String, Object> changed = row(udise);
        assertEncrypted(changed, "Lakshmi", "9840000002");
        assertThat(changed.get("headmaster_phone_index"))
            .as("the index is over the normalized number, whatever form it was given in")
            .isEqualTo(RING.blindIndex("schools.headmaster_phone", "+919840000002"));
        assertThat(admin().get("/api/v1/schools/" + udise).getBody())
            .containsEntry("headmasterName", "S. Lakshmi Priya")
            .containsEntry("headmasterPhone", "09840000002");
        assertThat(admin().get("/api/v1/schools?headmasterPhone=9840000002").getBody()).containsEntry("total", 1);

        // another field changes, the headmaster does not: the stored ciphertexts stay as
        // they are
        admin().put("/api/v1/schools/" + udise,
                update(THANJAVUR, "6320", "PUMS Ammapettai North", "S. Lakshmi Priya", "09840000002"));
        Map<String, Object> renamed = row(udise);
        assertThat(renamed.get("headmaster_name_enc")).isEqualTo(changed.get("headmaster_name_enc"));
        assertThat(renamed.get("headmaster_phone_enc")).isEqualTo(changed.get("headmaster_phone_enc"));

        // the headmaster removed: nothing left of it
        admin().put("/api/v1/schools/" + udise, update(THANJAVUR, "6320", "PUMS Ammapettai North", null, null));
        assertThat(row(udise)).containsEntry("headmaster_name_enc", null)
            .containsEntry("headmaster_phone_enc", null)
            .containsEntry("headmaster_phone_index", null);
        assertThat(admin().get("/api/v1/schools/" + udise).getBody()).containsEntry("headmasterName", null)
            .containsEntry("headmasterPhone", null);
    }

    @Test
    void theAuditTrailOfAChangeHoldsTheHeadmasterEncryptedNeverInPlainText() {
        String udise = "33120100002";
        admin().post("/api/v1/schools",
                school(udise, THANJAVUR, "6320", "PUMS Budalur", "K. Arumugam Pillai", "+919840000021"));
        admin().put("/api/v1/schools/" + udise,
                update(THANJAVUR, "6320", "PUMS Budalur", "V. Kalaiselvi Ramesh", "+919840000022"));
        admin().put("/api/v1/schools/" + udise,
                update(THANJAVUR, "6320", "PUMS Budalur East", "V. Kalaiselvi Ramesh", "+919840000022"));

        List<Map<String, Object>> changes = jdbc.sql("""
                select action, before, after from audit_trail where entity_type = 'school' and entity_id = :udise
                order by seq""").param("udise", udise).query().listOfRows();
        assertThat(changes).extracting(c -> c.get("action"))
            .containsExactly("school.register", "school.update", "school.update");
        for (Map<String, Object> change : changes) {
            for (String side : new String[] { "before", "after" }) {
                String json = (String) change.get(side);
                if (json != null) {
                    assertThat(json).as(change.get("action") + " " + side)
                        .doesNotContain("Arumugam")
                        .doesNotContain("Kalaiselvi")
                        .doesNotContain("984000002")
                        .contains("\"headmasterName\":\"v1:s2026:")
                        .contains("\"headmasterPhone\":\"v1:s2026:");
                }
            }
        }
        assertThat(jdbc.sql("""
                select count(*) from audit_trail
                where before like '%Arumugam%' or after like '%Arumugam%' or before like '%Kalaiselvi%'
                   or after like '%Kalaiselvi%' or before like '%984000002%' or after like '%984000002%'""")
            .query(Long.class)
            .single()).isZero();

        // the values are the row's ciphertexts, readable with the ring (an
        // investigation's copy)
        Map<String, Object> headmasterChange = audit(udise, 1);
        assertThat(RING.decrypt("schools.headmaster_name", headmaster(headmasterChange, "before", "headmasterName")))
            .isEqualTo("K. Arumugam Pillai");
        assertThat(RING.decrypt("schools.headmaster_phone", headmaster(headmasterChange, "after", "headmasterPhone")))
            .isEqualTo("+919840000022");
        Map<String, Object> renaming = audit(udise, 2);
        assertThat(headmaster(renaming, "before", "headmasterPhone"))
            .as("an unchanged headmaster shows as the same ciphertext before and after")
            .isEqualTo(headmaster(renaming, "after", "headmasterPhone"))
            .isEqualTo(row(udise).get("headmaster_phone_enc"));
        assertThat(headmaster(renaming, "before", "headmasterName"))
            .isEqualTo(headmaster(renaming, "after", "headmasterName"));
        assertThat(admin().get("/api/v1/schools/audit/verify").getBody()).containsEntry("intact", true);
    }

    @Test
    void rowsWrittenInPlainTextBeforeTheMigrationAreEncryptedInBatchesAndNothingIsLostWhenAStartStopsMidway() {
        List<String> plain = List.of("33120200001", "33120200002", "33120200003", "33120200004", "33120200005");
        for (int i = 0; i < plain.size(); i++) {
            admin().post("/api/v1/schools", school(plain.get(i), THANJAVUR, "6321", "PUMS Plain " + i, null, null));
            // as the row was before V202612051700: plain columns only
            jdbc.sql("update schools set headmaster_name = :name, headmaster_phone = :phone where udise_code = :udise")
                .param("name", i == 4 ? null : "Plain Headmaster " + i)
                .param("phone", "984000010" + i)
                .param("udise", plain.get(i))
                .update();
        }
        assertThat(admin().get("/api/v1/schools/" + plain.get(0)).getBody())
            .as("a row not yet encrypted is read from its plain columns")
            .containsEntry("headmasterName", "Plain Headmaster 0")
            .containsEntry("headmasterPhone", "9840000100");
        assertThat(udiseCodes(encoded("/api/v1/schools?headmasterPhone=%2B919840000101")))
            .as("and found by its number in another form")
            .containsExactly(plain.get(1));

        // a start that stops after its first batch of 2 (destroyed while running)
        HeadmasterEncryption stopped = new HeadmasterEncryption(rows, fields, cipher, transaction, clock,
                new CryptoProperties(Map.of(), null, null, null, 2, null));
        stopped.destroy();
        assertThat(stopped.encryptPlainRows()).isEqualTo(2);
        assertThat(plainRows()).containsExactly(plain.get(2), plain.get(3), plain.get(4));
        assertEncrypted(row(plain.get(0)), "Plain Headmaster", "9840000100");

        // the next start does the rest, once
        assertThat(encryption.encryptPlainRows()).isEqualTo(3);
        assertThat(plainRows()).isEmpty();
        assertThat(encryption.encryptPlainRows()).as("a second run has nothing to do").isZero();
        for (int i = 0; i < plain.size(); i++) {
            Map<String, Object> row = row(plain.get(i));
            assertEncrypted(row, "Plain Headmaster", "984000010" + i);
            assertThat(row.get("headmaster_phone_index"))
                .isEqualTo(RING.blindIndex("schools.headmaster_phone", "+91984000010" + i));
        }
        assertThat(row(plain.get(4))).containsEntry("headmaster_name_enc", null);
        assertThat(admin().get("/api/v1/schools/" + plain.get(3)).getBody())
            .containsEntry("headmasterName", "Plain Headmaster 3")
            .containsEntry("headmasterPhone", "9840000103");
        assertThat(udiseCodes(admin().get("/api/v1/schools?headmasterPhone=919840000104")))
            .containsExactly(plain.get(4));
    }

    @Test
    void searchByPhoneFindsTheSchoolsOfTheNumberInTheCallersJurisdictionOnly() {
        String thanjavur = "33120300001";
        String tirunelveli = "33120300002";
        String other = "33120300003";
        admin().post("/api/v1/schools",
                school(thanjavur, THANJAVUR, "6322", "PUMS Kumbakonam", "A. Selvam", "+919840000031"));
        admin().post("/api/v1/schools",
                school(tirunelveli, TIRUNELVELI, "6385", "PUMS Ambasamudram", "A. Selvam", "9840000031"));
        admin().post("/api/v1/schools",
                school(other, TIRUNELVELI, "6385", "PUMS Ambasamudram East", "B. Mani", "+919840000032"));

        for (String form : List.of("%2B919840000031", "+919840000031", "919840000031", "9840000031", "09840000031")) {
            assertThat(udiseCodes(encoded("/api/v1/schools?headmasterPhone=" + form))).as(form)
                .containsExactly(thanjavur, tirunelveli);
        }
        assertThat(udiseCodes(
                Api.as(http, TestTokens.officer(THANJAVUR)).get("/api/v1/schools?headmasterPhone=9840000031")))
            .containsExactly(thanjavur);
        assertThat(udiseCodes(
                Api.as(http, TestTokens.officer(TIRUNELVELI)).get("/api/v1/schools?headmasterPhone=9840000031")))
            .containsExactly(tirunelveli);
        assertThat(udiseCodes(
                Api.as(http, TestTokens.school(thanjavur)).get("/api/v1/schools?headmasterPhone=9840000031")))
            .containsExactly(thanjavur);
        assertThat(udiseCodes(
                Api.as(http, TestTokens.officer(THANJAVUR)).get("/api/v1/schools?headmasterPhone=9840000032")))
            .as("another district's headmaster is not found")
            .isEmpty();
        assertThat(udiseCodes(admin().get("/api/v1/schools?headmasterPhone=9840000039"))).isEmpty();
        assertThat(udiseCodes(admin().get("/api/v1/schools?headmasterPhone=9840000031&districtCode=" + TIRUNELVELI)))
            .containsExactly(tirunelveli);

        for (String malformed : List.of("98400", "phone", "%2B91-98400-00031", "98400000310000")) {
            assertInvalid(encoded("/api/v1/schools?headmasterPhone=" + malformed), "headmasterPhone");
        }
    }

    @Test
    void rotationReencryptsEveryHeadmasterUnderAnotherKeyWithTheActiveKeyAndTheyStayReadable() {
        // as the earlier field key and the earlier index key wrote them
        FieldCipher old = FieldCipher.ofBase64(Map.of("s2025", OLD_KEY), "s2025", OLD_INDEX_KEY);
        String udise = "33120400001";
        String noPhone = "33120400002";
        admin().post("/api/v1/schools", school(udise, TIRUNELVELI, "6386", "PUMS Cheranmahadevi", null, null));
        admin().post("/api/v1/schools", school(noPhone, TIRUNELVELI, "6386", "PUMS Cheranmahadevi West", null, null));
        underOldKey(old, udise, "M. Thangaraj", "+919840000041");
        underOldKey(old, noPhone, "P. Valli", null);
        String admin = TestTokens.admin();
        assertThat(udiseCodes(Api.as(http, admin).get("/api/v1/schools?headmasterPhone=9840000041")))
            .as("found under the previous index key before the rotation")
            .containsExactly(udise);
        Map<String, Object> before = Api.as(http, admin).get("/api/v1/schools/field-keys/rotate").getBody();
        assertThat(((Number) before.get("remaining")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat((Map<String, Object>) before.get("rowsByKey")).containsKey("s2025");

        ResponseEntity<Map> started = Api.as(http, admin).post("/api/v1/schools/field-keys/rotate", "");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).containsEntry("activeKey", "s2026");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> progress = Api.as(http, admin).get("/api/v1/schools/field-keys/rotate").getBody();
            assertThat(progress).containsEntry("running", false)
                .containsEntry("remaining", 0)
                .containsEntry("error", null);
            assertThat((Map<String, Object>) progress.get("rowsByKey")).containsOnlyKeys("s2026");
            assertThat(((Number) progress.get("done")).longValue()).isGreaterThanOrEqualTo(2);
        });

        assertThat(jdbc.sql("""
                select count(*) from schools
                where headmaster_name_enc not like 'v1:s2026:%' or headmaster_phone_enc not like 'v1:s2026:%'""")
            .query(Long.class)
            .single()).isZero();
        assertThat(RING.decrypt("schools.headmaster_phone", (String) row(udise).get("headmaster_phone_enc")))
            .isEqualTo("+919840000041");
        assertThat(Api.as(http, admin).get("/api/v1/schools/" + udise).getBody())
            .containsEntry("headmasterName", "M. Thangaraj")
            .containsEntry("headmasterPhone", "+919840000041");
        assertThat(Api.as(http, admin).get("/api/v1/schools/" + noPhone).getBody())
            .containsEntry("headmasterName", "P. Valli")
            .containsEntry("headmasterPhone", null);
        assertThat(row(udise).get("headmaster_phone_index")).as("the index made again under the index key of now")
            .isEqualTo(RING.blindIndex("schools.headmaster_phone", "+919840000041"));
        assertThat(udiseCodes(Api.as(http, admin).get("/api/v1/schools?headmasterPhone=9840000041")))
            .containsExactly(udise);
        assertProblem(Api.as(http, TestTokens.officer(TIRUNELVELI)).post("/api/v1/schools/field-keys/rotate", ""),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(Api.as(http, TestTokens.officer(TIRUNELVELI)).get("/api/v1/schools/field-keys/rotate"),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    /** A school's headmaster as written under the earlier key, plain columns empty. */
    private void underOldKey(FieldCipher old, String udise, String name, String phone) {
        jdbc.sql("""
                update schools set headmaster_name = null, headmaster_phone = null, headmaster_name_enc = :name,
                                   headmaster_phone_enc = :phone, headmaster_phone_index = :phoneIndex
                where udise_code = :udise""")
            .param("udise", udise)
            .param("name", old.encrypt("schools.headmaster_name", name))
            .param("phone", old.encrypt("schools.headmaster_phone", phone))
            .param("phoneIndex", phone == null ? null : old.blindIndex("schools.headmaster_phone", phone))
            .update();
    }

    private static void assertEncrypted(Map<String, Object> row, String name, String phoneDigits) {
        assertThat(row.get("headmaster_name")).as("plain name").isNull();
        assertThat(row.get("headmaster_phone")).as("plain phone").isNull();
        for (String column : List.of("headmaster_name_enc", "headmaster_phone_enc")) {
            if (row.get(column) != null) {
                assertThat((String) row.get(column)).as(column)
                    .startsWith("v1:s2026:")
                    .doesNotContain(name)
                    .doesNotContain(phoneDigits);
            }
        }
        assertThat(row.get("headmaster_phone_enc")).as("phone encrypted").isNotNull();
        assertThat((String) row.get("headmaster_phone_index")).hasSize(64).doesNotContain(phoneDigits);
    }

    private Map<String, Object> row(String udise) {
        return jdbc
            .sql("""
                    select headmaster_name, headmaster_phone, headmaster_name_enc, headmaster_phone_enc, headmaster_phone_index
                    from schools where udise_code = :udise""")
            .param("udise", udise)
            .query()
            .singleRow();
    }

    private List<String> plainRows() {
        return jdbc
            .sql("select udise_code from schools where headmaster_name is not null or headmaster_phone is not null "
                    + "order by udise_code")
            .query(String.class)
            .list();
    }

    /** The school's recorded changes, oldest first: the one at this index. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> audit(String udise, int change) {
        List<Map<String, Object>> newestFirst = (List<Map<String, Object>>) admin()
            .get("/api/v1/schools/audit?entityType=school&entityId=" + udise + "&size=10")
            .getBody()
            .get("items");
        return newestFirst.reversed().get(change);
    }

    private static String headmaster(Map<String, Object> auditRow, String side, String field) {
        return (String) ((Map<String, Object>) auditRow.get(side)).get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<String> udiseCodes(ResponseEntity<Map> page) {
        assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
            .map(s -> (String) s.get("udiseCode"))
            .toList();
    }

    private static String school(String udise, String district, String block, String name, String headmaster,
            String phone) {
        return """
                {"udiseCode":"%s","name":"%s","districtCode":"%s","blockCode":"%s","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL","headmasterName":%s,"headmasterPhone":%s}"""
            .formatted(udise, name, district, block, json(headmaster), json(phone));
    }

    private static String update(String district, String block, String name, String headmaster, String phone) {
        return """
                {"name":"%s","districtCode":"%s","blockCode":"%s","category":"PRIMARY","management":"GOVERNMENT",
                 "ruralUrban":"RURAL","headmasterName":%s,"headmasterPhone":%s}""".formatted(name, district, block,
                json(headmaster), json(phone));
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /**
     * An ADMIN's GET of a URL sent as written (already encoded: {@code %2B} for a
     * {@code +}, which a query otherwise carries as a space).
     */
    private ResponseEntity<Map> encoded(String pathAndQuery) {
        return http.exchange(
                RequestEntity.get(URI.create(pathAndQuery)).headers(TestTokens.bearer(TestTokens.admin())).build(),
                Map.class);
    }

    private Api admin() {
        return Api.as(http, TestTokens.admin());
    }

}
