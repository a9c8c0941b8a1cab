package io.mlgitops.compliance.drift;

/**
 * The Pelz-Good (1976) approximation of P(D_n <= x) for the two-sided one-sample Kolmogorov-Smirnov statistic:
 * Li-Chien and Korolyuk's expansion K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^(3/2), z = x sqrt(n), with each K
 * rewritten through the Jacobi theta identity into fast-converging sums over odd multiples of pi / (2z), in the form
 * Simard and L'Ecuyer (2011) give.
 */
final class PelzGood {
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOURTH = PI_SQUARED * PI_SQUARED;
    private static final double PI_SIXTH = PI_FOURTH * PI_SQUARED;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT_3 = Math.sqrt(3);
    /** exp of anything below this is 0 in a double. */
    private static final double MIN_LOG = -708;

    private PelzGood() {
    }

    static double cdf(final int n, final double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qLog = -PI_SQUARED / 8 / z2;
        if (qLog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qLog);
        int terms = (int) Math.ceil(16 * z / Math.PI);
        double[] k = oddSums(q, terms, z2, z4, z6);
        for (int i = 0; i < k.length; i++) {
            k[i] *= q * SQRT_2PI;
        }
        k[0] /= z;
        k[1] /= 6 * z4;
        k[2] /= 72 * Math.pow(z, 7);
        k[3] /= 6480 * Math.pow(z, 10);
        addWholeSums(k, terms, z, z2);
        double rootN = Math.sqrt(n);
        return k[0] + k[1] / rootN + k[2] / n + k[3] / (n * rootN);
    }

    /**
     * sum over odd m = 2j - 1, j = 1..terms, of c_i(m) q^(m^2 - 1) for the polynomial coefficients of K0..K3,
     * evaluated from the last term back (q^((2j+1)^2) / q^((2j-1)^2) = q^(8j)).
     */
    private static double[] oddSums(final double q, final int terms, final double z2, final double z4,
            final double z6) {
        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_FOURTH * (1 - 2 * z2) / 16;
        double k3a = -30 * z6 - 90 * z4 * z4;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3c = PI_FOURTH * (-60 * z2 + 212 * z4) / 16;
        double k3d = PI_SIXTH * (5 - 30 * z2) / 64;
        double[] sums = new double[4];
        for (int j = terms; j > 0; j--) {
            double m = 2 * j - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double step = Math.pow(q, 8 * j);
            sums[0] = sums[0] * step + 1.0;
            sums[1] = sums[1] * step + (k1a + k1b * m2);
            sums[2] = sums[2] * step + (k2a + k2b * m2 + k2c * m4);
            sums[3] = sums[3] * step + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        return sums;
    }

    /** The terms of K2 and K3 summed over every whole j: pi^2 j^2 w^(j^2) and (3 z^2 - pi^2 j^2) j^2 w^(j^2). */
    private static void addWholeSums(final double[] k, final int terms, final double z, final double z2) {
        double w = Math.exp(-PI_SQUARED / 2 / z2);
        double sqrt3z = SQRT_3 * z;
        double second = 0.0;
        double third = 0.0;
        for (int j = terms; j > 0; j--) {
            double j2 = (double) j * j;
            double weight = j2 * Math.pow(w, j2);
            double jPi = Math.PI * j;
            second += weight;
            third += (sqrt3z + jPi) * (sqrt3z - jPi) * weight;
        }
        k[2] += second * PI_SQUARED * SQRT_2PI / (-36 * z2 * z);
        k[3] += third * PI_SQUARED * SQRT_2PI / (216 * z2 * z2 * z2);
    }
}
