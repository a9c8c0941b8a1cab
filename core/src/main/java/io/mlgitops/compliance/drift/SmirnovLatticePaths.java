package io.mlgitops.compliance.drift;

/**
 * The exact null distribution of the two-sided two-sample Kolmogorov-Smirnov statistic, counted as lattice paths
 * from (0, 0) to (m, n) (Hodges 1958): the probability that a random path leaves the band between the diagonals
 * {@code |x/m - y/n| < h / lcm(m, n)}. Unequal sizes use the recursion for the probability of having left the band
 * directly (Viehmann 2021, arXiv:2102.08037), which keeps small p-values accurate.
 */
final class SmirnovLatticePaths {
    private SmirnovLatticePaths() {
    }

    /**
     * P(D >= h / lcm(m, n)) for samples of sizes m and n.
     *
     * @param gcd the greatest common divisor of m and n
     * @param h   the statistic in units of 1 / lcm(m, n), at least 1
     */
    static double probabilityOutside(final int m, final int n, final int gcd, final long h) {
        return m == n ? outsideSquare(n, h) : outsideBand(Math.max(m, n), Math.min(m, n), gcd, h);
    }

    /**
     * Equal sizes: 2 * sum_k (-1)^(k+1) C(2n, n - kh) / C(2n, n), each ratio a product of h factors, summed from the
     * last term back (Horner) to avoid cancellation.
     */
    private static double outsideSquare(final int n, final long h) {
        double sum = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double ratio = 1.0;
            for (long j = 0; j < h; j++) {
                ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
            }
            sum = ratio * (1.0 - sum);
        }
        return 2 * sum;
    }

    /**
     * Unequal sizes (m > n), column by column: the probability that a path to (i, j) has left the band is the
     * average of the probabilities at (i - 1, j) and (i, j - 1), weighted i : j; cells outside the band count 1.
     */
    private static double outsideBand(final int m, final int n, final int gcd, final long h) {
        long mg = m / gcd;
        long ng = n / gcd;
        double[] previous = new double[n + 1];
        double[] current = new double[n + 1];
        int previousLow = 0;
        int previousHigh = (int) Math.min(ceilDivide(h, mg), n + 1L);
        for (int i = 1; i <= m; i++) {
            int low = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0L), n);
            int high = (int) Math.min(ceilDivide(ng * i + h, mg), n + 1L);
            if (high <= low) {
                return 1.0;
            }
            double below = low == 0 ? 0.0 : 1.0;
            for (int j = low; j < high; j++) {
                double left = j < previousHigh ? previous[j - previousLow] : 1.0;
                below = (left * i + below * j) / (i + j);
                current[j - low] = below;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
            previousLow = low;
            previousHigh = high;
        }
        return previous[previousHigh - previousLow - 1];
    }

    private static long ceilDivide(final long numerator, final long denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }
}
