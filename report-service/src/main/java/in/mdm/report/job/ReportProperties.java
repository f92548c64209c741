package in.mdm.report.job;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report generation.
 *
 * @param storageDir where report files are written (the system's temporary folder's
 * {@code mdm-reports} when not set)
 * @param concurrentJobs jobs generated at once by one instance; the rest wait QUEUED
 * @param pollInterval how often an instance looks for queued jobs and beats the heart of
 * its running ones
 * @param staleAfter a RUNNING job whose heart has not beaten for this long was left by a
 * crashed instance: it is queued again, or failed after {@code maxAttempts}
 * @param maxAttempts runs a job gets
 * @param scheduleInterval how often due schedules are fired
 * @param worker whether this instance generates reports (off: it only queues them)
 */
@ConfigurationProperties("mdm.report")
public record ReportProperties(Path storageDir, @DefaultValue("2") int concurrentJobs,
        @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("PT2M") Duration staleAfter,
        @DefaultValue("2") int maxAttempts, @DefaultValue("PT30S") Duration scheduleInterval,
        @DefaultValue("true") boolean worker) {

    public ReportProperties {
        // a placeholder in @DefaultValue is not resolved: it would be a folder named
        // "${java.io.tmpdir}" in the working directory
        if (storageDir == null) {
            storageDir = Path.of(System.getProperty("java.io.tmpdir"), "mdm-reports");
        }
    }

}
