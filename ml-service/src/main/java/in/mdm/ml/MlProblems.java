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

    private MlProblems() {
    }

}
