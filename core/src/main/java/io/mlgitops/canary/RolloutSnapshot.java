package io.mlgitops.canary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rollout controller that we watch (Flagger, Argo Rollouts) reports at one moment.
 *
 * @param phase          the controller's own phase ({@code Progressing}, {@code Paused}, {@code Succeeded}, ...), or
 *                       empty before it reported one
 * @param canaryWeight   the new version's share of traffic: the controller's current canary weight while in
 *                       progress, 100 once it succeeded, 0 once it failed
 * @param stepIndex      how many steps are done, 0 to {@code stepCount}
 * @param stepCount      the number of steps, 0 when the controller has none (for example a blue/green rollout)
 * @param outcome        running, succeeded or failed
 * @param lastTransition when the controller last changed phase or conditions, or {@code null} when it does not say;
 *                       a finished state that changed before the wait began belongs to an earlier release
 * @param messages       the controller's messages, most telling first (failed checks, pause reasons, analysis runs,
 *                       conditions)
 */
public record RolloutSnapshot(String phase, int canaryWeight, int stepIndex, int stepCount, Outcome outcome,
        Instant lastTransition, List<String> messages) {
    public RolloutSnapshot {
        phase = Objects.requireNonNullElse(phase, "");
        Objects.requireNonNull(outcome, "outcome");
        messages = List.copyOf(messages);
    }

    /** Whether the rollout ended with the new version serving all traffic. */
    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    /** Whether the rollout ended rolled back or stuck for good. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** One line for the log; equal lines mean nothing worth reporting changed. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "phase %s, canary %d%%",
                phase.isEmpty() ? "unknown" : phase, canaryWeight));
        if (stepCount > 0) {
            line.append(String.format(Locale.ROOT, ", step %d of %d", stepIndex, stepCount));
        }
        if (!messages.isEmpty()) {
            line.append(": ").append(String.join("; ", messages));
        }
        return line.toString();
    }

    /** Where a watched rollout stands. */
    public enum Outcome {
        /** Still shifting, analysing, paused or promoting. */
        RUNNING,
        /** Promoted: the new version serves all traffic. */
        SUCCEEDED,
        /** Rolled back, aborted or degraded. */
        FAILED
    }
}
