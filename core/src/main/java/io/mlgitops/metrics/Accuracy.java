package io.mlgitops.metrics;

/** {@code accuracy_score}: the weighted share of rows whose predicted label equals the true label. */
final class Accuracy extends CountMetric {
    Accuracy() {
        super("accuracy_score", Direction.HIGHER_IS_BETTER);
    }

    @Override
    double fromCounts(final ConfusionCounts counts, final EvaluationData data) {
        return (double) counts.correct() / counts.total();
    }
}
