package io.mlgitops.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm-Bonferroni adjustment for testing several metrics at once: sort the m p-values ascending, multiply the
 * i-th smallest (from 1) by {@code m - i + 1}, make the sequence non-decreasing by running maximum, cap at 1. Reject
 * where the adjusted p-value is at most alpha. NaN p-values (tests not run) stay NaN and do not count in m.
 */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values, in the order of the input. */
    public static double[] adjust(final double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        double runningMax = 0;
        for (int rank = 0; rank < order.length; rank++) {
            double p = pValues[order[rank]];
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("not a p-value: " + p);
            }
            runningMax = Math.max(runningMax, Math.min(1.0, (order.length - rank) * p));
            adjusted[order[rank]] = runningMax;
        }
        return adjusted;
    }
}
