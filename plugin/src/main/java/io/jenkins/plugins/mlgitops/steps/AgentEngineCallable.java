package io.jenkins.plugins.mlgitops.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlgitops.adapters.ConsoleLogProgress;
import io.jenkins.plugins.mlgitops.steps.engine.BuildSecrets;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;

/**
 * Runs the engine on the machine that holds the workspace, usually an agent: data sets and models are read there and
 * never travel through the controller; only the parameters go out, and only the outcome (with the JSON report) comes
 * back. Progress lines go to the build log as they happen, through the remote build listener, with the values of a
 * resolved credential masked.
 */
final class AgentEngineCallable extends MasterToSlaveFileCallable<StepOutcome> {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final EngineRun engineRun;
    private final BuildSecrets secrets;
    private final TaskListener listener;

    AgentEngineCallable(final String functionName, final EngineRun engineRun, final BuildSecrets secrets,
            final TaskListener listener) {
        this.functionName = functionName;
        this.engineRun = engineRun;
        this.secrets = secrets;
        this.listener = listener;
    }

    @Override
    public StepOutcome invoke(final File workspace, final VirtualChannel channel) {
        return engineRun.runMasked(workspace.toPath(), secrets,
                new ConsoleLogProgress(listener.getLogger(), functionName));
    }
}
