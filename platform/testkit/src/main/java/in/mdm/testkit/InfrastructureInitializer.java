package in.mdm.testkit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the JVM's real PostgreSQL, Kafka and Redis (see
 * {@link Infrastructure}) and makes it trust the test issuer of {@link TestTokens}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "mdmTestInfrastructure";

    public static final String TOKENS_PROPERTY_SOURCE = "mdmTestTokens";

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource(PROPERTY_SOURCE, Infrastructure.springProperties()));
        // below a test's own properties, so that a test can point at another issuer
        MapPropertySource tokens = new MapPropertySource(TOKENS_PROPERTY_SOURCE, TestTokens.springProperties());
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, tokens);
        }
        else {
            sources.addAfter(PROPERTY_SOURCE, tokens);
        }
        Infrastructure.register(context);
    }

}
