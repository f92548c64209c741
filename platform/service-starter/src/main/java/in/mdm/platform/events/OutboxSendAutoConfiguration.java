package in.mdm.platform.events;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the outbox hands single events to Kafka after commit. Spring Modulith's
 * externalization is {@code @Async} without a qualifier, so this executor is made the
 * application's default for {@code @Async} (ahead of Boot's, which stays the executor of
 * everything else, such as asynchronous MVC requests). A few platform threads and an
 * unbounded queue: the committing thread hands its events over and returns at once, never
 * waiting, with its pooled connection, for a free slot; and only these few threads at a
 * time open the publication registry's short transactions, however many events a burst
 * commits.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
public class OutboxSendAutoConfiguration {

    /** The executor on which single events are handed to Kafka after commit. */
    public static final String SEND_EXECUTOR = "mdmOutboxSendExecutor";

    @Bean(name = SEND_EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor mdmOutboxSendExecutor(@Value("${mdm.events.send-threads:2}") int threads,
            ObjectProvider<TaskDecorator> decorator) {
        return OutboxExecutors.queued("mdm-outbox-send-", threads, decorator);
    }

    @Bean
    @ConditionalOnMissingBean(AsyncConfigurer.class)
    AsyncConfigurer mdmOutboxAsyncConfigurer(@Qualifier(SEND_EXECUTOR) ThreadPoolTaskExecutor sendExecutor) {
        return new AsyncConfigurer() {
            @Override
            public Executor getAsyncExecutor() {
                return sendExecutor;
            }
        };
    }

}
