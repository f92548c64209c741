package in.mdm.ml.weather;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weather source and its schedule ({@code mdm.weather.*}, defaults in the README).
 *
 * @param baseUrl the forecast API (Open-Meteo's format):
 * {@code GET <baseUrl>/v1/forecast}
 * @param source the source's name, stored with every value fetched from it
 * @param timeout connect and read time limit of one call
 * @param every how often every district's forecast is fetched again
 * @param initialDelay how long after the start the first fetch waits
 * @param enabled whether the schedule runs at all (the API reads work either way)
 * @param concurrency districts fetched at once
 * @param pastDays past days asked for with each forecast (Open-Meteo's {@code past_days},
 * 0-92): the days the service was not running are observed too
 * @param staleAfter a forecast fetched longer ago than this is stale even when the last
 * attempt did not fail
 * @param retry the retry of one call
 * @param breaker the circuit breaker around the source
 */
@ConfigurationProperties("mdm.weather")
record WeatherSettings(@DefaultValue("https://api.open-meteo.com") String baseUrl,
        @DefaultValue("open-meteo") String source, @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT6H") Duration every, @DefaultValue("PT2M") Duration initialDelay,
        @DefaultValue("true") boolean enabled, @DefaultValue("4") int concurrency, @DefaultValue("7") int pastDays,
        @DefaultValue("PT12H") Duration staleAfter, @DefaultValue Retry retry, @DefaultValue Breaker breaker) {

    WeatherSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("mdm.weather.concurrency: at least 1");
        }
        if (pastDays < 0 || pastDays > 92) {
            throw new IllegalArgumentException("mdm.weather.past-days: 0 to 92 (Open-Meteo's past_days)");
        }
    }

    /**
     * @param maxAttempts attempts of one call, the first included
     * @param backoff the wait before the second attempt, doubled before each next one
     */
    record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("PT1S") Duration backoff) {
    }

    /**
     * @param failureRatePercent the breaker opens at this share of failed calls
     * @param slidingWindowCalls the calls the share is taken over
     * @param minimumCalls calls before the share counts
     * @param openFor how long it stays open before a trial call
     */
    record Breaker(@DefaultValue("50") float failureRatePercent, @DefaultValue("10") int slidingWindowCalls,
            @DefaultValue("5") int minimumCalls, @DefaultValue("PT5M") Duration openFor) {
    }

}
