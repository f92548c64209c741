package in.mdm.finance.treasury;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The treasury call's resilience: a retry with exponential backoff around a circuit
 * breaker (each attempt counts for the breaker; an open breaker is not retried). Only
 * server errors and I/O failures count as failures; a 4xx answer is the treasury refusing
 * the instruction and is neither retried nor held against the breaker.
 */
@Configuration
class TreasuryConfiguration {

    @Bean
    CircuitBreaker treasuryCircuitBreaker(MeterRegistry meters,
            @Value("${mdm.finance.treasury.breaker.failure-rate-percent:50}") float failureRate,
            @Value("${mdm.finance.treasury.breaker.sliding-window-calls:10}") int window,
            @Value("${mdm.finance.treasury.breaker.minimum-calls:5}") int minimumCalls,
            @Value("${mdm.finance.treasury.breaker.open-for:PT30S}") Duration openFor) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(failureRate)
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(window)
            .minimumNumberOfCalls(minimumCalls)
            .waitDurationInOpenState(openFor)
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(HttpServerErrorException.class, ResourceAccessException.class)
            .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker("treasury");
    }

    @Bean
    Retry treasuryRetry(MeterRegistry meters, @Value("${mdm.finance.treasury.retry.max-attempts:3}") int attempts,
            @Value("${mdm.finance.treasury.retry.wait:PT0.5S}") Duration wait,
            @Value("${mdm.finance.treasury.retry.multiplier:2}") double multiplier) {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
            .maxAttempts(attempts)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(wait, multiplier))
            .retryExceptions(HttpServerErrorException.class, ResourceAccessException.class)
            .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry.retry("treasury");
    }

}
