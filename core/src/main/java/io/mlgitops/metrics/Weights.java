package io.mlgitops.metrics;

/** Checks of the integer sample weights handed to {@link PreparedMetric#value(int[])}. */
final class Weights {
    private Weights() {
    }

    static void requireLength(final int[] weights, final int rows) {
        if (weights.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " weights, got " + weights.length);
        }
    }
}
