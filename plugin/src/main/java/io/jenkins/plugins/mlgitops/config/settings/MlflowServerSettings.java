package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.errors.InvalidSettingsException;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An MLflow tracking server configured once in <em>Manage Jenkins</em>, and the rules around it.
 *
 * @param name          the name steps use ({@code mlflowServer: 'production'})
 * @param url           the tracking server's URL
 * @param credentialsId the Jenkins credential for it (user name and password, or a token), or {@code null}
 */
public record MlflowServerSettings(String name, String url, String credentialsId) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A server name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static Validation checkName(final String name) {
        if (name == null || name.isBlank()) {
            return Validation.error("Give the server a name; steps refer to it as mlflowServer: 'NAME'.");
        }
        if (!NAME.matcher(name.trim()).matches()) {
            return Validation.error("Use letters, digits, '.', '_' and '-' only, starting with a letter or digit.");
        }
        return Validation.ok();
    }

    /** The tracking server's URL: http or https with a host; plain http only earns a warning. */
    public static Validation checkUrl(final String url) {
        return Urls.check("the tracking server's URL", "https://mlflow.example.com", url);
    }

    /**
     * The URL of the server a step names: its own {@code mlflowUrl} when given, else the configured server it names,
     * else {@code null} (the engine then reads the build's {@code MLFLOW_TRACKING_URI}). The configured servers are
     * read only when a name must be looked up.
     *
     * @throws InvalidSettingsException when both are given, or the name matches no configured server
     */
    public static String resolve(final Supplier<List<MlflowServerSettings>> configured, final String serverName,
            final String explicitUrl) throws InvalidSettingsException {
        boolean named = serverName != null && !serverName.isBlank();
        boolean explicit = explicitUrl != null && !explicitUrl.isBlank();
        if (named && explicit) {
            throw new InvalidSettingsException("Give mlflowServer or mlflowUrl, not both.");
        }
        if (explicit) {
            return explicitUrl.trim();
        }
        return named ? named(configured.get(), serverName, "mlflowServer").url() : null;
    }

    /**
     * The configured server with this name.
     *
     * @param parameter the setting that gave the name, for the message
     * @throws InvalidSettingsException naming the parameter, the name and the configured servers
     */
    static MlflowServerSettings named(final List<MlflowServerSettings> servers, final String name,
            final String parameter) throws InvalidSettingsException {
        return servers.stream().filter(server -> server.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> new InvalidSettingsException(parameter + ": no MLflow server named '" + name.trim()
                        + "' in Manage Jenkins > System > ML GitOps; configured: " + (servers.isEmpty() ? "none"
                        : servers.stream().map(MlflowServerSettings::name).collect(Collectors.joining(", ")))
                        + ". Add it there or fix the name."));
    }
}
