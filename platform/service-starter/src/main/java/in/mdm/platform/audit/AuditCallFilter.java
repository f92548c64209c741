package in.mdm.platform.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import in.mdm.platform.web.RequestIdFilter;

/**
 * Records every state-changing API call (POST, PUT, PATCH, DELETE) once it has been
 * answered, whatever the status: who, the method and path template (the path when no
 * handler matched), the status, the request id and, when the path has exactly one
 * variable, that variable as the resource id. It runs just inside Spring Security's
 * filter, so the caller is known; a call refused there for want of a valid token (401)
 * has no caller and is not recorded. A failure to record is logged and does not change
 * the answer, which has been sent.
 */
class AuditCallFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditCallFilter.class);

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;

    AuditCallFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod()) || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        }
        finally {
            record(request, status);
        }
    }

    private void record(HttpServletRequest request, int status) {
        try {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String entityId = null;
            if (variables instanceof Map<?, ?> map && map.size() == 1) {
                entityId = String.valueOf(map.values().iterator().next());
            }
            trail.recordCall(AuditTrail.actor(), request.getMethod(), pattern instanceof String p ? p : null,
                    request.getRequestURI(), status, MDC.get(RequestIdFilter.MDC_KEY), entityId);
        }
        catch (RuntimeException ex) {
            log.error("Audit trail: could not record {} {} ({})", request.getMethod(), request.getRequestURI(), status,
                    ex);
        }
    }

}
