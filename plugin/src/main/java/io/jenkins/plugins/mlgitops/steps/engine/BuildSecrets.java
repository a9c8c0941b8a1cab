package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The secrets the engine looks up by name, taken from the build's environment, so that {@code withCredentials} and
 * {@code environment} blocks reach the engine on the agent; a name the build does not set falls back to the agent
 * process's environment, as on the command line. Only the names the engine reads are kept, and no value is ever
 * printed: {@link #toString()} lists names only.
 */
public final class BuildSecrets implements SecretSource, Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The variables the commands read (docs/cli.md, Environment): MLflow and model servers, and the pull request
     * tokens of {@code mlPromote mode: 'pr'} when no credential gives one.
     */
    public static final List<String> NAMES = List.of("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME",
            "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN", "MLGITOPS_HTTP_USERNAME", "MLGITOPS_HTTP_PASSWORD",
            "MLGITOPS_HTTP_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN", "PROMETHEUS_TOKEN",
            "PROMETHEUS_USERNAME", "PROMETHEUS_PASSWORD");

    private final TreeMap<String, String> values;

    private BuildSecrets(final TreeMap<String, String> values) {
        this.values = values;
    }

    /** The engine's variables out of a build environment (Jenkins' {@code EnvVars} is such a map). */
    public static BuildSecrets from(final Map<String, String> environment) {
        TreeMap<String, String> kept = new TreeMap<>();
        for (String name : NAMES) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        }
        return new BuildSecrets(kept);
    }

    @Override
    public Optional<String> secret(final String name) {
        String value = values.get(name);
        return value != null ? Optional.of(value) : SecretSource.ENVIRONMENT.secret(name);
    }

    @Override
    public String toString() {
        return "BuildSecrets" + values.keySet();
    }
}
