package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.mlgitops.api.errors.InvalidSettingsException;

import java.util.Map;

/**
 * Turns a step's {@code mlflowServer} (a configured server's name) or {@code mlflowUrl}, the build's
 * {@code MLFLOW_TRACKING_URI} and the configured default into the server of the call. The configuration is read only
 * when a name must be looked up.
 */
final class MlflowServers {
    private MlflowServers() {
    }

    /**
     * The server of the call and its configured credential ({@link MlflowTarget#choose} has the precedence); a wrong
     * name stops the step.
     *
     * @param environment the build's variables
     */
    static MlflowTarget target(final String functionName, final String serverName, final String explicitUrl,
            final Map<String, String> environment) throws AbortException {
        try {
            return MlflowTarget.choose(() -> MlGitOpsConfiguration.get().mlflowSettings(), serverName, explicitUrl,
                    environment.get("MLFLOW_TRACKING_URI"));
        }
        catch (InvalidSettingsException wrong) {
            throw new AbortException(functionName + ": " + wrong.getMessage());
        }
    }
}
