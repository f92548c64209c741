package in.mdm.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import in.mdm.platform.security.CallerAuthentication;
import in.mdm.platform.security.servlet.Callers;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.RequestIdFilter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's audit trail: appends rows to its hash chain. A change recorded inside a
 * transaction ({@link #record}) is appended just before that transaction commits, with
 * the chain's head locked only from then until the commit: the row exists if and only if
 * the change does, and concurrent transactions wait for each other only for the insert,
 * not for their whole work. Outside a transaction the row is appended in one of its own.
 * Who, when and the request id are taken here, from the request and the clock.
 */
public class AuditTrail {

    static final String SYSTEM = "system";

    static final String ANONYMOUS = "anonymous";

    private final AuditTrailRepository repository;

    private final TransactionTemplate transactions;

    private final JsonMapper json;

    private final Clock clock;

    AuditTrail(AuditTrailRepository repository, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a data change; call it inside the transaction that makes the change, after
     * the change (a failure here rolls the change back, and a rolled-back change leaves
     * no row).
     */
    public void record(AuditEntry entry) {
        HttpServletRequest request = currentRequest();
        append(new AuditRecord(0, null, actor(), entry.action(), request == null ? null : request.getMethod(),
                request == null ? null : request.getRequestURI(), null, MDC.get(RequestIdFilter.MDC_KEY),
                entry.entityType(), entry.entityId(), write(entry.before()), write(entry.after()), null, null));
    }

    /** Records a finished API call (the platform's filter calls it). */
    void recordCall(String actor, String method, String pathTemplate, String path, int status, String requestId,
            String entityId) {
        append(new AuditRecord(0, null, actor, method + " " + (pathTemplate != null ? pathTemplate : path), method,
                path, status, requestId, null, entityId, null, null, null, null));
    }

    private void append(AuditRecord draft) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            @SuppressWarnings("unchecked")
            List<AuditRecord> pending = (List<AuditRecord>) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                List<AuditRecord> created = new ArrayList<>();
                TransactionSynchronizationManager.bindResource(this, created);
                TransactionSynchronizationManager.registerSynchronization(new AppendBeforeCommit(created));
                pending = created;
            }
            pending.add(draft);
        }
        else {
            transactions.executeWithoutResult(status -> chain(List.of(draft)));
        }
    }

    /**
     * Appends the drafts after the chain's head, which stays locked until the calling
     * transaction ends.
     */
    private void chain(List<AuditRecord> drafts) {
        AuditTrailRepository.Link head = repository.lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditRecord> rows = new ArrayList<>(drafts.size());
        long seq = head.seq();
        String previous = head.hash();
        for (AuditRecord draft : drafts) {
            AuditRecord row = draft.chained(++seq, now, previous);
            rows.add(row);
            previous = row.hash();
        }
        repository.insert(rows);
        repository.moveHead(new AuditTrailRepository.Link(seq, previous));
    }

    /** A page of the trail, newest first, read in one read-only transaction. */
    public PageResponse<AuditRecordResponse> search(AuditQuery query, int page, int size) {
        TransactionTemplate reading = new TransactionTemplate(transactions.getTransactionManager());
        reading.setReadOnly(true);
        return reading.execute(status -> repository.search(query, page, size).map(this::response));
    }

    private AuditRecordResponse response(AuditRecord r) {
        return new AuditRecordResponse(r.seq(), r.occurredAt(), r.actor(), r.action(), r.method(), r.path(), r.status(),
                r.requestId(), r.entityType(), r.entityId(), read(r.before()), read(r.after()), r.hash());
    }

    private JsonNode read(String value) {
        return value == null ? null : json.readTree(value);
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        return json.writeValueAsString(value);
    }

    /**
     * The caller's username; {@code anonymous} in a request without a caller (an open
     * path), {@code system} outside any request (a job, a consumer).
     */
    static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return caller.caller().username();
        }
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        if (currentRequest() == null) {
            return SYSTEM;
        }
        try {
            return Callers.current().username();
        }
        catch (AuthenticationException ex) {
            return ANONYMOUS;
        }
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private final class AppendBeforeCommit implements TransactionSynchronization {

        private final List<AuditRecord> pending;

        AppendBeforeCommit(List<AuditRecord> pending) {
            this.pending = pending;
        }

        @Override
        public int getOrder() {
            // last: nothing else should run while this transaction holds the head
            return LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!pending.isEmpty()) {
                chain(List.copyOf(pending));
                pending.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }

    }

}
