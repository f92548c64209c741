package in.mdm.ml;

/**
 * The problem codes ml-service answers with (the {@code code} of its RFC 9457 problems),
 * each documented in the service's README. Missing or bad tokens, roles that may not call
 * and bad parameters are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class MlProblems {

    // Model registry

    /** 404: no such model version in the registry. */
    public static final String MODEL_NOT_FOUND = "ml.model.not-found";

    /** 409: the model has no ACTIVE version (nothing to score with, or to roll back). */
    public static final String MODEL_NO_ACTIVE = "ml.model.no-active";

    /**
     * 409: a rollback asked of a model that has served no version before the current one.
     */
    public static final String MODEL_NO_PREVIOUS = "ml.model.no-previous";

    // Retraining

    /** 409: a retraining job is running already. */
    public static final String RETRAIN_RUNNING = "ml.retrain.running";

    /** 404: no such retraining job. */
    public static final String RETRAIN_NOT_FOUND = "ml.retrain.not-found";

    // Risk scores

    /**
     * 404: no school of that UDISE code in the feature store, or not in the caller's
     * jurisdiction.
     */
    public static final String SCHOOL_NOT_FOUND = "ml.school.not-found";

    /**
     * 400: a batch prediction names neither a jurisdiction nor schools, or too many
     * schools.
     */
    public static final String BATCH_INVALID = "ml.batch.invalid";

    // Demand forecasts

    /**
     * 409: the school has too few days with a meal served to forecast from (fewer than 8
     * in the last 100 days).
     */
    public static final String FORECAST_TOO_LITTLE_HISTORY = "ml.forecast.too-little-history";

    /** 409: a forecast run for all schools is running already. */
    public static final String FORECAST_RUNNING = "ml.forecast.running";

    /** 404: no such forecast run. */
    public static final String FORECAST_RUN_NOT_FOUND = "ml.forecast.run-not-found";

    // Weather

    /**
     * 404: no weather for that district (no centre to ask for it, never fetched), or the
     * district is outside the caller's jurisdiction.
     */
    public static final String WEATHER_DISTRICT_NOT_FOUND = "ml.weather.district-not-found";

    // Cascade risk

    /**
     * 404: no such district, kitchen, supplier or school in the supply graph, or none of
     * its schools in the caller's jurisdiction.
     */
    public static final String CASCADE_NOT_FOUND = "ml.cascade.not-found";

    // Interventions

    /**
     * 409: an intervention of that kind is open (accepted, not yet evaluated) for the
     * school.
     */
    public static final String INTERVENTION_OPEN = "ml.intervention.open";

    private MlProblems() {
    }

}
