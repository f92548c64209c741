package in.mdm.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.testkit.MdmIntegrationTest;

/**
 * The service against the kit's PostgreSQL, Kafka and Redis, with the outside world real
 * too: GreenMail as the SMTP server and WireMock as the SMS gateway, started once for the
 * JVM. Every integration test class extends this one, so that they share one application
 * context (and one set of Kafka consumers).
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
public abstract class NotificationIntegrationTest {

    public static final GreenMail SMTP = new GreenMail(
            new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    public static final WireMockServer SMS_GATEWAY = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    public static final String SMS_KEY = "test-sms-key";

    static {
        SMTP.start();
        SMS_GATEWAY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMTP.stop();
            SMS_GATEWAY.stop();
        }));
    }

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("mdm.notification.sms.base-url", SMS_GATEWAY::baseUrl);
        registry.add("mdm.notification.sms.api-key", () -> SMS_KEY);
        registry.add("mdm.notification.sms.timeout", () -> "3s");
        registry.add("mdm.notification.sender.interval", () -> "200ms");
        registry.add("mdm.notification.retry.max-attempts", () -> "3");
        registry.add("mdm.notification.retry.initial-interval", () -> "100ms");
        registry.add("mdm.notification.retry.max-interval", () -> "1s");
        registry.add("mdm.notification.links.activation", () -> "http://mdm.test/activate?token={token}");
        registry.add("mdm.notification.links.password-reset", () -> "http://mdm.test/reset-password?token={token}");
    }

}
