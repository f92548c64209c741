package in.mdm.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point of MDM Twin: routes {@code /api/v1/**} to the services
 * registered in Eureka, with a circuit breaker per service, a Redis rate limit per
 * client, request ids, CORS and one Swagger UI for every service's API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

}
