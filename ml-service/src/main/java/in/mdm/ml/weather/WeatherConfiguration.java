package in.mdm.ml.weather;

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

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import in.mdm.platform.web.OutboundHttp;

/**
 * The weather source's resilience: a retry with exponential backoff around a circuit
 * breaker (each attempt counts for the breaker; an open breaker is not retried). Server
 * errors and I/O failures (timeouts included) are retried; a malformed answer and a
 * refused redirect are not, but count against the breaker with them: a source that
 * answers nonsense is as down as one that does not answer. A 4xx (our request refused) is
 * neither.
 */
@Configuration
@EnableConfigurationProperties(WeatherSettings.class)
class WeatherConfiguration {

    @Bean
    CircuitBreaker weatherCircuitBreaker(MeterRegistry meters, WeatherSettings settings) {
        WeatherSettings.Breaker breaker = settings.breaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(breaker.failureRatePercent())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(breaker.slidingWindowCalls())
            .minimumNumberOfCalls(breaker.minimumCalls())
            .waitDurationInOpenState(breaker.openFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(HttpServerErrorException.class, ResourceAccessException.class,
                    WeatherClient.MalformedForecast.class, OutboundHttp.RedirectRefused.class)
            .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker("weather");
    }

    @Bean
    Retry weatherRetry(MeterRegistry meters, WeatherSettings settings) {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
            .maxAttempts(settings.retry().maxAttempts())
            .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retry().backoff(), 2))
            .retryExceptions(HttpServerErrorException.class, ResourceAccessException.class)
            .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry.retry("weather");
    }

}
