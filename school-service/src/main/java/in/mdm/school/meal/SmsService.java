package in.mdm.school.meal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import in.mdm.events.Ids;
import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.WebhookSignature;
import in.mdm.school.SchoolProblems;
import in.mdm.school.school.HeadmasterFields;

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

    /**
     * SMS reports may come from any school of the deployment's state, each checked by its
     * phone.
     */
    private final JurisdictionScope gateway;
    static final String FORMAT = "Send MDM <UDISE code> <primary> <upper primary>, or MDM <UDISE code> NOMEAL <"
            + Arrays.stream(NoMealReason.values()).map(Enum::name).collect(Collectors.joining("|")) + ">";

    private final MealReportWriter writer;

    private final MealReportRepository reports;

    private final WebhookSignature signature;

    private final Clock clock;

    private final HeadmasterFields headmasters;

    SmsService(MealReportWriter writer, MealReportRepository reports, Clock clock, HeadmasterFields headmasters,
            @Value("${mdm.school.sms.hmac-secret:}") String secret,
            @Value("${mdm.security.state-code:33}") String stateCode) {
        this.headmasters = headmasters;
        this.gateway = JurisdictionScope.of(Jurisdiction.state(stateCode));
        this.writer = writer;
        this.clock = clock;
        this.reports = reports;
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
        return receiveAll(List.of(sms)).get(0);
    }

    /**
     * Parses, stores and answers messages forwarded at once: their reports are stored in
     * one transaction with every message and its outcome, one answer each, in order.
     */
    List<SmsResponse> receiveAll(List<SmsRequest> messages) {
        return writer.inTransaction(status -> receiveInTransaction(messages));
    }

    private List<SmsResponse> receiveInTransaction(List<SmsRequest> messages) {
        int n = messages.size();
        Instant now = clock.instant();
        SmsResponse[] answers = new SmsResponse[n];
        UUID[] ids = new UUID[n];
        Instant[] received = new Instant[n];
        MealReportRequest[] requests = new MealReportRequest[n];
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            SmsRequest sms = messages.get(i);
            ids[i] = Ids.timeOrdered();
            received[i] = sms.receivedAt() == null ? now : sms.receivedAt();
            String[] words = SPACES.split(sms.message().strip().toUpperCase(Locale.ROOT));
            String error = parseError(words);
            if (error != null) {
                answers[i] = answer(ids[i], SmsStatus.REJECTED, error,
                        "MDM: message not understood (" + error + "). " + FORMAT, null);
                continue;
            }
            boolean noMeal = words[2].equals("NOMEAL");
            NoMealReason reason = noMeal ? NoMealReason.fromSms(words[3]) : null;
            int primary = noMeal ? 0 : Integer.parseInt(words[2]);
            int upper = noMeal ? 0 : Integer.parseInt(words[3]);
            LocalDate date = LocalDate.ofInstant(received[i], MealReportService.INDIA);
            requests[i] = new MealReportRequest(null, words[1], date, primary, upper, primary + upper, reason);
            codes.add(words[1]);
        }
        Map<String, MealReportRepository.SchoolPlace> schools = reports.schools(codes);
        List<Integer> sent = new ArrayList<>();
        List<MealReportWriter.Incoming> incoming = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (answers[i] != null) {
                continue;
            }
            String udise = requests[i].udiseCode();
            MealReportRepository.SchoolPlace school = schools.get(udise);
            if (school == null) {
                answers[i] = reject(ids[i], "unknown UDISE code " + udise);
                continue;
            }
            // decrypted only here, for the schools SMS come from
            String phone = headmasters.phone(school.headmasterPhoneEnc(), school.headmasterPhone());
            if (phone != null && !lastTen(phone).equals(lastTen(messages.get(i).from()))) {
                answers[i] = reject(ids[i], "sender is not the registered number of school " + udise);
                continue;
            }
            sent.add(i);
            incoming.add(new MealReportWriter.Incoming(requests[i], received[i], messages.get(i).from()));
        }
        List<MealReportWriter.Result> results = writer.store(incoming, ReportChannel.SMS, gateway, false, false);
        for (int k = 0; k < sent.size(); k++) {
            int i = sent.get(k);
            MealReportWriter.Result result = results.get(k);
            MealReportRequest r = requests[i];
            if (result.status() == BatchResponse.Status.CREATED) {
                String reply = r.noMealReason() != null
                        ? "MDM: recorded no meal at " + r.udiseCode() + " on " + r.date() + " (" + r.noMealReason()
                                + "). Thank you."
                        : "MDM: recorded " + r.mealsServed() + " meals at " + r.udiseCode() + " on " + r.date()
                                + ". Thank you.";
                answers[i] = answer(ids[i], SmsStatus.ACCEPTED, null, reply, result.reportId());
            }
            else if (result.problem() != null && result.problem().code().equals(SchoolProblems.MEAL_REPORT_DUPLICATE)) {
                answers[i] = answer(
                        ids[i], SmsStatus.DUPLICATE, result.problem().getBody().getDetail(), "MDM: " + r.udiseCode()
                                + " has already reported for " + r.date() + ". Call your block office to correct it.",
                        null);
            }
            else {
                answers[i] = reject(ids[i],
                        result.problem() == null ? "not recorded" : result.problem().getBody().getDetail());
            }
        }
        reports.storeSms(messages, List.of(received), List.of(answers));
        return List.of(answers);
    }

    private static SmsResponse reject(UUID id, String error) {
        return answer(id, SmsStatus.REJECTED, error, "MDM: not recorded: " + error + ".", null);
    }

    /** The answer, with the error and reply cut to what the message log keeps. */
    private static SmsResponse answer(UUID id, SmsStatus status, String error, String reply, UUID reportId) {
        return new SmsResponse(id, status, cut(reply), reportId, cut(error));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
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
