package in.mdm.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import in.mdm.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local SMTP server and SMS sink ./run starts, and the page that shows what they got.
 */
class MessageSinkTests {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void mailAndSmsArriveAndTheirPageShowsThemNewestFirstWithLinks() throws Exception {
        try (MessageSink sink = MessageSink.start(FreePorts.next(), FreePorts.next(), "http://localhost:1")) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", Integer.toString(sink.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
            mail.setFrom(new InternetAddress("no-reply@mdm-twin.in"));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "hm.33020100101@mdm.test");
            mail.setSubject("உங்கள் MDM Twin கணக்கைச் செயல்படுத்துங்கள்", "UTF-8");
            mail.setText("Open http://localhost:18025/activate?token=abc&x=1 to activate.", "UTF-8");
            Transport.send(mail);

            HttpResponse<String> accepted = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sink.webPort() + "/sms/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sender\":\"MDMTWN\",\"to\":\"+919876543210\","
                            + "\"message\":\"MDM Twin CRITICAL எச்சரிக்கை \\\"x\\\"\",\"dltTemplateId\":\"1107\","
                            + "\"encoding\":\"UCS2\",\"parts\":2}", StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(sink.sms()).singleElement()
                .satisfies(sms -> assertThat(sms).containsEntry("to", "+919876543210")
                    .containsEntry("message", "MDM Twin CRITICAL எச்சரிக்கை \"x\"")
                    .containsEntry("dltTemplateId", "1107")
                    .containsEntry("parts", "2"));

            String page = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sink.webPort() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
            assertThat(page).contains("உங்கள் MDM Twin கணக்கைச் செயல்படுத்துங்கள்")
                .contains("to hm.33020100101@mdm.test")
                .contains("<a href=\"http://localhost:18025/activate?token=abc&amp;x=1\">")
                .contains("E-mail (1)")
                .contains("SMS (1)")
                .contains("DLT template 1107");

            String form = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sink.webPort() + "/activate?token=t%3C1"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
            assertThat(form).contains("name=token value=\"t&lt;1\"").contains("type=password");
        }
    }

    @Test
    void theServicesAreToldWhereToSend() {
        assertThat(Suite.messageEnvironment(13025, 18025)).containsEntry("MDM_SMTP_HOST", "127.0.0.1")
            .containsEntry("MDM_SMTP_PORT", "13025")
            .containsEntry("MDM_SMS_URL", "http://127.0.0.1:18025/sms")
            .containsEntry("MDM_ACTIVATION_LINK", "http://localhost:18025/activate?token={token}");
        assertThat(Ports.defaults().smtp()).isEqualTo(13025);
        assertThat(Ports.offset(1000).messages()).isEqualTo(19025);
    }

}
