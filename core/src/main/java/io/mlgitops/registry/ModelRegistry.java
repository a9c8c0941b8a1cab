package io.mlgitops.registry;

import io.mlgitops.api.errors.MlGitOpsException;

import java.nio.file.Path;

/**
 * Port: a model registry (MLflow) that resolves versions and aliases, hands out a version's files, and records
 * promotions: aliases, version tags and the legacy stages.
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

    /**
     * Points {@code alias} at {@code version}, moving it when another version carries it.
     *
     * @throws io.mlgitops.api.errors.InputException when the alias name is not valid (letters, digits, {@code _} and
     *                                               {@code -}; not {@code latest}, not {@code v<digits>}), the model
     *                                               or version does not exist, or the credentials may not edit
     *                                               the model
     */
    void setAlias(String name, String alias, String version) throws MlGitOpsException;

    /** Removes {@code alias} from the registered model. */
    void deleteAlias(String name, String alias) throws MlGitOpsException;

    /** Sets a tag of a model version, replacing its value when the key exists. */
    void setVersionTag(String name, String version, String key, String value) throws MlGitOpsException;

    /** Removes a tag of a model version. */
    void deleteVersionTag(String name, String version, String key) throws MlGitOpsException;

    /**
     * Moves a version to a legacy stage ({@code None}, {@code Staging}, {@code Production}, {@code Archived}). Stages
     * are deprecated since MLflow 2.9: callers should warn and prefer aliases.
     *
     * @param archiveExistingVersions whether the versions now in {@code stage} move to {@code Archived}
     * @return the version as the registry now describes it
     */
    ModelVersion transitionStage(String name, String version, String stage, boolean archiveExistingVersions)
            throws MlGitOpsException;
}
