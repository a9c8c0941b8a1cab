package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * One engine run, sent to the agent that holds the workspace and run there, so that data sets and models are read
 * where they are instead of being copied through the controller.
 */
public interface EngineRun extends Serializable {
    /**
     * Runs the engine.
     *
     * @param workspace the workspace folder on this machine; relative paths of the parameters are resolved against it
     * @param secrets   credentials the engine looks up by name (MLflow, model servers)
     * @param progress  where progress lines go
     * @return the outcome; an input error is an outcome with status {@code ERROR}, not an exception
     */
    StepOutcome run(Path workspace, SecretSource secrets, ProgressListener progress);

    /** The secret values this run carries (a resolved credential), to be masked in what the step prints. */
    default List<String> secretValues() {
        return List.of();
    }

    /** Runs the engine with every secret value masked in progress lines and in the outcome's messages. */
    default StepOutcome runMasked(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        SecretMasker masker = new SecretMasker(secretValues());
        return masker.maskOutcome(run(workspace, secrets, masker.masking(progress)));
    }
}
