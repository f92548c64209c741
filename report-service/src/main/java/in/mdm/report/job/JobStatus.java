package in.mdm.report.job;

public enum JobStatus {

    QUEUED, RUNNING, READY, FAILED

}
