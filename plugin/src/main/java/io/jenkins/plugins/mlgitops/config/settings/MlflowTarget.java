package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.errors.InvalidSettingsException;

import java.util.List;
import java.util.function.Supplier;

/**
 * The MLflow server one step call talks to, and the configured credential that belongs to it. The precedence is the
 * one {@code withCredentials} users expect: the step's own {@code mlflowUrl} or {@code mlflowServer}, else the
 * build's {@code MLFLOW_TRACKING_URI} (with the build's {@code MLFLOW_TRACKING_*} credentials), else the configured
 * default server. A configured server's credential travels only with that server.
 *
 * @param url           the server's URL, or {@code null} for the build's {@code MLFLOW_TRACKING_URI}
 * @param credentialsId the configured server's Jenkins credential, or {@code null} for the build's
 *                      {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD}/{@code TOKEN}
 */
public record MlflowTarget(String url, String credentialsId) {
    /** No server chosen here: the engine reads the build's environment. */
    public static final MlflowTarget BUILD_ENVIRONMENT = new MlflowTarget(null, null);

    /**
     * The server of a step call.
     *
     * @param configured       the configured servers and default; read only when a name must be looked up
     * @param serverName       the step's {@code mlflowServer}
     * @param explicitUrl      the step's {@code mlflowUrl}
     * @param buildTrackingUri the build's {@code MLFLOW_TRACKING_URI}
     * @throws InvalidSettingsException when the step gives both, or a name matches no configured server
     */
    public static MlflowTarget choose(final Supplier<Configured> configured, final String serverName,
            final String explicitUrl, final String buildTrackingUri) throws InvalidSettingsException {
        boolean named = isGiven(serverName);
        if (named || isGiven(explicitUrl)) {
            String url = MlflowServerSettings.resolve(() -> configured.get().servers(), serverName, explicitUrl);
            return named ? of(MlflowServerSettings.named(configured.get().servers(), serverName, "mlflowServer"))
                    : new MlflowTarget(url, null);
        }
        if (isGiven(buildTrackingUri)) {
            return BUILD_ENVIRONMENT;
        }
        Configured servers = configured.get();
        return isGiven(servers.defaultServer())
                ? of(MlflowServerSettings.named(servers.servers(), servers.defaultServer(), "defaultMlflowServer"))
                : BUILD_ENVIRONMENT;
    }

    private static MlflowTarget of(final MlflowServerSettings server) {
        return new MlflowTarget(server.url(), isGiven(server.credentialsId()) ? server.credentialsId().trim() : null);
    }

    private static boolean isGiven(final String value) {
        return value != null && !value.isBlank();
    }

    /**
     * What <em>Manage Jenkins › System › ML GitOps</em> holds about MLflow.
     *
     * @param servers       the configured servers
     * @param defaultServer the name of the server steps use when nothing else names one, or {@code null}
     */
    public record Configured(List<MlflowServerSettings> servers, String defaultServer) {
        public Configured {
            servers = List.copyOf(servers);
        }

        /**
         * The default server's name: blank is fine; a name must be one of the servers. Only a warning, since the
         * server may be added in the same form.
         */
        public Validation checkDefault(final String name) {
            if (!isGiven(name)) {
                return Validation.ok();
            }
            try {
                MlflowServerSettings.named(servers, name, "defaultMlflowServer");
                return Validation.ok();
            }
            catch (InvalidSettingsException missing) {
                return Validation.warning(missing.getMessage() + " (Save first if you have just added it.)");
            }
        }
    }
}
