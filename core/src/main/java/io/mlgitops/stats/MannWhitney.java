package io.mlgitops.stats;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.Arrays;

/**
 * The Mann-Whitney U test of two independent samples, with the semantics of scipy's {@code mannwhitneyu} (1.17)
 * and its defaults: the statistic is U1 of the first sample (average ranks for ties); {@link Method#AUTO} takes the
 * exact distribution when either sample has at most 8 values and there are no ties, the normal approximation with
 * tie correction and continuity correction otherwise; p-values are clipped to [0, 1].
 */
public final class MannWhitney {
    /** The alternative hypothesis, about the first sample against the second. */
    public enum Alternative {
        /** The distributions differ. */
        TWO_SIDED,
        /** The first sample is stochastically less than the second. */
        LESS,
        /** The first sample is stochastically greater than the second. */
        GREATER
    }

    /** How the p-value is computed. */
    public enum Method {
        /** {@link #EXACT} when either sample has at most 8 values and there are no ties, else {@link #ASYMPTOTIC}. */
        AUTO,
        /** The exact null distribution of U (not corrected for ties; a fractional U is truncated, as scipy does). */
        EXACT,
        /** The normal approximation with tie and continuity correction. */
        ASYMPTOTIC
    }

    /** Up to this many values in one of the samples, {@link Method#AUTO} may take the exact distribution. */
    private static final int EXACT_MAX_SIZE = 8;

    private MannWhitney() {
    }

    /** The test with {@link Method#AUTO}. */
    public static MannWhitneyResult test(final double[] x, final double[] y, final Alternative alternative) {
        return test(x, y, alternative, Method.AUTO);
    }

    /**
     * @param x           the first sample (its U is reported)
     * @param y           the second sample
     * @param alternative the alternative hypothesis
     * @param method      how to compute the p-value
     * @throws IllegalArgumentException when a sample is empty or holds NaN, or when the exact distribution is asked for
     *                                  samples too large for it
     */
    public static MannWhitneyResult test(final double[] x, final double[] y, final Alternative alternative,
            final Method method) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("Mann-Whitney U needs two non-empty samples, got " + x.length
                    + " and " + y.length + " values");
        }
        Ranks ranks = Ranks.of(x, y);
        int n1 = x.length;
        int n2 = y.length;
        double u1 = ranks.firstSum() - n1 * (n1 + 1.0) / 2;
        double u2 = (double) n1 * n2 - u1;
        double u = switch (alternative) {
            case GREATER -> u1;
            case LESS -> u2;
            default -> Math.max(u1, u2);
        };
        int factor = alternative == Alternative.TWO_SIDED ? 2 : 1;
        Method used = method == Method.AUTO ? choose(n1, n2, ranks.tied()) : method;
        double survival = used == Method.EXACT ? ExactU.survival((long) u, n1, n2)
                : asymptoticSurvival(u, n1, n2, ranks.tieTerm());
        return new MannWhitneyResult(u1, Math.min(1.0, Math.max(0.0, factor * survival)), alternative, used);
    }

    /**
     * The smallest p-value the exact test can give for samples of these sizes without ties, {@code 1 / C(n1 + n2,
     * n1)} (twice that, at most 1, for a two-sided test): with fewer values than needed to get below a significance
     * level, no difference can ever be shown.
     */
    public static double smallestPValue(final int n1, final int n2, final Alternative alternative) {
        if (n1 <= 0 || n2 <= 0) {
            return 1.0;
        }
        double arrangements = CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, Math.min(n1, n2));
        return Math.min(1.0, (alternative == Alternative.TWO_SIDED ? 2 : 1) / arrangements);
    }

    private static Method choose(final int n1, final int n2, final boolean tied) {
        if ((n1 > EXACT_MAX_SIZE && n2 > EXACT_MAX_SIZE) || tied) {
            return Method.ASYMPTOTIC;
        }
        return Method.EXACT;
    }

    /** P(U >= u) under the normal approximation with tie correction and the continuity correction of 1/2. */
    private static double asymptoticSurvival(final double u, final int n1, final int n2, final double tieTerm) {
        double mean = (double) n1 * n2 / 2;
        double n = (double) n1 + n2;
        double spread = Math.sqrt((double) n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double z = (u - mean - 0.5) / spread;
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        // the standard normal survival function: P(Z >= z) = erfc(z / sqrt 2) / 2
        return Erf.erfc(z / Math.sqrt(2)) / 2;
    }

    /** Average ranks of the pooled samples, from two sorted copies walked side by side. */
    private record Ranks(double firstSum, double tieTerm, boolean tied) {
        static Ranks of(final double[] x, final double[] y) {
            double[] first = sortedCopy(x, "first");
            double[] second = sortedCopy(y, "second");
            double firstSum = 0;
            double tieTerm = 0;
            boolean tied = false;
            long ranked = 0;
            int i = 0;
            int j = 0;
            while (i < first.length || j < second.length) {
                double value = j == second.length || i < first.length && first[i] < second[j] ? first[i] : second[j];
                int inFirst = 0;
                while (i < first.length && first[i] == value) {
                    i++;
                    inFirst++;
                }
                int inSecond = 0;
                while (j < second.length && second[j] == value) {
                    j++;
                    inSecond++;
                }
                long group = (long) inFirst + inSecond;
                firstSum += inFirst * (ranked + (group + 1) / 2.0);
                tieTerm += (double) group * group * group - group;
                tied |= group > 1;
                ranked += group;
            }
            return new Ranks(firstSum, tieTerm, tied);
        }

        private static double[] sortedCopy(final double[] values, final String which) {
            double[] sorted = values.clone();
            for (double value : sorted) {
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("Mann-Whitney U: the " + which + " sample holds NaN");
                }
            }
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** The exact null distribution of U for samples without ties. */
    private static final class ExactU {
        private ExactU() {
        }

        /** P(U >= u), summed from whichever tail is shorter, as scipy does. */
        static double survival(final long u, final int n1, final int n2) {
            long complement = (long) n1 * n2 - u;
            if (u < complement) {
                double[] counts = counts(n1, n2, u);
                return 1 - lowerTail(counts, n1, n2) + counts[(int) u] / total(n1, n2);
            }
            return lowerTail(counts(n1, n2, complement), n1, n2);
        }

        private static double lowerTail(final double[] counts, final int n1, final int n2) {
            double sum = 0;
            for (double count : counts) {
                sum += count;
            }
            return sum / total(n1, n2);
        }

        private static double total(final int n1, final int n2) {
            return CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, Math.min(n1, n2));
        }

        /**
         * How many arrangements of the pooled sample give U = 0, 1, ..., {@code last}: the coefficients of the
         * Gaussian binomial {@code prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i)} with m the smaller size, built factor by
         * factor. The counts are integers, exact in a double up to 2^53.
         */
        private static double[] counts(final int n1, final int n2, final long last) {
            int small = Math.min(n1, n2);
            int large = Math.max(n1, n2);
            if (last >= Integer.MAX_VALUE - 8 || Double.isInfinite(total(n1, n2))) {
                throw new IllegalArgumentException("Samples of " + n1 + " and " + n2
                        + " values are too large for the exact Mann-Whitney distribution; use the asymptotic method");
            }
            int length = (int) last + 1;
            double[] counts = new double[length];
            counts[0] = 1;
            for (int i = 1; i <= small; i++) {
                for (int k = i; k < length; k++) {
                    counts[k] += counts[k - i];
                }
                for (int k = length - 1; k >= large + i; k--) {
                    counts[k] -= counts[k - large - i];
                }
            }
            return counts;
        }
    }
}
