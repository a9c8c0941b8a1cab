package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/** A classification metric computed from the weighted confusion counts alone: O(n) per evaluation. */
abstract class CountMetric extends NamedMetric {
    CountMetric(final String name, final Direction direction) {
        super(name, direction, false);
    }

    @Override
    public final PreparedMetric prepare(final EvaluationData data) throws InputException {
        check(data);
        return new PreparedMetric() {
            @Override
            public double value() {
                return fromCounts(ConfusionCounts.of(data, null), data);
            }

            @Override
            public double value(final int[] weights) {
                return fromCounts(ConfusionCounts.of(data, weights), data);
            }
        };
    }

    /** Rejects data the metric is not defined on. */
    void check(final EvaluationData data) throws InputException {
        Inputs.requireClassification(this, data);
    }

    abstract double fromCounts(ConfusionCounts counts, EvaluationData data);
}
