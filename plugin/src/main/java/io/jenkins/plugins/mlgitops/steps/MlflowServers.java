package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import io.mlgitops.api.errors.InvalidSettingsException;

/** Turns a step's {@code mlflowServer} (a configured server's name) or {@code mlflowUrl} into the server's URL. */
final class MlflowServers {
    private MlflowServers() {
    }

    /** The URL, or {@code null} for the build's {@code MLFLOW_TRACKING_URI}; a wrong name stops the step. */
    static String url(final String functionName, final String serverName, final String explicitUrl)
            throws AbortException {
        try {
            return MlflowServerSettings.resolve(() -> MlGitOpsConfiguration.get().serverSettings(), serverName,
                    explicitUrl);
        }
        catch (InvalidSettingsException wrong) {
            throw new AbortException(functionName + ": " + wrong.getMessage());
        }
    }
}
