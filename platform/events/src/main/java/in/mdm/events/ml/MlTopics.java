package in.mdm.events.ml;

/** Kafka topics of the ml context: Predictions published by ml-service. */
public final class MlTopics {

    public static final String RISKS = "mdm.ml.risk-scores";

    public static final String CASCADES = "mdm.ml.cascade-risks";

    public static final String FORECASTS = "mdm.ml.demand-forecasts";

    public static final String MODELS = "mdm.ml.models";

    public static final String WEATHER = "mdm.ml.weather-warnings";

    private MlTopics() {
    }

}
