package in.mdm.school.meal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.WebhookSignature;
import in.mdm.school.SchoolProblems;

/**
 * The SMS/IVRS webhook: AMS-style messages {@code MDM <udise> <primary> <upper-primary>}
 * and {@code MDM <udise> NOMEAL <reason>}. The gateway signs each body with HMAC-SHA256;
 * every message is stored with its outcome and answered with a reply text, an invalid one
 * too.
 */
@Service
class SmsService {

    private static final Logger log = LoggerFactory.getLogger(SmsService.class);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,5}");

    private static final Pattern UDISE = Pattern.compile("[0-9]{11}");
    static final String FORMAT = "Send MDM <UDISE code> <primary> <upper primary>, or MDM <UDISE code> NOMEAL <"
            + Arrays.stream(NoMealReason.values()).map(Enum::name).collect(Collectors.joining("|")) + ">";

    private final MealReportService meals;

    private final MealReportRepository reports;

    private final TransactionTemplate transactions;

    private final WebhookSignature signature;

    private final Clock clock;

    SmsService(MealReportService meals, MealReportRepository reports, PlatformTransactionManager transactionManager,
            Clock clock, @Value("${mdm.school.sms.hmac-secret:}") String secret) {
        this.meals = meals;
        this.clock = clock;
        this.reports = reports;
        this.transactions = new TransactionTemplate(transactionManager);
        this.signature = new WebhookSignature(secret);
        if (secret.isEmpty()) {
            log.warn("mdm.school.sms.hmac-secret (MDM_SMS_HMAC_SECRET) is not set: every SMS webhook call is refused");
        }
    }

    /**
     * 401 {@code meal.sms.bad-signature} unless the header is
     * {@code sha256=<hex HMAC-SHA256 of the body>}.
     */
    void verify(byte[] body, String signature) {
        if (!this.signature.matches(body, signature)) {
            throw unauthorized();
        }
    }

    private static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, SchoolProblems.SMS_BAD_SIGNATURE,
                "Missing or wrong X-Signature");
    }

    /** Parses, stores and answers one message. */
    SmsResponse receive(SmsRequest sms) {
        Instant receivedAt = sms.receivedAt() == null ? clock.instant() : sms.receivedAt();
        UUID id = UUID.randomUUID();
        String[] words = SPACES.split(sms.message().strip().toUpperCase(Locale.ROOT));
        String error = parseError(words);
        if (error != null) {
            return store(id, sms, receivedAt, SmsStatus.REJECTED, error,
                    "MDM: message not understood (" + error + "). " + FORMAT, null);
        }
        String udise = words[1];
        boolean noMeal = words[2].equals("NOMEAL");
        NoMealReason reason = noMeal ? NoMealReason.fromSms(words[3]) : null;
        int primary = noMeal ? 0 : Integer.parseInt(words[2]);
        int upper = noMeal ? 0 : Integer.parseInt(words[3]);
        LocalDate date = LocalDate.ofInstant(receivedAt, MealReportService.INDIA);
        MealReportRequest request = new MealReportRequest(null, udise, date, primary, upper, primary + upper, reason);
        Caller gateway = new Caller("sms-gateway", sms.from(), Set.of(), Jurisdiction.state("33"), Set.of(), null,
                null);
        try {
            return transactions.execute(status -> {
                var school = reports.school(udise);
                if (school.isEmpty()) {
                    return reject(id, sms, receivedAt, "unknown UDISE code " + udise);
                }
                String phone = school.get().headmasterPhone();
                if (phone != null && !lastTen(phone).equals(lastTen(sms.from()))) {
                    return reject(id, sms, receivedAt, "sender is not the registered number of school " + udise);
                }
                try {
                    MealReportService.Outcome outcome = meals.submitInTransaction(request, ReportChannel.SMS,
                            sms.from(), gateway, receivedAt);
                    String reply = noMeal
                            ? "MDM: recorded no meal at " + udise + " on " + date + " (" + reason + "). Thank you."
                            : "MDM: recorded " + (primary + upper) + " meals at " + udise + " on " + date
                                    + ". Thank you.";
                    return store(id, sms, receivedAt, SmsStatus.ACCEPTED, null, reply, outcome.report().id());
                }
                catch (ApiException ex) {
                    if (ex.code().equals(SchoolProblems.MEAL_REPORT_DUPLICATE)) {
                        return store(id, sms, receivedAt, SmsStatus.DUPLICATE, ex.getBody().getDetail(), "MDM: " + udise
                                + " has already reported for " + date + ". Call your block office to correct it.",
                                null);
                    }
                    return reject(id, sms, receivedAt, ex.getBody().getDetail());
                }
            });
        }
        catch (DuplicateKeyException raced) {
            return transactions.execute(status -> store(id, sms, receivedAt, SmsStatus.DUPLICATE,
                    "reported at the same moment", "MDM: " + udise + " has already reported for " + date + ".", null));
        }
    }

    private SmsResponse reject(UUID id, SmsRequest sms, Instant receivedAt, String error) {
        return store(id, sms, receivedAt, SmsStatus.REJECTED, error, "MDM: not recorded: " + error + ".", null);
    }

    private SmsResponse store(UUID id, SmsRequest sms, Instant receivedAt, SmsStatus status, String error, String reply,
            UUID reportId) {
        String cut = reply.length() > 300 ? reply.substring(0, 300) : reply;
        reports.storeSms(id, sms, receivedAt, status,
                error == null || error.length() <= 300 ? error : error.substring(0, 300), cut, reportId);
        return new SmsResponse(id, status, cut, reportId);
    }

    /** Why the words are not a report, or {@code null}. */
    static String parseError(String[] words) {
        if (words.length == 0 || !words[0].equals("MDM")) {
            return "it must start with MDM";
        }
        if (words.length != 4) {
            return "it must have 4 words";
        }
        if (!UDISE.matcher(words[1]).matches()) {
            return "the UDISE code must have 11 digits";
        }
        if (words[2].equals("NOMEAL")) {
            return NoMealReason.fromSms(words[3]) == null ? "unknown reason " + words[3] : null;
        }
        if (!COUNT.matcher(words[2]).matches() || !COUNT.matcher(words[3]).matches()) {
            return "the counts must be whole numbers";
        }
        return null;
    }

    private static String lastTen(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

}
