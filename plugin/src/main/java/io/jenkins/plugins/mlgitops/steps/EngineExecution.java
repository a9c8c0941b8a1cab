package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlgitops.actions.MlGitOpsBuildAction;
import io.jenkins.plugins.mlgitops.actions.ReportRecorder;
import io.jenkins.plugins.mlgitops.steps.engine.BuildSecrets;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.StepFinisher;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.jenkins.plugins.mlgitops.steps.engine.StepVerdict;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.IOException;
import java.util.Map;

/**
 * The execution of the steps that run the engine on the agent: a background thread (never the Pipeline's CPS thread)
 * completes the request on the controller (credentials, build variables), sends it to the workspace's machine, waits
 * for the outcome, then lets {@link StepFinisher} keep the report and decide. The request, which may hold a resolved
 * credential, is a transient field: it is never written to the build's program state. A controller restart while
 * the engine runs fails the step (such executions do not resume); wrap the {@code node} in
 * {@code retry(conditions: [nonresumable()])} to run it again.
 */
final class EngineExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient String functionName;
    private final transient Preparation request;
    private final transient boolean unstableOnFailure;

    EngineExecution(final StepContext context, final String functionName, final EngineRun request,
            final boolean unstableOnFailure) {
        this(context, functionName, (build, environment) -> request, unstableOnFailure);
    }

    EngineExecution(final StepContext context, final String functionName, final Preparation request,
            final boolean unstableOnFailure) {
        super(context);
        this.functionName = functionName;
        this.request = request;
        this.unstableOnFailure = unstableOnFailure;
    }

    /** Completes a step's request on the controller, on the execution's background thread. */
    @FunctionalInterface
    interface Preparation {
        /**
         * @param build       the run, for credentials looked up in its context
         * @param environment the build's variables
         * @throws AbortException when a parameter names something the build cannot use (a credential id)
         */
        EngineRun prepare(Run<?, ?> build, EnvVars environment) throws AbortException;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Run<?, ?> build = context.get(Run.class);
        EnvVars environment = context.get(EnvVars.class);
        BuildSecrets secrets = BuildSecrets.from(environment);
        EngineRun engineRun = request.prepare(build, environment);
        listener.getLogger().println("[" + functionName + "] Running in " + workspace.getRemote());
        StepOutcome outcome = workspace.act(new AgentEngineCallable(functionName, engineRun, secrets, listener));
        return conclude(context, functionName, outcome, build, listener, unstableOnFailure);
    }

    /**
     * The controller's end of a step: keeps the report (and its summary on the build page), prints the summary,
     * marks the build and stage UNSTABLE or throws to fail the step, as the verdict says; the Pipeline's return value
     * otherwise.
     *
     * @throws AbortException when the step fails the build
     */
    static Map<String, Object> conclude(final StepContext context, final String functionName,
            final StepOutcome outcome, final Run<?, ?> build, final TaskListener listener,
            final boolean unstableOnFailure) throws IOException, InterruptedException {
        StepFinisher.Finished finished = StepFinisher.finish(functionName, outcome, build.getRootDir().toPath(),
                unstableOnFailure, listener.getLogger());
        if (finished.report().isPresent()) {
            ReportRecorder.record(build, finished.report().get(), listener.getLogger());
            EnvVars environment = context.get(EnvVars.class);
            String page = MlGitOpsBuildAction.pageUrl(environment == null ? null : environment.get("BUILD_URL"));
            if (page != null) {
                finished.values().put("reportUrl", page);
                listener.getLogger().println("[" + functionName + "] Report page: " + page);
            }
        }
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
