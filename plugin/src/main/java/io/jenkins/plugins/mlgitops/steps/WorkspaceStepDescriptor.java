package io.jenkins.plugins.mlgitops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

import java.util.Set;

/**
 * The descriptor of an ML GitOps step: its Pipeline name and title, and the context every step needs, a workspace
 * (so it runs inside {@code node} or an {@code agent}, where the engine runs) with the build, its log and variables.
 */
public abstract class WorkspaceStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayName;

    protected WorkspaceStepDescriptor(final String functionName, final String displayName) {
        super();
        this.functionName = functionName;
        this.displayName = displayName;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public final Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }
}
