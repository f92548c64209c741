package in.mdm.platform.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail every service with a database gets: {@link AuditTrail} to record
 * changes, a filter recording every state-changing API call, {@link AuditChain} to verify
 * the chain, the ADMIN search and verification endpoints, and the nightly retention. Its
 * tables come from the platform's migrations ({@code db/platform}). The beans' names
 * begin with {@code platform} because services have audit classes of their own
 * (finance-service's {@code AuditTrail}, auth-service's {@code AuditController}), whose
 * bean names would clash.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditPlatformAutoConfiguration {

    /**
     * Just inside Spring Security's filter ({@code spring.security.filter.order}, -100),
     * so that the caller is known while the call is recorded.
     */
    static final int CALL_FILTER_ORDER = -100 + 10;

    @Bean
    AuditTrailRepository platformAuditTrailRepository(DataSource dataSource) {
        return new AuditTrailRepository(JdbcClient.create(dataSource));
    }

    @Bean
    AuditTrail platformAuditTrail(AuditTrailRepository repository, PlatformTransactionManager transactions,
            ObjectProvider<JsonMapper> json, Clock clock) {
        return new AuditTrail(repository, new TransactionTemplate(transactions),
                json.getIfAvailable(() -> JsonMapper.builder().build()), clock);
    }

    @Bean
    AuditChain platformAuditChain(AuditTrailRepository repository, PlatformTransactionManager transactions,
            AuditProperties properties) {
        return new AuditChain(repository, transactions, properties.batchSize());
    }

    @Bean
    AuditRetention platformAuditRetention(AuditTrailRepository repository, PlatformTransactionManager transactions,
            Clock clock, AuditProperties properties) {
        return new AuditRetention(repository, new TransactionTemplate(transactions), clock, properties.retention(),
                properties.batchSize());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        AuditController platformAuditController(AuditTrail trail, AuditChain chain) {
            return new AuditController(trail, chain);
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "mdm.audit.api-calls", matchIfMissing = true)
        FilterRegistrationBean<AuditCallFilter> platformAuditCallFilter(AuditTrail trail) {
            FilterRegistrationBean<AuditCallFilter> registration = new FilterRegistrationBean<>(
                    new AuditCallFilter(trail));
            registration.setOrder(CALL_FILTER_ORDER);
            return registration;
        }

    }

}
