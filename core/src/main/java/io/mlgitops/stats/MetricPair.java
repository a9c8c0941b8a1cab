package io.mlgitops.stats;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.PreparedMetric;

import java.util.Objects;

/** One metric prepared on both models' predictions of the same rows. */
public record MetricPair(PreparedMetric candidate, PreparedMetric champion) {
    public MetricPair {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(champion, "champion");
    }

    /**
     * Prepares a metric on both models' predictions.
     *
     * @throws InputException when the metric is undefined on either model's data (see {@link Metric#prepare})
     */
    public static MetricPair of(final Metric metric, final EvaluationData candidate, final EvaluationData champion)
            throws InputException {
        if (candidate.size() != champion.size()) {
            throw new IllegalArgumentException("candidate has " + candidate.size() + " rows, champion "
                    + champion.size());
        }
        return new MetricPair(metric.prepare(candidate), metric.prepare(champion));
    }
}
