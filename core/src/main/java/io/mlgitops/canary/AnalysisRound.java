package io.mlgitops.canary;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One analysis of every check at one moment of a rollout, with the counts the step policy needs.
 *
 * @param time           when the analysis ran (the end of the window)
 * @param weight         the canary's traffic share
 * @param decisions      one decision per check, in the order of the checks
 * @param criticalChecks the names of the critical checks
 */
public record AnalysisRound(Instant time, int weight, List<Decision> decisions, Set<String> criticalChecks) {
    public AnalysisRound {
        decisions = List.copyOf(decisions);
        criticalChecks = Set.copyOf(criticalChecks);
    }

    /** Checks the canary failed. */
    public int failed() {
        return count(Verdict.FAIL);
    }

    /** Critical checks the canary failed: any one of them rolls back at once. */
    public int failedCritical() {
        return (int) decisions.stream()
                .filter(decision -> decision.decision() == Verdict.FAIL && criticalChecks.contains(decision.check()))
                .count();
    }

    /** Checks without enough data to judge. */
    public int noData() {
        return count(Verdict.NO_DATA);
    }

    /** Checks whose measurement failed. */
    public int errors() {
        return count(Verdict.ERROR);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return count(Verdict.PASS) == decisions.size();
    }

    private int count(final Verdict verdict) {
        return (int) decisions.stream().filter(decision -> decision.decision() == verdict).count();
    }
}
