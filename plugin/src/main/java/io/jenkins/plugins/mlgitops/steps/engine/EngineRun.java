package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;

import java.io.Serializable;
import java.nio.file.Path;

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
}
