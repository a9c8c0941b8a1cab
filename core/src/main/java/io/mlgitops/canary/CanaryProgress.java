package io.mlgitops.canary;

import io.mlgitops.report.Report;

import java.util.List;
import java.util.Optional;

/**
 * Where a rollout stands after one round ({@link CanaryController#advance}): ended with its report, or still in
 * progress at a step and weight, with the decisions this round made. The state itself stays in the router's store,
 * so the next round, in this process or another, continues from it.
 *
 * @param report    the final report once the rollout ended (promoted, rolled back or frozen), else empty
 * @param candidate the candidate
 * @param step      the current step, from 1
 * @param steps     the number of steps
 * @param weight    the canary's traffic share now
 * @param decisions the analysis lines of this round (none in the round that entered the first step)
 */
public record CanaryProgress(Optional<Report<CanaryResults>> report, String candidate, int step, int steps,
        int weight, List<Decision> decisions) {
    public CanaryProgress {
        decisions = List.copyOf(decisions);
    }

    /** Whether the rollout ended: promoted, rolled back or frozen. */
    public boolean ended() {
        return report.isPresent();
    }
}
