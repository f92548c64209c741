package in.mdm.finance.treasury;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.finance.FinanceProblems;
import in.mdm.platform.security.CallerAuthentication;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.WebhookSignature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treasury's side: its confirmations (open at the gateway, authenticated here by an
 * HMAC-SHA256 signature of the body or by a machine token with scope
 * {@code finance:treasury-callback}) and the reconciliation for the state.
 */
@RestController
@RequestMapping("/api/v1/financial/treasury")
class TreasuryCallbackController {

    static final String SIGNATURE_HEADER = "X-Treasury-Signature";
    static final String SCOPE = "finance:treasury-callback";

    private final TreasuryService treasury;

    private final JsonMapper json;

    private final Validator validator;

    private final WebhookSignature signature;

    TreasuryCallbackController(TreasuryService treasury, JsonMapper json, Validator validator,
            @Value("${mdm.finance.treasury.hmac-secret:${MDM_TREASURY_HMAC_SECRET:}}") String secret) {
        this.treasury = treasury;
        this.json = json;
        this.validator = validator;
        this.signature = new WebhookSignature(secret);
    }

    @PostMapping("/callbacks")
    TreasuryCallbackResponse callback(@RequestBody byte[] body,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        String by = authenticate(body, signature);
        TreasuryCallbackRequest callback;
        try {
            callback = json.readValue(body, TreasuryCallbackRequest.class);
        }
        catch (JacksonException e) {
            throw ApiException.badRequest(FinanceProblems.TREASURY_UNREADABLE_CALLBACK,
                    "The callback is not a readable confirmation");
        }
        Set<ConstraintViolation<TreasuryCallbackRequest>> violations = validator.validate(callback);
        if (!violations.isEmpty()) {
            ConstraintViolation<TreasuryCallbackRequest> first = violations.stream()
                .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElseThrow();
            throw ApiException.badRequest(FinanceProblems.TREASURY_INVALID_CALLBACK,
                    first.getPropertyPath() + " " + first.getMessage());
        }
        return TreasuryCallbackResponse.of(treasury.confirm(callback, by));
    }

    @GetMapping("/reconciliation")
    @PreAuthorize("hasRole('ADMIN')")
    List<UnconfirmedInstructionResponse> reconciliation(
            @RequestParam(defaultValue = "24") @Min(0) @Max(8760) int olderThanHours) {
        return treasury.unconfirmed(Duration.ofHours(olderThanHours))
            .stream()
            .map(UnconfirmedInstructionResponse::of)
            .toList();
    }

    /**
     * The signature when there is one (a wrong one is refused even with a token), else
     * the machine token's scope.
     */
    private String authenticate(byte[] body, String signature) {
        if (signature != null) {
            if (!this.signature.matches(body, signature)) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, FinanceProblems.TREASURY_BAD_SIGNATURE,
                        "The callback's signature does not match its body");
            }
            return "treasury (signed)";
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            if (caller.caller().hasScope(SCOPE)) {
                return caller.caller().subject();
            }
            throw new ApiException(HttpStatus.FORBIDDEN, FinanceProblems.TREASURY_FORBIDDEN,
                    "The token lacks the scope " + SCOPE);
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, FinanceProblems.TREASURY_UNAUTHENTICATED,
                "Sign the callback (" + SIGNATURE_HEADER + ") or send a token with scope " + SCOPE);
    }

}
