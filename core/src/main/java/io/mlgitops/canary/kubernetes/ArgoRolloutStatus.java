package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutSnapshot.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an Argo Rollouts {@code Rollout} ({@code argoproj.io/v1alpha1}). It failed when {@code status.abort} is set
 * or {@code status.phase} is {@code Degraded} (aborted, progress deadline exceeded, invalid spec). It succeeded when
 * the phase is {@code Healthy}, the stable ReplicaSet is the current one ({@code status.stableRS ==
 * status.currentPodHash}) and the controller has seen the latest spec ({@code status.observedGeneration ==
 * metadata.generation}); a Rollout at rest reads as succeeded too, so follow it once its new revision is applied.
 * The canary weight is {@code status.canary.weights.canary.weight} with a traffic router, else the last
 * {@code setWeight} step up to {@code status.currentStepIndex}, in percent of {@code maxTrafficWeight}.
 */
final class ArgoRolloutStatus {
    private static final Set<String> CONDITIONS_SHOWN = Set.of("InvalidSpec", "ReplicaFailure");

    private final JsonNode rollout;
    private final JsonNode status;
    private final JsonNode steps;

    ArgoRolloutStatus(final JsonNode rollout) {
        this.rollout = rollout;
        this.status = rollout.path("status");
        this.steps = rollout.path("spec").path("strategy").path("canary").path("steps");
    }

    boolean aborted() {
        return status.path("abort").asBoolean(false);
    }

    /** {@code status.currentStepIndex}, 0 when absent. */
    int stepIndex() {
        return status.path("currentStepIndex").asInt(0);
    }

    int stepCount() {
        return steps.isArray() ? steps.size() : 0;
    }

    Outcome outcome() {
        String phase = Fields.text(status.path("phase"));
        if (aborted() || "Degraded".equals(phase)) {
            return Outcome.FAILED;
        }
        String stable = Fields.text(status.path("stableRS"));
        boolean promoted = !stable.isEmpty() && stable.equals(Fields.text(status.path("currentPodHash")));
        return "Healthy".equals(phase) && promoted && observed() ? Outcome.SUCCEEDED : Outcome.RUNNING;
    }

    RolloutSnapshot snapshot() {
        Outcome outcome = outcome();
        int weight = outcome == Outcome.SUCCEEDED ? 100 : outcome == Outcome.FAILED ? 0 : canaryWeight();
        int index = outcome == Outcome.SUCCEEDED ? stepCount() : Math.min(stepIndex(), stepCount());
        return new RolloutSnapshot(Fields.text(status.path("phase")), weight, index, stepCount(), outcome,
                lastTransition(), messages());
    }

    private boolean observed() {
        JsonNode generation = rollout.path("metadata").path("generation");
        return generation.isMissingNode() || generation.asText().equals(Fields.text(status.path(
                "observedGeneration")));
    }

    private int canaryWeight() {
        JsonNode maxNode = rollout.path("spec").path("strategy").path("canary").path("trafficRouting")
                .path("maxTrafficWeight");
        int max = maxNode.asInt(0) > 0 ? maxNode.asInt() : 100;
        JsonNode reported = status.path("canary").path("weights").path("canary").path("weight");
        int weight = reported.isNumber() ? reported.asInt() : stepWeight(max);
        return (int) Math.round(100.0 * weight / max);
    }

    /** The last {@code setWeight} at or before the current step; all of {@code max} after the last step. */
    private int stepWeight(final int max) {
        int index = stepIndex();
        if (stepCount() == 0) {
            return 0;
        }
        if (index >= stepCount()) {
            return max;
        }
        for (int i = index; i >= 0; i--) {
            JsonNode setWeight = steps.get(i).path("setWeight");
            if (setWeight.isNumber()) {
                return setWeight.asInt();
            }
        }
        return 0;
    }

    private List<String> messages() {
        List<String> messages = new ArrayList<>();
        String message = Fields.text(status.path("message"));
        if (!message.isEmpty()) {
            messages.add(message);
        }
        for (JsonNode pause : status.path("pauseConditions")) {
            messages.add("paused: " + Fields.text(pause.path("reason")));
        }
        analysisRun(messages, "step analysis", status.path("canary").path("currentStepAnalysisRunStatus"));
        analysisRun(messages, "background analysis", status.path("canary").path(
                "currentBackgroundAnalysisRunStatus"));
        for (JsonNode condition : status.path("conditions")) {
            if (CONDITIONS_SHOWN.contains(Fields.text(condition.path("type")))
                    && "True".equals(Fields.text(condition.path("status")))) {
                messages.add(String.format("%s (%s): %s", Fields.text(condition.path("type")),
                        Fields.text(condition.path("reason")), Fields.text(condition.path("message"))));
            }
        }
        if (!observed()) {
            messages.add("the controller has not yet seen generation " + rollout.path("metadata")
                    .path("generation").asText());
        }
        return messages;
    }

    private static void analysisRun(final List<String> messages, final String label, final JsonNode run) {
        if (run.isObject()) {
            String message = Fields.text(run.path("message"));
            messages.add(String.format("%s %s: %s%s", label, Fields.text(run.path("name")),
                    Fields.text(run.path("status")), message.isEmpty() ? "" : " (" + message + ")"));
        }
    }

    /** The latest {@code lastTransitionTime} of the conditions. */
    private Instant lastTransition() {
        Instant latest = null;
        for (JsonNode condition : status.path("conditions")) {
            Instant time = Fields.instant(condition.path("lastTransitionTime"));
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }
}
