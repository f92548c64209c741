package in.mdm.platform.events;

import java.time.Duration;

import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * Puts {@link OutboxCompletions} around the outbox's publication repository when
 * completed entries are deleted (the platform's completion mode); other modes keep Spring
 * Modulith's own completion.
 */
class OutboxCompletionsPostProcessor implements BeanPostProcessor {

    private final Environment environment;

    OutboxCompletionsPostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventPublicationRepository repository && !(bean instanceof OutboxCompletions)
                && "delete".equalsIgnoreCase(environment.getProperty("spring.modulith.events.completion-mode", ""))) {
            Duration interval = environment.getProperty("mdm.events.completion-interval", Duration.class,
                    Duration.ofMillis(50));
            return new OutboxCompletions(repository, interval, Metrics.globalRegistry);
        }
        return bean;
    }

}
