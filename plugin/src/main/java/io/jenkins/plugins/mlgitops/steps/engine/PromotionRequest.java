package io.jenkins.plugins.mlgitops.steps.engine;

import java.util.Map;

/**
 * A request that commits a promotion or its rollback: the controller completes it with the call's MLflow server and
 * the build's variables before it goes to the agent.
 */
public interface PromotionRequest extends EngineRun {
    /** The MLflow server of the call; {@code null} for the build's {@code MLFLOW_TRACKING_URI}. */
    PromotionRequest mlflowUrl(String value);

    /** Takes what the commit records from the build's variables ({@code BUILD_URL}, the default author). */
    PromotionRequest buildEnvironment(Map<String, String> variables);
}
