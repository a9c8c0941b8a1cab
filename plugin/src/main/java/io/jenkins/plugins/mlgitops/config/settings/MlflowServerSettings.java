package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.errors.InvalidSettingsException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An MLflow tracking server configured once in <em>Manage Jenkins</em>, and the rules around it.
 *
 * @param name the name steps use ({@code mlflowServer: 'production'})
 * @param url  the tracking server's URL
 */
public record MlflowServerSettings(String name, String url) {
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
        if (url == null || url.isBlank()) {
            return Validation.error("Give the tracking server's URL, e.g. https://mlflow.example.com");
        }
        try {
            URI parsed = URI.create(url.trim());
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
                return Validation.error("Not an http(s) URL with a host: " + url.trim());
            }
            if (parsed.getUserInfo() != null) {
                return Validation.error("Do not put credentials into the URL; they would be shown and logged.");
            }
            return scheme.equals("http") ? Validation.warning("Plain http: tokens and passwords travel unencrypted.")
                    : Validation.ok();
        }
        catch (IllegalArgumentException malformed) {
            return Validation.error("Not a URL: " + malformed.getMessage());
        }
    }

    /**
     * The server a step talks to: its own {@code mlflowUrl} when given, else the configured server it names, else
     * {@code null} (the engine then reads the build's {@code MLFLOW_TRACKING_URI}). The configured servers are read
     * only when a name must be looked up.
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
        if (!named) {
            return null;
        }
        List<MlflowServerSettings> servers = configured.get();
        return servers.stream().filter(server -> server.name().equals(serverName.trim())).findFirst()
                .map(MlflowServerSettings::url)
                .orElseThrow(() -> new InvalidSettingsException("No MLflow server named '" + serverName.trim()
                        + "' in Manage Jenkins > ML GitOps; configured: " + (servers.isEmpty() ? "none"
                        : servers.stream().map(MlflowServerSettings::name).collect(Collectors.joining(", ")))
                        + "."));
    }
}
