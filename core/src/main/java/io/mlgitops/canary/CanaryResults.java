package io.mlgitops.canary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mlgitops.gitops.PromotionResults;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results} of a canary report (DESIGN §5).
 *
 * @param outcome     {@code PROMOTED}, {@code ROLLED_BACK} or {@code FROZEN}
 * @param reason      why the run ended, in one sentence
 * @param router      what was routed
 * @param candidate   the candidate
 * @param dryRun      whether nothing was changed
 * @param finalWeight the canary's traffic share at the end
 * @param steps       each step with its weight, times and the decisions made during it
 * @param decisions   every analysis line
 * @param rollback    what the rollback restored where, {@code null} when there was none
 * @param promotion   the promotion to the stable manifests after success, {@code null} when there was none
 * @param timings     milliseconds: total, and from the failing analysis to traffic at 0
 */
@JsonPropertyOrder({"outcome", "reason", "router", "candidate", "dryRun", "finalWeight", "steps", "decisions",
        "rollback", "promotion", "timings"})
public record CanaryResults(CanaryOutcome outcome, String reason, String router, String candidate, boolean dryRun,
        int finalWeight, List<StepResult> steps, List<Decision> decisions, RollbackResult rollback,
        PromotionResults promotion, Map<String, Long> timings) {
    public CanaryResults {
        steps = List.copyOf(steps);
        decisions = List.copyOf(decisions);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /**
     * One step.
     *
     * @param weight    the canary weight
     * @param startedAt when it started
     * @param endedAt   when it ended, {@code null} when the run stopped during it
     * @param decisions the analyses during the step
     */
    public record StepResult(int weight, Instant startedAt, Instant endedAt, List<Decision> decisions) {
        public StepResult {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * What a rollback restored.
     *
     * @param traffic   the canary weight after the rollback ({@code 0}, or the held weight when frozen)
     * @param commit    the commit that restored the manifests, {@code null} when not restored
     * @param alias     the registry alias moved back, {@code null} when none
     * @param rejected  the reason tagged on the candidate, {@code null} when not tagged
     */
    public record RollbackResult(int traffic, String commit, PromotionResults.AliasChange alias, String rejected) {
    }
}
