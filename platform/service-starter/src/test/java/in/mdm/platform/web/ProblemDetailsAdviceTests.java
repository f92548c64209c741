package in.mdm.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that cannot be read become 400 problems naming the field; an enum field names
 * the values it takes.
 */
class ProblemDetailsAdviceTests {

    enum Reason {

        NO_STOCK, NO_COOK, OTHER

    }

    record Item(Reason reason) {
    }

    record Report(Reason reason, Integer meals, List<Item> items) {
    }

    /** As the platform's defaults configure the application's mapper. */
    private final JsonMapper json = JsonMapper.builder().enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).build();

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(ConstraintCodes.none());

    /**
     * The database lost during a request (seen when PostgreSQL crashed under a day of
     * reports: the rollback failed too) is a 503 to send again, never a 500.
     */
    @Test
    void aDatabaseLostDuringTheRequestIsA503ToSendAgain() {
        for (Exception lost : new Exception[] {
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed"),
                new org.springframework.transaction.CannotCreateTransactionException("no connection"),
                new org.springframework.dao.DataAccessResourceFailureException("I/O error"),
                new org.springframework.dao.RecoverableDataAccessException("connection reset") }) {
            org.springframework.http.ResponseEntity<Object> answer = advice.handleDatabaseAway(lost);
            assertThat(answer.getStatusCode().value()).as(lost.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getProperties()).containsEntry("code", PlatformProblems.BUSY);
        }
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheFieldAndTheValuesItTakes() {
        ProblemDetail problem = unreadable("{\"reason\":\"RAIN\"}");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "request.invalid-value");
        assertThat(problem.getDetail()).isEqualTo("Field 'reason' must be one of NO_STOCK, NO_COOK, OTHER");
        assertThat(errors(problem)).containsExactly(Map.of("field", "reason", "message",
                "must be one of NO_STOCK, NO_COOK, OTHER", "rejectedValue", "RAIN"));
    }

    @Test
    void anEnumIndexIsNotAValue() {
        assertThat(errors(unreadable("{\"reason\":1}"))).containsExactly(
                Map.of("field", "reason", "message", "must be one of NO_STOCK, NO_COOK, OTHER", "rejectedValue", 1));
        assertThat(errors(unreadable("{\"reason\":\"1\"}"))).extracting(e -> e.get("rejectedValue"))
            .containsExactly("1");
    }

    @Test
    void anEnumInsideAListIsNamedByItsPath() {
        ProblemDetail problem = unreadable("{\"items\":[{\"reason\":\"NO_STOCK\"},{\"reason\":\"no_cook\"}]}");
        assertThat(problem.getDetail()).isEqualTo("Field 'items[1].reason' must be one of NO_STOCK, NO_COOK, OTHER");
        assertThat(errors(problem)).extracting(e -> e.get("field")).containsExactly("items[1].reason");
    }

    @Test
    void otherValuesOfTheWrongTypeKeepTheGeneralMessage() {
        ProblemDetail problem = unreadable("{\"meals\":\"many\"}");
        assertThat(problem.getProperties()).containsEntry("code", "request.invalid-value");
        assertThat(problem.getDetail()).isEqualTo("Field 'meals' has a value of the wrong type or format");
        assertThat(errors(problem))
            .containsExactly(Map.of("field", "meals", "message", "has a value of the wrong type or format"));
    }

    private ProblemDetail unreadable(String body) {
        JacksonException failure;
        try {
            json.readValue(body, Report.class);
            throw new AssertionError("read " + body);
        }
        catch (JacksonException ex) {
            failure = ex;
        }
        HttpMessageNotReadableException ex = new HttpMessageNotReadableException("unreadable", failure,
                new MockHttpInputMessage(body.getBytes()));
        return (ProblemDetail) advice.handleHttpMessageNotReadable(ex, new HttpHeaders(), HttpStatus.BAD_REQUEST, null)
            .getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ProblemDetail problem) {
        return (List<Map<String, Object>>) problem.getProperties().get("errors");
    }

}
