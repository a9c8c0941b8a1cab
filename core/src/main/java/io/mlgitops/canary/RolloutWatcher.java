package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;

/**
 * Port: a rollout that another controller drives (Flagger {@code Canary}, Argo Rollouts {@code Rollout}). We follow
 * its status, stream it into our log and report, enforce our timeout, and can promote or abort it through the
 * controller's own fields. Implementations read the object afresh on every call.
 */
public interface RolloutWatcher extends AutoCloseable {
    /** What is watched, e.g. {@code Flagger Canary ml-serving/churn-model}. */
    String description();

    /**
     * The controller's status now.
     *
     * @throws MlGitOpsException when the object is missing or cannot be read
     */
    RolloutSnapshot snapshot() throws MlGitOpsException;

    /**
     * Asks the controller to promote the new version now, skipping what remains of its analysis or pause. Does
     * nothing when the rollout already succeeded.
     *
     * @throws MlGitOpsException when the rollout cannot be promoted in its current state (the message says why and
     *                           what to do), or the change is refused
     */
    void promote() throws MlGitOpsException;

    /**
     * Asks the controller to roll back: traffic returns to the stable version and the rollout fails. Does nothing
     * when it already failed. The controller acts on its next reconciliation; follow {@link #snapshot()} until it
     * reports the failure.
     *
     * @throws MlGitOpsException when the rollout cannot be aborted in its current state, or the change is refused
     */
    void abort() throws MlGitOpsException;

    @Override
    void close();
}
