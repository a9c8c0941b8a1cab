package io.mlgitops.canary;

import io.mlgitops.inference.ModelRunner;

import java.util.Objects;

/**
 * A model a local server serves, with the names its metrics carry.
 *
 * @param runner  what predicts; owned by the caller, who closes it after the servers
 * @param name    the {@code model} label, e.g. the registered model name
 * @param version the {@code version} label
 */
public record LocalModel(ModelRunner runner, String name, String version) {
    public LocalModel {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
