package io.mlgitops.inference;

import io.mlgitops.api.errors.MlGitOpsException;

/**
 * Opens a {@link ModelRunner} for a model reference ({@code onnx:PATH}, {@code predictions:PATH},
 * {@code models:/NAME/VERSION}, {@code models:/NAME@ALIAS}, {@code http:URL}).
 */
@FunctionalInterface
public interface ModelRunnerFactory {
    /**
     * @throws io.mlgitops.registry.AliasNotFoundException when a {@code models:/NAME@ALIAS} alias does not exist
     * @throws MlGitOpsException                           when the reference is malformed or the model cannot be
     *                                                     loaded; the message names the reference and the fix
     */
    ModelRunner open(String reference) throws MlGitOpsException;
}
