package in.mdm.events.optimization;

/**
 * Kafka topics of the optimization context: Transfer decisions published by
 * optimization-service.
 */
public final class OptimizationTopics {

    public static final String TRANSFERS = "mdm.optimization.transfers";

    private OptimizationTopics() {
    }

}
