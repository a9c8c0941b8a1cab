package io.mlgitops.canary.local;

import io.mlgitops.canary.BuiltInChecks;

import java.util.List;

/**
 * The built-in checks computed from two snapshots of a server's counters, with the semantics of their PromQL in
 * {@link BuiltInChecks}: increases between the snapshots instead of {@code rate}, PromQL's
 * {@code histogram_quantile}, and the mean of the drift gauge's samples in the window.
 */
final class LocalChecks {
    private LocalChecks() {
    }

    /**
     * @param value   the check's value, NaN without data
     * @param samples the observations behind it
     */
    record Reading(double value, long samples) {
    }

    /**
     * @param check  a built-in check name
     * @param from   the counters at the window's start
     * @param to     the counters at its end
     * @param drifts the drift gauge's values sampled inside the window
     */
    static Reading read(final String check, final MetricsSnapshot from, final MetricsSnapshot to,
            final List<Double> drifts) {
        long requests = to.requestCount() - from.requestCount();
        return switch (check) {
            case BuiltInChecks.REQUEST_SUCCESS_RATE -> new Reading(requests == 0 ? Double.NaN
                    : 100 * (1 - (double) (to.serverErrors() - from.serverErrors()) / requests), requests);
            case BuiltInChecks.REQUEST_DURATION_P99 ->
                    new Reading(to.allDurations().minus(from.allDurations()).quantile(0.99), requests);
            case BuiltInChecks.MODEL_ACCURACY -> ratio(to.correct() - from.correct(), to.labelled() - from.labelled());
            case BuiltInChecks.PREDICTION_CONFIDENCE -> {
                HistogramCounts confidence = to.confidence().minus(from.confidence());
                long count = confidence.count();
                yield new Reading(count == 0 ? Double.NaN : confidence.sum() / count, count);
            }
            case BuiltInChecks.DATA_DRIFT_SCORE -> new Reading(drifts.stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN), to.predictions() - from.predictions());
            default -> throw new IllegalArgumentException("not a built-in check: " + check);
        };
    }

    private static Reading ratio(final long part, final long whole) {
        return new Reading(whole == 0 ? Double.NaN : (double) part / whole, whole);
    }
}
