package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutSnapshot.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Flagger {@code Canary} ({@code flagger.app/v1beta1}): {@code status.phase}, {@code canaryWeight},
 * {@code failedChecks}, {@code iterations}, {@code lastTransitionTime} and {@code conditions}, with the step plan of
 * {@code spec.analysis} (or the older {@code spec.canaryAnalysis}).
 */
final class FlaggerStatus {
    static final String SUCCEEDED = "Succeeded";
    static final Set<String> FAILED = Set.of("Failed", "Terminating", "Terminated");

    private FlaggerStatus() {
    }

    /**
     * The snapshot of one reading. Steps: with {@code stepWeights}, how many of them the canary weight has reached;
     * with {@code stepWeight}, the weight in steps up to {@code maxWeight} (default 100); with {@code iterations} (A/B
     * testing, blue/green), {@code status.iterations}.
     */
    static RolloutSnapshot snapshot(final JsonNode canary) {
        JsonNode status = canary.path("status");
        String phase = Fields.text(status.path("phase"));
        Outcome outcome = SUCCEEDED.equals(phase) ? Outcome.SUCCEEDED
                : FAILED.contains(phase) ? Outcome.FAILED : Outcome.RUNNING;
        int reported = status.path("canaryWeight").asInt(0);
        int weight = outcome == Outcome.SUCCEEDED ? 100 : outcome == Outcome.FAILED ? 0 : reported;
        JsonNode analysis = analysis(canary);
        int[] steps = steps(analysis, reported, status.path("iterations").asInt(0));
        int index = outcome == Outcome.SUCCEEDED ? steps[1] : steps[0];
        return new RolloutSnapshot(phase, weight, index, steps[1], outcome, Fields.instant(status.path(
                "lastTransitionTime")), messages(phase, status, threshold(analysis)));
    }

    /** Flagger's {@code threshold}: failed checks before it rolls back, default 1. */
    static int threshold(final JsonNode analysis) {
        int threshold = analysis.path("threshold").asInt(0);
        return threshold > 0 ? threshold : 1;
    }

    static JsonNode analysis(final JsonNode canary) {
        JsonNode analysis = canary.path("spec").path("analysis");
        return analysis.isObject() ? analysis : canary.path("spec").path("canaryAnalysis");
    }

    /** {@code {done, count}}. */
    private static int[] steps(final JsonNode analysis, final int weight, final int iterations) {
        JsonNode stepWeights = analysis.path("stepWeights");
        if (stepWeights.isArray() && !stepWeights.isEmpty()) {
            int done = 0;
            for (JsonNode step : stepWeights) {
                done += step.asInt() <= weight && weight > 0 ? 1 : 0;
            }
            return new int[] {done, stepWeights.size()};
        }
        int stepWeight = analysis.path("stepWeight").asInt(0);
        if (stepWeight > 0) {
            int maxWeight = analysis.path("maxWeight").asInt(0) > 0 ? analysis.path("maxWeight").asInt() : 100;
            int count = (maxWeight + stepWeight - 1) / stepWeight;
            return new int[] {Math.min(count, (weight + stepWeight - 1) / stepWeight), count};
        }
        int planned = analysis.path("iterations").asInt(0);
        return planned > 0 ? new int[] {Math.min(planned, iterations), planned} : new int[] {0, 0};
    }

    private static List<String> messages(final String phase, final JsonNode status, final int threshold) {
        List<String> messages = new ArrayList<>();
        int failedChecks = status.path("failedChecks").asInt(0);
        if (failedChecks > 0) {
            messages.add(String.format(Locale.ROOT, "failed checks %d of %d", failedChecks, threshold));
        }
        if (phase.startsWith("Terminat")) {
            messages.add("the Canary is being deleted");
        }
        for (JsonNode condition : status.path("conditions")) {
            String reason = Fields.text(condition.path("reason"));
            messages.add(String.format("%s %s%s: %s", Fields.text(condition.path("type")),
                    Fields.text(condition.path("status")), reason.isEmpty() ? "" : " (" + reason + ")",
                    Fields.text(condition.path("message"))));
        }
        return messages;
    }
}
