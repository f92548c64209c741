package in.mdm.notification.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import in.mdm.notification.template.Channel;
import in.mdm.notification.template.SmsParts;
import in.mdm.platform.web.OutboundHttp;

/**
 * SMS through an HTTP gateway: {@code POST <baseUrl>/messages} with {@code X-Api-Key} and
 * a JSON body naming the sender id, the number, the text, the DLT template id the text
 * was registered under, its encoding (GSM-7, or UCS-2 for Tamil) and its parts. A 2xx
 * answer is accepted; 429, 5xx and network errors are tried again; another 4xx is final.
 */
@Component
class SmsChannel implements ChannelSender {

    private final DeliveryProperties.Sms sms;

    private final RestClient http;

    SmsChannel(DeliveryProperties properties, RestClient.Builder builder) {
        this.sms = properties.sms();
        // a redirect is refused (a permanent failure), never followed with our API key
        this.http = OutboundHttp.client(builder, sms.timeout(), sms.timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailure {
        String dltTemplateId = sms.dltTemplateId(delivery.code(), delivery.language());
        if (dltTemplateId == null || dltTemplateId.isBlank()) {
            throw new DeliveryFailure("no DLT template id is configured for " + delivery.code() + "."
                    + delivery.language() + " (mdm.notification.sms.dlt-template-ids)", true, null);
        }
        if (sms.baseUrl() == null || sms.baseUrl().isBlank()) {
            throw new DeliveryFailure("no SMS gateway is configured (mdm.notification.sms.base-url)", false, null);
        }
        SmsParts.Count count = SmsParts.of(delivery.body());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sender", sms.senderId());
        body.put("to", delivery.address());
        body.put("message", delivery.body());
        body.put("dltTemplateId", dltTemplateId);
        body.put("encoding", count.encoding().name());
        body.put("parts", count.parts());
        body.put("reference", delivery.id().toString());
        try {
            http.post()
                .uri(sms.baseUrl() + "/messages")
                .header("X-Api-Key", sms.apiKey() == null ? "" : sms.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
        }
        catch (RestClientResponseException ex) {
            HttpStatusCode status = ex.getStatusCode();
            boolean again = status.is5xxServerError() || status.value() == 429 || status.value() == 408;
            throw new DeliveryFailure("SMS gateway answered " + status.value(), !again, ex);
        }
        catch (ResourceAccessException ex) {
            throw new DeliveryFailure("SMS gateway unreachable: " + ex.getMessage(), false, ex);
        }
        catch (RestClientException ex) {
            throw new DeliveryFailure("SMS gateway: " + ex.getMessage(), false, ex);
        }
    }

}
