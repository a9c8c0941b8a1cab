package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutSnapshot.Outcome;
import io.mlgitops.canary.RolloutWatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows an Argo Rollouts {@code Rollout} and acts on it as {@code kubectl argo rollouts} does (Argo Rollouts
 * v0.10 or later, which keeps status in a subresource):
 * <ul>
 * <li>promote ({@code kubectl argo rollouts promote}, not {@code --full}): through the status subresource, clears
 * {@code status.pauseConditions}; after an inconclusive step analysis that paused the controller, also clears
 * {@code status.controllerPause} and moves {@code status.currentStepIndex} to the next step; with no pause
 * condition, skips the current step (for example a running analysis) by moving {@code currentStepIndex} on. Then,
 * if {@code spec.paused} is set, clears it.</li>
 * <li>abort ({@code kubectl argo rollouts abort}): sets {@code status.abort} through the status subresource. The
 * controller returns all traffic to the stable ReplicaSet and marks the Rollout {@code Degraded}; the spec in git
 * still names the new version, which the full rollback then restores.</li>
 * </ul>
 * Unlike the command line, each change is a JSON Patch conditional on the version read and is recomputed after a
 * conflict, so a step index is never moved on from a state the controller has already left. Permissions: get and
 * patch on {@code rollouts.argoproj.io} and patch on {@code rollouts.argoproj.io/status}.
 */
final class ArgoRolloutWatcher implements RolloutWatcher {
    private final KubernetesObject rollout;

    ArgoRolloutWatcher(final KubernetesObject rollout) {
        this.rollout = rollout;
    }

    @Override
    public String description() {
        return rollout.description();
    }

    @Override
    public RolloutSnapshot snapshot() throws InputException {
        return new ArgoRolloutStatus(rollout.read()).snapshot();
    }

    @Override
    public void promote() throws InputException {
        rollout.modify("status", this::promotion);
        rollout.modify(current -> current.path("spec").path("paused").asBoolean(false)
                ? List.of(JsonPatch.add("/spec/paused", BooleanNode.FALSE)) : List.of());
    }

    @Override
    public void abort() throws InputException {
        rollout.modify("status", current -> {
            ArgoRolloutStatus state = new ArgoRolloutStatus(current);
            if (state.aborted()) {
                return List.of();
            }
            if (state.outcome() == Outcome.SUCCEEDED) {
                throw new InputException(String.format("%s is fully promoted: there is no update in progress to "
                        + "abort. Revert the release in git (or run kubectl argo rollouts undo).", description()));
            }
            return List.of(JsonPatch.add("/status/abort", BooleanNode.TRUE));
        });
    }

    /** The status changes of {@code kubectl argo rollouts promote}, computed from the Rollout as read. */
    private List<ObjectNode> promotion(final JsonNode current) throws InputException {
        ArgoRolloutStatus state = new ArgoRolloutStatus(current);
        if (state.aborted()) {
            throw new InputException(String.format("%s was aborted, and promoting does not resume it. Run kubectl "
                    + "argo rollouts retry rollout %s -n %s to start it again, or push a new revision.",
                    description(), rollout.name(), rollout.namespace()));
        }
        if (state.outcome() == Outcome.SUCCEEDED) {
            return List.of();
        }
        JsonNode status = current.path("status");
        boolean paused = !status.path("pauseConditions").isEmpty();
        boolean inconclusive = "Inconclusive".equals(Fields.text(status.path("canary")
                .path("currentStepAnalysisRunStatus").path("status")));
        int next = Math.min(state.stepIndex() + 1, state.stepCount());
        List<ObjectNode> operations = new ArrayList<>();
        if (paused) {
            operations.add(JsonPatch.remove("/status/pauseConditions"));
            if (inconclusive && status.path("controllerPause").asBoolean(false)) {
                operations.add(JsonPatch.add("/status/controllerPause", BooleanNode.FALSE));
                operations.add(JsonPatch.add("/status/currentStepIndex", next));
            }
        }
        else if (state.stepCount() > 0) {
            operations.add(JsonPatch.add("/status/currentStepIndex", next));
        }
        return operations;
    }

    @Override
    public void close() {
        rollout.close();
    }
}
