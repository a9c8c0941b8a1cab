package io.mlgitops.registry;

import io.mlgitops.api.errors.MlGitOpsException;

import java.nio.file.Path;

/**
 * Port: a model registry (MLflow) that resolves versions and aliases and hands out a version's files.
 */
public interface ModelRegistry {
    /**
     * @throws MlGitOpsException when the version does not exist or the registry cannot be reached; the message
     *                           names the model, version and URL
     */
    ModelVersion getVersion(String name, String version) throws MlGitOpsException;

    /**
     * @throws AliasNotFoundException when the registered model has no such alias (for example no champion yet)
     * @throws MlGitOpsException      when the model does not exist or the registry cannot be reached
     */
    ModelVersion getVersionByAlias(String name, String alias) throws MlGitOpsException;

    /**
     * Downloads every file of the version's model directory into {@code cacheRoot/NAME/VERSION} (reusing a complete
     * earlier download) and returns that directory. Paths sent by the server never escape it.
     */
    Path download(ModelVersion version, Path cacheRoot) throws MlGitOpsException;
}
