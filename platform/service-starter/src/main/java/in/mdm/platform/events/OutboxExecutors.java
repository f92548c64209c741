package in.mdm.platform.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox's executors: a fixed number of platform threads and an unbounded queue, so
 * that handing work over never waits.
 */
final class OutboxExecutors {

    private OutboxExecutors() {
    }

    /**
     * @param threadNamePrefix e.g. {@code mdm-outbox-send-}
     * @param decorator carries the trace and MDC of the thread that hands the work over
     */
    static ThreadPoolTaskExecutor queued(String threadNamePrefix, int threads,
            ObjectProvider<TaskDecorator> decorator) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setTaskDecorator(decorator.getIfAvailable(ContextPropagatingTaskDecorator::new));
        // at shutdown, queued sends and outcomes still run (what does not is sent again
        // at the next start)
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

}
