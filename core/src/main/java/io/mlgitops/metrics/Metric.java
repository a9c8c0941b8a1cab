package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * A named evaluation metric whose value equals scikit-learn's on the same data. Names follow MLflow's default
 * evaluator ({@code accuracy_score}, {@code f1_score}, {@code roc_auc}, ...).
 */
public interface Metric {
    String name();

    Direction direction();

    /** Whether the metric needs predicted probabilities (AUC, log loss). */
    boolean needsProbabilities();

    /**
     * Binds the metric to one model's predictions.
     *
     * @throws InputException when the metric is undefined on this data (one class in the target for AUC, no
     *                        probabilities for log loss); the message says why and what to do
     */
    PreparedMetric prepare(EvaluationData data) throws InputException;
}
