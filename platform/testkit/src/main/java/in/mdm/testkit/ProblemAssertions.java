package in.mdm.testkit;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the platform's RFC 9457 error answers. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /**
     * The answer is an {@code application/problem+json} with this status and stable
     * {@code code}.
     */
    public static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", code);
    }

    /**
     * A call needs a valid token: without one it is a 401 {@code auth.unauthenticated},
     * with a token of an issuer nobody trusts a 401 {@code auth.token-invalid}.
     * @param call makes the request with the given bearer token, or with none when it is
     * {@code null}
     */
    public static void assertTokenRequired(Function<String, ResponseEntity<Map>> call) {
        assertProblem(call.apply(null), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        assertProblem(call
            .apply(TestTokens.token().subject("mallory").roles("ADMIN").issuer("https://elsewhere.example").build()),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
    }

    /**
     * The answer is a 400 {@code request.invalid} problem naming exactly these fields or
     * parameters, in order.
     */
    @SuppressWarnings("unchecked")
    public static void assertInvalid(ResponseEntity<Map> response, String... fields) {
        assertProblem(response, HttpStatus.BAD_REQUEST, "request.invalid");
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly((Object[]) fields);
    }

}
