package in.mdm.notification.delivery;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notification-service reaches people ({@code mdm.notification.*}; defaults in
 * {@code application.yml}).
 *
 * @param email the sender address of every e-mail (the SMTP server is Spring Boot's
 * {@code spring.mail.*})
 * @param sms the HTTP SMS gateway
 * @param retry attempts and back-off of a failing delivery
 * @param sender how often due deliveries are sent, how many at a time, and how long a
 * claimed one stays claimed
 * @param links the links the messages carry ({@code {token}} and {@code {id}} are filled
 * in)
 * @param dailyDigestHour the hour (India time) of the daily digest
 */
@ConfigurationProperties("mdm.notification")
record DeliveryProperties(Email email, Sms sms, Retry retry, Sender sender, Links links, int dailyDigestHour) {

    record Email(String from) {
    }

    /**
     * @param baseUrl the gateway; messages are posted to {@code <baseUrl>/messages}
     * @param apiKey sent as {@code X-Api-Key}
     * @param senderId the six-letter sender id registered on the DLT platform
     * @param dltTemplateIds the DLT template id of each SMS template, keyed
     * {@code <code>.<language>} (e.g. {@code alert.raised.ta}); an SMS whose template has
     * none is not sent
     * @param timeout connect and read timeout of one request
     */
    record Sms(String baseUrl, String apiKey, String senderId, Map<String, String> dltTemplateIds, Duration timeout) {

        String dltTemplateId(String code, String language) {
            return dltTemplateIds == null ? null : dltTemplateIds.get(code + "." + language);
        }

    }

    /**
     * @param maxAttempts attempts in all before a delivery fails for good
     * @param initialInterval wait after the first failed attempt, doubled after each
     * @param maxInterval the longest wait
     */
    record Retry(int maxAttempts, Duration initialInterval, Duration maxInterval) {

        Duration after(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
            Duration wait = initialInterval.multipliedBy(factor);
            return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
        }

    }

    /**
     * @param interval pause between two runs of the sender job
     * @param batchSize deliveries claimed per run
     * @param lease how long a claimed delivery is left to its sender before another run
     * takes it again (a sender that died)
     */
    record Sender(Duration interval, int batchSize, Duration lease) {
    }

    record Links(String activation, String passwordReset, String alert, String report) {
    }

}
