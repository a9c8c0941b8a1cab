package io.mlgitops.metrics;

/**
 * Summation in exactly the order numpy's {@code add.reduce} uses for a contiguous float64 array (pairwise summation
 * with blocks of 128 and eight accumulators), so that sums, means and weighted averages are bit-identical to
 * scikit-learn's, including the degenerate cases where the last bit decides (a constant target whose mean is not
 * exactly representable turns R² from 0.0 into a huge negative number in scikit-learn, and here too).
 */
final class NumpySum {
    private static final int UNROLL = 8;
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** {@code np.sum(values)}. */
    static double sum(final double[] values) {
        return sum(values, values.length);
    }

    /** {@code np.sum(values[:count])}. */
    static double sum(final double[] values, final int count) {
        return pairwise(values, null, 0, count);
    }

    /** {@code np.sum(values * weights)} with the weights converted to float64 first, as {@code np.average} does. */
    static double sumProducts(final double[] values, final int[] weights) {
        Weights.requireLength(weights, values.length);
        return pairwise(values, weights, 0, values.length);
    }

    /** {@code np.sum} of the weights (exact for integer weights below 2^53). */
    static long total(final int[] weights) {
        long total = 0;
        for (int weight : weights) {
            total += weight;
        }
        return total;
    }

    private static double pairwise(final double[] values, final int[] weights, final int from, final int count) {
        if (count < UNROLL) {
            double result = 0.0;
            for (int i = from; i < from + count; i++) {
                result += term(values, weights, i);
            }
            return result;
        }
        if (count <= BLOCK) {
            return block(values, weights, from, count);
        }
        int half = count / 2;
        half -= half % UNROLL;
        return pairwise(values, weights, from, half) + pairwise(values, weights, from + half, count - half);
    }

    private static double block(final double[] values, final int[] weights, final int from, final int count) {
        double r0 = term(values, weights, from);
        double r1 = term(values, weights, from + 1);
        double r2 = term(values, weights, from + 2);
        double r3 = term(values, weights, from + 3);
        double r4 = term(values, weights, from + 4);
        double r5 = term(values, weights, from + 5);
        double r6 = term(values, weights, from + 6);
        double r7 = term(values, weights, from + 7);
        int end = from + count - count % UNROLL;
        int i = from + UNROLL;
        for (; i < end; i += UNROLL) {
            r0 += term(values, weights, i);
            r1 += term(values, weights, i + 1);
            r2 += term(values, weights, i + 2);
            r3 += term(values, weights, i + 3);
            r4 += term(values, weights, i + 4);
            r5 += term(values, weights, i + 5);
            r6 += term(values, weights, i + 6);
            r7 += term(values, weights, i + 7);
        }
        double result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        for (; i < from + count; i++) {
            result += term(values, weights, i);
        }
        return result;
    }

    private static double term(final double[] values, final int[] weights, final int index) {
        return weights == null ? values[index] : values[index] * weights[index];
    }
}
