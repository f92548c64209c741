package in.mdm.testkit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring context at the JVM's real PostgreSQL, Kafka and Redis (see {@link Infrastructure}). */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "mdmTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, Infrastructure.springProperties()));
        Infrastructure.register(context);
    }
}
