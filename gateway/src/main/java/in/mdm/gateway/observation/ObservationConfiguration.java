package in.mdm.gateway.observation;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's calls to services are observed (timed, traced) under their own name.
 * Under the default name, {@code http.client.requests}, they clash with the same-named
 * meter of Spring's HTTP clients (config and Eureka clients), whose tag keys differ:
 * Prometheus then refuses the gateway's meter and its per-route latencies are lost
 * (spring-cloud-gateway issue 3153).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    static final String NAME = "spring.cloud.gateway.http.client.requests";

    @Bean
    GatewayObservationConvention gatewayObservationConvention() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return NAME;
            }
        };
    }

}
