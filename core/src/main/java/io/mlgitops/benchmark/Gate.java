package io.mlgitops.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A gate on one metric with MLflow {@code MetricThreshold} semantics, plus an optional significance requirement.
 *
 * @param metric              metric name or alias
 * @param threshold           absolute bound the candidate must reach, or {@code null}
 * @param minAbsoluteChange   improvement over the champion the candidate must reach (&gt; 0), or {@code null}
 * @param minRelativeChange   relative improvement over the champion, in [0, 1], or {@code null}
 * @param greaterIsBetter     direction; {@code null} takes the metric's own direction
 * @param requireSignificance the confidence interval of the improvement must clear the margin as well
 */
public record Gate(String metric, Double threshold, Double minAbsoluteChange, Double minRelativeChange,
        Boolean greaterIsBetter, boolean requireSignificance) {
    public Gate {
        Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("A gate needs a metric name");
        }
        if (threshold == null && minAbsoluteChange == null && minRelativeChange == null) {
            throw new IllegalArgumentException("Gate on " + metric
                    + " needs at least one of threshold, minAbsoluteChange, minRelativeChange");
        }
        if (minAbsoluteChange != null && !(minAbsoluteChange > 0)) {
            throw new IllegalArgumentException("Gate on " + metric + ": minAbsoluteChange must be greater than 0, got "
                    + minAbsoluteChange);
        }
        if (minRelativeChange != null && !(minRelativeChange >= 0 && minRelativeChange <= 1)) {
            throw new IllegalArgumentException("Gate on " + metric + ": minRelativeChange must be between 0 and 1, got "
                    + minRelativeChange);
        }
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("Gate on " + metric + ": threshold must be a finite number");
        }
    }

    /** A gate that requires the candidate to improve on the champion by at least {@code delta}. */
    public static Gate minAbsoluteChange(final String metric, final double delta) {
        return new Gate(metric, null, delta, null, null, false);
    }

    /** Whether the gate compares with the champion (and so needs one). */
    public boolean needsChampion() {
        return minAbsoluteChange != null || minRelativeChange != null;
    }

    public Optional<Boolean> direction() {
        return Optional.ofNullable(greaterIsBetter);
    }

    /** This gate for the canonical metric name and a resolved direction. */
    Gate resolved(final String canonicalMetric, final boolean greater) {
        return new Gate(canonicalMetric, threshold, minAbsoluteChange, minRelativeChange, greater,
                requireSignificance);
    }

    /** The rule in words, e.g. {@code candidate >= champion + 0.01, significant}. */
    public String rule() {
        boolean greater = greaterIsBetter == null || greaterIsBetter;
        String comparison = greater ? ">=" : "<=";
        String sign = greater ? "+" : "-";
        List<String> parts = new ArrayList<>();
        if (threshold != null) {
            parts.add("candidate " + comparison + " " + threshold);
        }
        if (minAbsoluteChange != null) {
            parts.add("candidate " + comparison + " champion " + sign + " " + minAbsoluteChange);
        }
        if (minRelativeChange != null) {
            parts.add("relative change " + sign + " >= " + minRelativeChange);
        }
        if (requireSignificance) {
            parts.add("improvement interval clears the margin");
        }
        return String.join(", ", parts);
    }
}
