package in.mdm.auth.audit;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of identity: every sign-in (success or failure), lock, refresh,
 * sign-out and password change, with who, when, from which address and the outcome.
 * Written in its own transaction, so that a refused sign-in (whose request ends in an
 * error) is still recorded. Never holds a password, token or code.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository entries;

    AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void success(AuditAction action, UUID userId, String username, String address, String detail) {
        write(action, "SUCCESS", userId, username, address, detail);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(AuditAction action, UUID userId, String username, String address, String detail) {
        write(action, "FAILURE", userId, username, address, detail);
    }

    /**
     * The caller's address: the first hop of {@code X-Forwarded-For} when the gateway
     * forwarded the request, else the connection's peer.
     */
    public static String address(jakarta.servlet.http.HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddr();
    }

    private void write(AuditAction action, String outcome, UUID userId, String username, String address,
            String detail) {
        entries.insert(userId, cut(username, 254), action, outcome, cut(address, 64), cut(detail, 255));
        log.info("audit {} {} user={} address={} {}", action, outcome, cut(username, 64), address,
                detail == null ? "" : detail);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

}
