package in.mdm.gateway.requestid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

    @Test
    void aSafeIncomingIdIsKept() {
        assertThat(RequestIdFilter.requestId("4f1c2a9e-77d0-4b8e-9d1a-0c3b2e1f5a66"))
            .isEqualTo("4f1c2a9e-77d0-4b8e-9d1a-0c3b2e1f5a66");
        assertThat(RequestIdFilter.requestId("web:session.42_retry-1")).isEqualTo("web:session.42_retry-1");
    }

    @Test
    void anUnsafeTooLongOrMissingIdIsReplaced() {
        for (String unsafe : new String[] { null, "", "two words", "a\tb", "x".repeat(129), "<script>",
                "id\"quoted\"" }) {
            assertThat(RequestIdFilter.requestId(unsafe)).as(String.valueOf(unsafe))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

}
