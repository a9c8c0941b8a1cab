package io.mlgitops.benchmark;

import io.mlgitops.report.Status;

import java.util.List;

/**
 * Combines gate results into the benchmark's status: the metric gates by the gate mode, guards (such as the latency
 * gate) always all required, and a missing champion under {@link MissingChampionPolicy#FAIL} fails.
 */
final class BenchmarkVerdict {
    private final GateMode mode;
    private final MissingChampionPolicy onMissingChampion;

    BenchmarkVerdict(final GateMode mode, final MissingChampionPolicy onMissingChampion) {
        this.mode = mode;
        this.onMissingChampion = onMissingChampion;
    }

    /**
     * @param results         the results; their first {@code metricGateCount} gates are metric gates, the rest
     *                        guards
     * @param metricGateCount number of metric gates
     */
    Status status(final BenchmarkResults results, final int metricGateCount) {
        if (!results.championPresent() && onMissingChampion == MissingChampionPolicy.FAIL) {
            return Status.FAILED;
        }
        List<GateResult> metricGates = results.gates().subList(0, metricGateCount);
        List<GateResult> guards = results.gates().subList(metricGateCount, results.gates().size());
        boolean metricsPass = mode == GateMode.ANY
                ? metricGates.stream().anyMatch(GateResult::passed)
                : metricGates.stream().allMatch(GateResult::passed);
        boolean guardsPass = guards.stream().allMatch(GateResult::passed);
        return metricsPass && guardsPass ? Status.PASSED : Status.FAILED;
    }
}
