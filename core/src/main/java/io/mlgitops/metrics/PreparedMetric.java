package io.mlgitops.metrics;

/**
 * A metric bound to one model's predictions, with any preparation (sorting by score) done once, so that it can be
 * evaluated many times under different sample weights, as the paired bootstrap does. Implementations are immutable
 * once prepared: the bootstrap calls {@link #value(int[])} from several threads at once.
 */
public interface PreparedMetric {
    /** The metric on every row with unit weights. */
    double value();

    /**
     * The metric with integer sample weights, equal to scikit-learn's {@code sample_weight} (a weight of k counts a
     * row k times; 0 drops it).
     */
    double value(int[] weights);
}
