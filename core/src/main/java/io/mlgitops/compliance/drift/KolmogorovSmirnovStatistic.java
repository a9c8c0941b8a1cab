package io.mlgitops.compliance.drift;

/**
 * The two-sided two-sample Kolmogorov-Smirnov test with the semantics of scipy's {@code ks_2samp} (1.17) and its
 * {@code method="auto"}: the exact distribution when neither sample has more than 10,000 values (falling back to the
 * asymptotic one if the exact computation fails), else the one-sample distribution {@code kstwo} at the effective
 * size {@code round(n1 n2 / (n1 + n2))}.
 */
final class KolmogorovSmirnovStatistic {
    private static final int EXACT_MAX_SIZE = 10_000;

    private KolmogorovSmirnovStatistic() {
    }

    /**
     * @param statistic the largest distance between the two empirical distribution functions
     * @param pValue    the two-sided p-value
     * @param exact     whether the exact distribution gave the p-value
     */
    record Result(double statistic, double pValue, boolean exact) {
    }

    /** The test on two non-empty samples, each sorted ascending and free of NaN. */
    static Result test(final double[] first, final double[] second) {
        int n1 = first.length;
        int n2 = second.length;
        double d = statistic(first, second);
        if (Math.max(n1, n2) <= EXACT_MAX_SIZE) {
            int gcd = gcd(n1, n2);
            long lcm = (long) (n1 / gcd) * n2;
            long h = (long) Math.rint(d * lcm);
            double rounded = (double) h / lcm;
            if (h == 0) {
                return new Result(rounded, 1.0, true);
            }
            double p = SmirnovLatticePaths.probabilityOutside(n1, n2, gcd, h);
            if (p >= 0 && p <= 1) {
                return new Result(rounded, p, true);
            }
            d = rounded;
        }
        double large = Math.max(n1, n2);
        double small = Math.min(n1, n2);
        int effective = (int) Math.rint(large * small / (large + small));
        return new Result(d, KolmogorovDistribution.survival(effective, d), false);
    }

    /** max |F1 - F2| over the pooled values, the distribution functions taken as counts / sizes. */
    private static double statistic(final double[] first, final double[] second) {
        double above = 0.0;
        double below = 0.0;
        int i = 0;
        int j = 0;
        while (i < first.length || j < second.length) {
            double value = SortedSamples.nextValue(first, i, second, j);
            while (i < first.length && first[i] == value) {
                i++;
            }
            while (j < second.length && second[j] == value) {
                j++;
            }
            double difference = (double) i / first.length - (double) j / second.length;
            above = Math.max(above, difference);
            below = Math.max(below, -difference);
        }
        return Math.min(1.0, below) > above ? Math.min(1.0, below) : above;
    }

    private static int gcd(final int a, final int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
