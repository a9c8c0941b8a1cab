package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values of a Jenkins credential configured for a server the engine calls (MLflow, Prometheus), resolved on the
 * controller for one step call, under the variable names the engine reads for that server. They replace the build's
 * variables of that server only: with a token, the build's user name and password for it are hidden, so the engine
 * never mixes two credentials. Only {@link #toString()} appears in messages; it shows no value.
 */
public final class ServiceCredentials implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A server the engine authenticates to, and the variables it reads for it. */
    public enum Service {
        /** MLflow tracking server (docs/cli.md). */
        MLFLOW("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN"),
        /** Prometheus of {@code mlCanary} ({@code PrometheusSettings.of}). */
        PROMETHEUS("PROMETHEUS_USERNAME", "PROMETHEUS_PASSWORD", "PROMETHEUS_TOKEN");

        private final String username;
        private final String password;
        private final String token;

        Service(final String username, final String password, final String token) {
            this.username = username;
            this.password = password;
            this.token = token;
        }

        List<String> variables() {
            return List.of(username, password, token);
        }
    }

    /** No configured credential: the build's variables apply. */
    public static final ServiceCredentials NONE = new ServiceCredentials(null, null, new TreeMap<>());

    private final Service service;
    private final String id;
    private final TreeMap<String, String> values;

    private ServiceCredentials(final Service service, final String id, final TreeMap<String, String> values) {
        this.service = service;
        this.id = id;
        this.values = values;
    }

    /** "Username with password" credentials: HTTP Basic. */
    public static ServiceCredentials usernamePassword(final Service service, final String id, final String username,
            final String password) {
        TreeMap<String, String> values = new TreeMap<>();
        values.put(service.username, Objects.requireNonNull(username, "username"));
        values.put(service.password, Objects.requireNonNull(password, "password"));
        return new ServiceCredentials(service, Objects.requireNonNull(id, "id"), values);
    }

    /** "Secret text" credentials: a bearer token. */
    public static ServiceCredentials token(final Service service, final String id, final String token) {
        TreeMap<String, String> values = new TreeMap<>();
        values.put(service.token, Objects.requireNonNull(token, "token"));
        return new ServiceCredentials(service, Objects.requireNonNull(id, "id"), values);
    }

    /** The secrets the engine looks up: this credential's for its server, everything else from {@code fallback}. */
    public SecretSource over(final SecretSource fallback) {
        if (service == null) {
            return fallback;
        }
        List<String> own = service.variables();
        return name -> own.contains(name) ? Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty())
                : fallback.secret(name);
    }

    /** The secret values, for masking: password or token (never the user name). */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!entry.getKey().equals(service.username) && !entry.getValue().isEmpty()) {
                secrets.add(entry.getValue());
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return service == null ? "ServiceCredentials[NONE]" : "ServiceCredentials[" + service + ", " + id + ", "
                + values.keySet() + "]";
    }
}
