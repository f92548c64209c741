package in.mdm.notification.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import in.mdm.notification.template.Channel;

/**
 * E-mail over SMTP (Spring's {@link JavaMailSender}, {@code spring.mail.*}), UTF-8 text,
 * with a Message-ID fixed by the delivery ({@link #messageId}).
 */
@Component
class EmailChannel implements ChannelSender {

    private final JavaMailSender mail;

    private final DeliveryProperties properties;

    EmailChannel(JavaMailSender mail, DeliveryProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The delivery's Message-ID (RFC 5322): its id at this system. */
    static String messageId(Delivery delivery) {
        return "<" + delivery.id() + "@notifications.mdm-twin>";
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailure {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.email().from());
            helper.setTo(delivery.address());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            message.setHeader("X-MDM-Notification", delivery.notificationId().toString());
            // one Message-ID per delivery, the same on every attempt: a message sent
            // again
            // after the SMTP server took it but before that was recorded (a crash between
            // the two) is the same message, which mail systems show once
            message.setHeader("Message-ID", messageId(delivery));
        }
        catch (AddressException ex) {
            throw new DeliveryFailure("not an e-mail address: " + ex.getMessage(), true, ex);
        }
        catch (MessagingException ex) {
            throw new DeliveryFailure("the e-mail could not be written: " + ex.getMessage(), true, ex);
        }
        try {
            mail.send(message);
        }
        catch (MailParseException | MailPreparationException ex) {
            throw new DeliveryFailure("the e-mail could not be written: " + ex.getMessage(), true, ex);
        }
        catch (MailAuthenticationException ex) {
            throw new DeliveryFailure("the SMTP server refused our credentials", false, ex);
        }
        catch (MailException ex) {
            throw new DeliveryFailure("SMTP: " + ex.getMessage(), false, ex);
        }
    }

}
