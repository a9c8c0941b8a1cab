package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.steps.engine.ChurnWorkspace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@code mlCanary} on the local router over the churn example ({@link ChurnWorkspace}): steps 50 and 100 of one
 * second each, a critical success-rate check; and the Java serialisation Pipeline applies to its execution.
 */
final class LocalCanary {
    private LocalCanary() {
    }

    /** Fills {@code workspace} with the churn example and returns the step on it. */
    static MlCanaryStep step(final Path workspace) throws IOException {
        ChurnWorkspace.create(workspace);
        MlCanaryStep step = new MlCanaryStep("local", "onnx:models/candidate.onnx");
        step.setStable("onnx:models/champion.onnx");
        step.setTraffic("data/test.csv");
        step.setTargetColumn("churned");
        step.setRate(200);
        step.setSteps("50,100");
        step.setStepDuration("1s");
        step.setAnalysisInterval("1s");
        step.setMinSamples(20);
        step.setStateFile("canary-state.json");
        CanaryThresholdCheck success = new CanaryThresholdCheck("request-success-rate");
        success.setMin(99.0);
        success.setCritical(true);
        step.setChecks(List.of(success));
        return step;
    }

    /** What Java serialisation writes: Pipeline's program state, or what the agent channel sends. */
    static byte[] serialised(final Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    /** The execution as a controller restart brings it back: written to bytes and read again. */
    static CanaryExecution restart(final CanaryExecution execution) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialised(execution)))) {
            return (CanaryExecution) in.readObject();
        }
    }
}
