package in.mdm.platform.security.servlet;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a caller whose role an endpoint does not allow before the request's body and
 * parameters are read, so that a wrong role gets a 403 whatever it sends, not a 400 that
 * tells it what a valid request looks like.
 * <p>
 * Method security ({@code @PreAuthorize}) decides once the arguments are bound, after the
 * body was parsed and validated. This interceptor evaluates the same expression earlier,
 * when it depends on the caller alone (roles, scopes: no {@code #argument} and no
 * {@code @bean}); expressions that need the arguments are left to method security. Method
 * security still runs afterwards, so the interceptor only ever refuses earlier, never
 * allows more.
 */
public class RoleGate implements HandlerInterceptor {

    private final MethodSecurityExpressionHandler expressions;

    private final Map<Method, Optional<Expression>> gates = new ConcurrentHashMap<>();

    public RoleGate(MethodSecurityExpressionHandler expressions) {
        this.expressions = expressions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<Expression> gate = gates.computeIfAbsent(method.getMethod(), m -> gateOf(method));
        if (gate.isEmpty()) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            // nothing authenticated here (an open path): method security decides
            return true;
        }
        EvaluationContext context = expressions.createEvaluationContext(() -> caller,
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (!ExpressionUtils.evaluateAsBoolean(gate.get(), context)) {
            throw new AccessDeniedException("Your role may not do this");
        }
        return true;
    }

    private Optional<Expression> gateOf(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || !callerOnly(rule.value())) {
            return Optional.empty();
        }
        return Optional.of(expressions.getExpressionParser().parseExpression(rule.value()));
    }

    /** Whether an expression reads only the caller: no method argument, no bean. */
    static boolean callerOnly(String expression) {
        return !expression.contains("#") && !expression.contains("@") && !expression.contains("returnObject")
                && !expression.contains("filterObject");
    }

}
