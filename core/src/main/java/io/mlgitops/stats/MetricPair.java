package io.mlgitops.stats;

import io.mlgitops.metrics.PreparedMetric;

import java.util.Objects;

/** One metric prepared on both models' predictions of the same rows. */
public record MetricPair(PreparedMetric candidate, PreparedMetric champion) {
    public MetricPair {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(champion, "champion");
    }
}
