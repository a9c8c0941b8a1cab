package io.mlgitops.compliance.drift;

/**
 * The survival function P(D+_n >= x) of the one-sided one-sample Kolmogorov-Smirnov statistic, as scipy's
 * {@code smirnov} (1.17) computes it: Smirnov's (Birnbaum-Tingey) sum
 * {@code x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)} for n up to a million, with
 * closed forms at the ends and the approximation {@code exp(-(6nx + 1)^2 / (18n))} above. The terms are summed in
 * logarithms, with n x carried to twice double precision so that the factors stay accurate for large n.
 */
final class OneSidedSmirnov {
    private static final int MAX_EXACT_N = 1_000_000;
    /** log(2^-1075): exp of anything below is 0. */
    private static final double MIN_LOG = -7.451332191019412076235E2;
    private static final double EPSILON = Math.ulp(1.0);

    private OneSidedSmirnov() {
    }

    static double survival(final int n, final double x) {
        if (n == 1) {
            return 1 - x;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        double nxHigh = n * x;
        double nxLow = Math.fma(n, x, -nxHigh);
        double floor = Math.floor(nxHigh);
        double fraction = (nxHigh - floor) + nxLow;
        if (fraction < 0) {
            floor -= 1;
            fraction += 1;
        }
        if (fraction >= 1) {
            floor += 1;
            fraction = 0;
        }
        long nxFloor = (long) floor;
        if (nxFloor == 0 || nxFloor == 1 && fraction == 0) {
            return 1 - x * Math.pow(1 + x, n - 1);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0.0;
        }
        if (nxFloor >= n - 1) {
            return Math.pow(1 - x, n);
        }
        if (n > MAX_EXACT_N) {
            double root = 6.0 * n * x + 1;
            return Math.exp(-root * root / 18.0 / n);
        }
        return x * lowerSum(n, x, nxHigh, nxLow, (int) (n - nxFloor - 1));
    }

    /** The sum of the terms v = 0..last, stopped once the rest cannot change it. */
    private static double lowerSum(final int n, final double x, final double nxHigh, final double nxLow,
            final int last) {
        double sum = Math.pow(1 - x, n) / x;
        double logBinomial = 0.0;
        double logBinomialError = 0.0;
        for (int v = 1; v <= last; v++) {
            double increment = Math.log((double) (n - v + 1) / v);
            double total = logBinomial + increment;
            logBinomialError += Math.abs(logBinomial) >= Math.abs(increment)
                    ? (logBinomial - total) + increment : (increment - total) + logBinomial;
            logBinomial = total;
            double up = ((v + nxHigh) + nxLow) / n;
            double down = (((n - v) - nxHigh) - nxLow) / n;
            double term = Math.exp(logBinomial + logBinomialError + (v - 1) * Math.log(up)
                    + (n - v) * Math.log(down));
            sum += term;
            if (term != 0.0 ? 4.0 * (last + 1 - v) * term < EPSILON * sum && v != last : v > n / 2) {
                break;
            }
        }
        return sum;
    }
}
