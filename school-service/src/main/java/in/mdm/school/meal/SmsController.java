package in.mdm.school.meal;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;
import in.mdm.school.SchoolProblems;

/**
 * The SMS/IVRS gateway's webhook: open at the gateway, authenticated here by the body's
 * HMAC signature.
 */
@RestController
class SmsController {

    private final SmsService sms;

    private final JsonMapper json;

    private final Validator validator;

    SmsController(SmsService sms, JsonMapper json, Validator validator) {
        this.sms = sms;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping(path = "/api/v1/meals/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    SmsResponse receive(@RequestBody byte[] body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        return sms.receive(signed(body, signature, SmsRequest.class, "a message"));
    }

    /**
     * Messages an SMS/IVRS aggregator forwards at once (1 to 500): stored in one
     * transaction, one answer each, in order.
     */
    @PostMapping(path = "/api/v1/meals/sms/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    SmsBatchResponse receiveBatch(@RequestBody byte[] body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        return new SmsBatchResponse(
                sms.receiveAll(signed(body, signature, SmsBatchRequest.class, "a batch of messages").messages()));
    }

    /**
     * The body, once its signature is checked (401), read (400 malformed JSON) and valid
     * (400 {@code meal.sms.invalid} naming the fields).
     */
    private <T> T signed(byte[] body, String signature, Class<T> type, String what) {
        sms.verify(body, signature);
        T value;
        try {
            value = json.readValue(body, type);
        }
        catch (JacksonException ex) {
            throw ApiException.badRequest(PlatformProblems.MALFORMED_JSON,
                    "The body is not " + what + ": " + ex.getOriginalMessage());
        }
        if (value == null) {
            throw ApiException.badRequest(PlatformProblems.MALFORMED_JSON, "The body is not " + what + ": null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(SchoolProblems.SMS_INVALID,
                    violations.stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; ")));
        }
        return value;
    }

}
