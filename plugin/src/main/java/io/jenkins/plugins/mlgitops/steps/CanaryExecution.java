package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlgitops.adapters.JenkinsCredentials;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.steps.engine.BuildSecrets;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRequest;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRound;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRounds;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.ServiceCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.ServiceCredentialsRun;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.mlgitops.api.errors.InvalidSettingsException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution of {@code mlCanary}: asynchronous and resumable. {@link #start()} returns at once; each analysis is
 * one round of engine work on the workspace's agent ({@code CanaryCommand.advance()}), started by the controller's
 * timer and run on a thread of this class's pool, so no thread waits between analyses. The round's decision lines
 * stream to the build log; {@link CanaryRounds} decides when the next round runs, or ends the step with the outcome.
 *
 * <p>What is kept in the build's program state is only the request (names and values, no credential), the
 * {@link CanaryRounds} (next-run time, counters) and two flags; the rollout's own state is in the routed object's
 * annotation or the local router's state file. The credentials (the GitOps repository's {@code credentialsId}, the
 * configured cluster's kubeconfig, MLflow's and Prometheus') are resolved on the controller for every round and for
 * the abort, and travel with that round only ({@link CanaryRound}). {@link #onResume()} after a controller restart
 * therefore only schedules the next round, which continues the rollout where it was. {@link #stop(Throwable)} (the build aborted) runs the engine's abort,
 * which applies the rollback mode, and then fails the step; a round that is the whole run (a dry run, Flagger, Argo
 * Rollouts) is interrupted first, since it would not end on its own before the rollout does.</p>
 */
final class CanaryExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "[" + MlCanaryStep.FUNCTION_NAME + "] ";
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Runs the rounds: they block on the agent channel for seconds (an interval with the local router). */
    private static final ExecutorService ROUNDS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mlCanary round " + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final CanaryRequest request;
    private final boolean unstableOnFailure;
    private CanaryRounds rounds;
    private volatile boolean stopping;
    private volatile boolean done;
    private transient volatile ScheduledFuture<?> next;
    private transient volatile Thread running;

    CanaryExecution(final StepContext context, final CanaryRequest request, final boolean unstableOnFailure) {
        super(context);
        this.request = request;
        this.unstableOnFailure = unstableOnFailure;
    }

    @Override
    public boolean start() throws InvalidSettingsException {
        begin(System.currentTimeMillis());
        schedule(0);
        return false;
    }

    /** Sets up the rounds; the first is due at {@code now}. */
    void begin(final long now) throws InvalidSettingsException {
        rounds = new CanaryRounds(request.interval(), now);
    }

    private void schedule(final long delayMillis) {
        next = JenkinsFacade.schedule(() -> ROUNDS.execute(this::round), delayMillis);
    }

    /** One round: the engine on the agent, then the next round scheduled or the step finished. */
    private synchronized void round() {
        if (stopping || done) {
            return;
        }
        StepContext context = getContext();
        long started = System.currentTimeMillis();
        TaskListener listener = null;
        running = Thread.currentThread();
        try {
            listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            Run<?, ?> build = context.get(Run.class);
            EnvVars environment = context.get(EnvVars.class);
            if (listener == null || workspace == null || build == null || environment == null) {
                throw new IOException("the workspace or its agent is not available");
            }
            EngineRun round = withCredentials(roundRequest(), build, environment);
            if (round == null) {
                return;
            }
            StepOutcome outcome = workspace.act(new AgentEngineCallable(MlCanaryStep.FUNCTION_NAME, round,
                    BuildSecrets.from(environment), listener));
            CanaryRounds.Next decision = rounds.afterRound(started, System.currentTimeMillis(), outcome);
            if (decision.action() == CanaryRounds.Action.AGAIN) {
                outcome.summary().forEach(line -> listenerLog(context).println(PREFIX + line));
                schedule(decision.delayMillis());
                return;
            }
            done = true;
            finish(context, outcome, build, listener);
        }
        catch (IOException | RuntimeException unrun) {
            retryOrGiveUp(context, listener, String.valueOf(unrun.getMessage()), unrun);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            retryOrGiveUp(context, listener, "interrupted", interrupted);
        }
        finally {
            running = null;
        }
    }

    /**
     * The round with the credential of {@code credentialsId} resolved now, on the controller. When it cannot be
     * resolved before the rollout started, the step fails at once and {@code null} is returned; later the round
     * counts as one that could not run, so that a credential fixed in time lets the rollout go on.
     */
    private EngineRun withCredentials(final CanaryRequest next, final Run<?, ?> build,
            final EnvVars environment) throws AbortException {
        try {
            return resolved(next, build, environment);
        }
        catch (AbortException missing) {
            if (rounds.rounds() > 0) {
                throw missing;
            }
            done = true;
            getContext().onFailure(missing);
            return null;
        }
    }

    /**
     * The round with every credential its request names by id resolved now, in the run's context and tracked: the
     * GitOps repository's, the cluster's kubeconfig, and those of the MLflow server and Prometheus laid over the
     * build's variables.
     */
    private static EngineRun resolved(final CanaryRequest next, final Run<?, ?> build, final EnvVars environment)
            throws AbortException {
        String step = MlCanaryStep.FUNCTION_NAME;
        CanaryRound round = next.round(JenkinsCredentials.resolve(step, next.credentialsId(), build),
                JenkinsCredentials.kubernetes(step, next.kubeconfigCredentialsId(), next.kubeContext(), build),
                environment);
        EngineRun withMlflow = ServiceCredentialsRun.of(round, JenkinsCredentials.service(step,
                ServiceCredentials.Service.MLFLOW, next.mlflowCredentialsId(), build));
        return ServiceCredentialsRun.of(withMlflow, JenkinsCredentials.service(step,
                ServiceCredentials.Service.PROMETHEUS, next.prometheusCredentialsId(), build));
    }

    /** The request of the next round: the first may start the rollout, later ones only continue it. */
    CanaryRequest roundRequest() {
        return rounds.rounds() == 0 ? request : request.continuing();
    }

    private void finish(final StepContext context, final StepOutcome outcome, final Run<?, ?> build,
            final TaskListener listener) {
        try {
            context.onSuccess(EngineExecution.conclude(context, MlCanaryStep.FUNCTION_NAME, outcome, build,
                    listener, unstableOnFailure));
        }
        catch (IOException | RuntimeException failed) {
            context.onFailure(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            context.onFailure(interrupted);
        }
    }

    private void retryOrGiveUp(final StepContext context, final TaskListener listener, final String why,
            final Exception cause) {
        if (stopping) {
            return;
        }
        CanaryRounds.Next decision = rounds.afterUnrunRound(System.currentTimeMillis(), why);
        if (decision.action() == CanaryRounds.Action.GIVE_UP) {
            done = true;
            AbortException failure = new AbortException(PREFIX + decision.message());
            failure.initCause(cause);
            context.onFailure(failure);
            return;
        }
        if (listener != null) {
            listener.getLogger().println(PREFIX + "This round could not run (" + why + "); trying again in "
                    + decision.delayMillis() / 1000 + " s. The rollout's state is kept.");
        }
        schedule(decision.delayMillis());
    }

    private static PrintStream listenerLog(final StepContext context) {
        try {
            TaskListener listener = context.get(TaskListener.class);
            return listener == null ? System.out : listener.getLogger();
        }
        catch (IOException | InterruptedException unavailable) {
            return System.out;
        }
    }

    /** The build was aborted: no further round; the engine's abort applies the rollback mode, then the step fails. */
    @Override
    public void stop(final Throwable cause) {
        stopping = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
        Thread round = running;
        if (round != null && request.runsInOneRound()) {
            round.interrupt();
        }
        ROUNDS.execute(() -> abortThenFail(cause));
    }

    /** Waits for a round in flight (the monitor), then rolls back and fails the step. */
    private synchronized void abortThenFail(final Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        StepContext context = getContext();
        try {
            TaskListener listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            Run<?, ?> build = context.get(Run.class);
            EnvVars environment = context.get(EnvVars.class);
            if (listener == null || workspace == null || build == null || environment == null) {
                throw new IOException("the workspace or its agent is not available to roll the canary back");
            }
            listener.getLogger().println(PREFIX + "Stopped: rolling the canary back (rollback mode).");
            EngineRun abort = resolved(request.aborting(), build, environment);
            StepOutcome outcome = workspace.act(new AgentEngineCallable(MlCanaryStep.FUNCTION_NAME, abort,
                    BuildSecrets.from(environment), listener));
            EngineExecution.conclude(context, MlCanaryStep.FUNCTION_NAME, outcome, build, listener, false);
        }
        catch (IOException | RuntimeException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(interrupted);
        }
        context.onFailure(cause);
    }

    /** After a controller restart: the rollout's state is in the cluster (or state file); the next round goes on. */
    @Override
    public void onResume() {
        if (done) {
            return;
        }
        if (stopping) {
            ROUNDS.execute(() -> abortThenFail(new AbortException(PREFIX + "stopped before the controller "
                    + "restarted")));
            return;
        }
        if (rounds == null) {
            getContext().onFailure(new AbortException(PREFIX + "the controller restarted before the step started"));
            return;
        }
        listenerLog(getContext()).println(PREFIX + "Resumed after a controller restart; the rollout continues "
                + "from its stored state.");
        schedule(rounds.delayMillis(System.currentTimeMillis()));
    }

    @Override
    public String getStatus() {
        return rounds == null ? "starting" : rounds.status(System.currentTimeMillis());
    }

    CanaryRequest request() {
        return request;
    }

    CanaryRounds rounds() {
        return rounds;
    }

    boolean isStopping() {
        return stopping;
    }
}
