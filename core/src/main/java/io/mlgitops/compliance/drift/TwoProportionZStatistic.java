package io.mlgitops.compliance.drift;

import org.apache.commons.math3.special.Erf;

/**
 * Evidently's two-proportion z-test: the smallest value against all others, pooled proportion, two-sided p-value
 * computed as Evidently does, {@code 2 * (1 - norm.cdf(|z|))}, with scipy's {@code ndtr} for the normal distribution
 * function (so that very small p-values round alike). Both samples holding the same single value give p = 1.
 */
final class TwoProportionZStatistic {
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private TwoProportionZStatistic() {
    }

    static double pValue(final CategoryCounts counts) {
        long[] reference = counts.reference();
        long[] current = counts.current();
        if (counts.size() == 1) {
            return 1.0;
        }
        long n1 = counts.referenceTotal();
        long n2 = counts.currentTotal();
        double p1 = (double) (n1 - reference[0]) / n1;
        double p2 = (double) (n2 - current[0]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return 2 * (1 - normalCdf(Math.abs(z)));
    }

    /** scipy's ndtr: 0.5 + 0.5 erf(a / sqrt 2) near 0, else through erfc. */
    private static double normalCdf(final double a) {
        double x = a * SQRT_HALF;
        double z = Math.abs(x);
        if (z < 1.0) {
            return 0.5 + 0.5 * Erf.erf(x);
        }
        double y = 0.5 * Erf.erfc(z);
        return x > 0 ? 1.0 - y : y;
    }
}
