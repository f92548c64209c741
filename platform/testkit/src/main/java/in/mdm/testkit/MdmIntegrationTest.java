package in.mdm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against real PostgreSQL, Kafka and Redis started by
 * this kit. The config server and Eureka are switched off: the service runs on its own
 * {@code application.yml} and the platform's defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.cloud.config.enabled=false", "spring.config.import=", "eureka.client.enabled=false",
                "spring.cloud.discovery.enabled=false", "logging.level.org.apache.kafka=WARN",
                "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN",
                "logging.level.org.apache.zookeeper=WARN" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface MdmIntegrationTest {

}
