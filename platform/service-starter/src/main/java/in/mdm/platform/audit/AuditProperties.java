package in.mdm.platform.audit;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code mdm.audit.*}).
 *
 * @param apiCalls whether every state-changing API call is recorded
 * @param retention how long rows stay in the chain before they move to the archive (7
 * years: the period records of public funds are kept)
 * @param retentionCron when the retention job runs (Asia/Kolkata)
 * @param batchSize rows per batch when verifying and archiving
 * @param path the base path of the audit endpoints (the service's gateway prefix and
 * {@code /audit})
 */
@ConfigurationProperties("mdm.audit")
public record AuditProperties(@DefaultValue("true") boolean apiCalls, @DefaultValue("P7Y") Period retention,
        @DefaultValue("0 30 2 * * *") String retentionCron, @DefaultValue("1000") int batchSize, String path) {

    public AuditProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("mdm.audit.retention must be positive (it is " + retention + ")");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("mdm.audit.batch-size must be at least 1 (it is " + batchSize + ")");
        }
    }

}
