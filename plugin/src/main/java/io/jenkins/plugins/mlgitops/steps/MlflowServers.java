package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import io.mlgitops.api.errors.InvalidSettingsException;

import java.util.List;

/** Turns a step's {@code mlflowServer} (a configured server's name) or {@code mlflowUrl} into the server's URL. */
final class MlflowServers {
    private MlflowServers() {
    }

    /** The URL, or {@code null} for the build's {@code MLFLOW_TRACKING_URI}; a wrong name stops the step. */
    static String url(final String functionName, final String serverName, final String explicitUrl)
            throws AbortException {
        try {
            boolean named = serverName != null && !serverName.isBlank();
            return MlflowServerSettings.resolve(named ? MlGitOpsConfiguration.get().serverSettings()
                    : List.of(), serverName, explicitUrl);
        }
        catch (InvalidSettingsException wrong) {
            throw new AbortException(functionName + ": " + wrong.getMessage());
        }
    }
}
