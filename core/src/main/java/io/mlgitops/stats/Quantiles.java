package io.mlgitops.stats;

/** Sample quantiles. */
final class Quantiles {
    private Quantiles() {
    }

    /**
     * The q-quantile of sorted values with linear interpolation between order statistics (Hyndman-Fan type 7,
     * numpy's default {@code percentile} method).
     */
    static double linear(final double[] sorted, final double q) {
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
