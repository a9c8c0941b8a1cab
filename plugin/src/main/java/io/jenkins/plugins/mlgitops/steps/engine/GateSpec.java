package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.benchmark.Gate;

import java.io.Serializable;

/**
 * A benchmark gate as a step gives it ({@code metricGate(metric: 'f1_weighted', minAbsoluteChange: 0.01)}), with
 * MLflow {@code MetricThreshold} semantics; see the engine's {@link Gate}.
 *
 * @param metric              metric name or alias
 * @param threshold           absolute bound, or {@code null}
 * @param minAbsoluteChange   improvement over the champion (&gt; 0), or {@code null}
 * @param minRelativeChange   relative improvement in [0, 1], or {@code null}
 * @param greaterIsBetter     direction; {@code null} for the metric's own
 * @param requireSignificance the improvement's confidence interval must clear the margin too
 */
public record GateSpec(String metric, Double threshold, Double minAbsoluteChange, Double minRelativeChange,
        Boolean greaterIsBetter, boolean requireSignificance) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The engine's gate; a gate without a bound or with a bound out of range is a settings error. */
    public Gate toGate() throws InvalidSettingsException {
        if (metric == null || metric.isBlank()) {
            throw new InvalidSettingsException("metricGate needs a metric, e.g. metricGate(metric: 'accuracy_score', "
                    + "minAbsoluteChange: 0.01)");
        }
        try {
            return new Gate(metric.trim(), threshold, minAbsoluteChange, minRelativeChange, greaterIsBetter,
                    requireSignificance);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException("metricGate: " + invalid.getMessage(), invalid);
        }
    }
}
