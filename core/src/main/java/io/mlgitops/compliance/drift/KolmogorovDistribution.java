package io.mlgitops.compliance.drift;

/**
 * The survival function P(D_n >= x) of the two-sided one-sample Kolmogorov-Smirnov statistic, chosen per region as
 * Simard and L'Ecuyer (2011) recommend and as scipy's {@code kstwo.sf} (1.17) does: Ruben-Gambino's closed forms at
 * the ends, twice the one-sided Smirnov tail where the two tails cannot overlap or barely do, Durbin's matrix for
 * small n x, and the Pelz-Good expansion for large n. Where scipy uses Pomeranz's recursion (n <= 140), the exact
 * Durbin matrix gives the same value.
 */
final class KolmogorovDistribution {
    private static final int SMALL_N = 140;
    private static final int DURBIN_MAX_N = 100_000;
    private static final double EXACT_SMALL_N_LIMIT = 4.0;
    private static final double SMIRNOV_LIMIT = 2.2;
    private static final double ZERO_LIMIT = 370.0;
    private static final double DURBIN_LIMIT = 1.4;

    private KolmogorovDistribution() {
    }

    /** P(D_n >= x) for a sample of n values. */
    static double survival(final int n, final double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            return t <= 0.5 ? 1.0 : clip(1.0 - rubenGambinoLow(n, t));
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return twiceSmirnov(n, x);
        }
        double nxSquared = t * x;
        if (n <= SMALL_N) {
            return nxSquared <= EXACT_SMALL_N_LIMIT ? clip(1.0 - DurbinMatrix.cdf(n, x)) : twiceSmirnov(n, x);
        }
        if (nxSquared >= ZERO_LIMIT) {
            return 0.0;
        }
        if (nxSquared >= SMIRNOV_LIMIT) {
            return twiceSmirnov(n, x);
        }
        boolean durbin = n <= DURBIN_MAX_N && n * Math.pow(x, 1.5) <= DURBIN_LIMIT;
        return clip(1.0 - (durbin ? DurbinMatrix.cdf(n, x) : PelzGood.cdf(n, x)));
    }

    /** P(D_n < x) = n! / n^n (2t - 1)^n for 1/(2n) < x <= 1/n, t = n x. */
    private static double rubenGambinoLow(final int n, final double t) {
        double factor = 2 * t - 1;
        double product = 1.0;
        for (int i = 1; i <= n && product > 0; i++) {
            product *= i * (1.0 / n) * factor;
        }
        return product;
    }

    private static double twiceSmirnov(final int n, final double x) {
        return clip(2 * OneSidedSmirnov.survival(n, x));
    }

    private static double clip(final double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
