package in.mdm.finance.treasury;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import in.mdm.platform.web.OutboundHttp;

/**
 * The treasury's payment API: {@code POST <MDM_TREASURY_URL>/payments} with an
 * {@code Idempotency-Key} header (the instruction's key, the same on every attempt),
 * guarded by the retry and the circuit breaker.
 */
@Component
class TreasuryClient {

    /** What the treasury is asked to pay. */
    record PaymentInstruction(UUID instructionId, UUID releaseId, String udiseCode, BigDecimal amount,
            String currency) {

        /** An instruction in rupees. */
        static PaymentInstruction of(TreasuryInstruction i) {
            return new PaymentInstruction(i.id(), i.releaseId(), i.udiseCode(), i.amount(), "INR");
        }
    }

    private final RestClient http;

    private final CircuitBreaker breaker;

    private final Retry retry;

    TreasuryClient(RestClient.Builder builder, CircuitBreaker treasuryCircuitBreaker, Retry treasuryRetry,
            @Value("${mdm.finance.treasury.url:${MDM_TREASURY_URL:http://localhost:9090}}") String baseUrl,
            @Value("${mdm.finance.treasury.timeout:PT5S}") Duration timeout) {
        // a redirect is refused, not followed: the instruction stays pending, in the
        // reconciliation, rather than counted as paid or sent elsewhere
        this.http = OutboundHttp.client(builder, timeout, timeout).baseUrl(baseUrl).build();
        this.breaker = treasuryCircuitBreaker;
        this.retry = treasuryRetry;
    }

    /**
     * Sends the instruction; throws when the treasury refuses it, stays unreachable, or
     * the breaker is open.
     */
    void pay(UUID idempotencyKey, PaymentInstruction instruction) {
        Runnable call = () -> http.post()
            .uri("/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", idempotencyKey.toString())
            .body(instruction)
            .retrieve()
            .toBodilessEntity();
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, call)).run();
    }

}
