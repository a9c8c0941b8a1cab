package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlgitops.steps.engine.BuildSecrets;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.StepFinisher;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.jenkins.plugins.mlgitops.steps.engine.StepVerdict;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * The execution of {@code mlBenchmark} and {@code mlComplianceCheck}: a background thread (never the Pipeline's CPS
 * thread) sends the request to the workspace's machine, waits for the outcome, then lets {@link StepFinisher} keep
 * the report and decide. A controller restart while the engine runs fails the step (such executions do not resume);
 * wrap the {@code node} in {@code retry(conditions: [nonresumable()])} to run it again.
 */
final class EngineExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient String functionName;
    private final transient EngineRun request;
    private final transient boolean unstableOnFailure;

    EngineExecution(final StepContext context, final String functionName, final EngineRun request,
            final boolean unstableOnFailure) {
        super(context);
        this.functionName = functionName;
        this.request = request;
        this.unstableOnFailure = unstableOnFailure;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Run<?, ?> build = context.get(Run.class);
        BuildSecrets secrets = BuildSecrets.from(context.get(EnvVars.class));
        listener.getLogger().println("[" + functionName + "] Running in " + workspace.getRemote());
        StepOutcome outcome = workspace.act(new AgentEngineCallable(functionName, request, secrets, listener));
        StepFinisher.Finished finished = StepFinisher.finish(functionName, outcome, build.getRootDir().toPath(),
                unstableOnFailure, listener.getLogger());
        if (finished.verdict().decision() == StepVerdict.Decision.FAIL) {
            throw new AbortException(finished.verdict().message());
        }
        if (finished.verdict().decision() == StepVerdict.Decision.UNSTABLE) {
            context.setResult(Result.UNSTABLE);
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                // the stage shows as unstable too, as with Pipeline's own unstable step
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(finished.verdict().message()));
            }
        }
        return finished.values();
    }
}
