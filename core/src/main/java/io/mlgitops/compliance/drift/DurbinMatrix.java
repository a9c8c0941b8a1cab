package io.mlgitops.compliance.drift;

/**
 * P(D_n < d) of the two-sided one-sample Kolmogorov-Smirnov statistic by Durbin's matrix (1968) in the form of
 * Marsaglia, Tsang and Wang (2003): with d = (k - h) / n, k a whole number and 0 <= h < 1, the probability is
 * n! / n^n times the k-th diagonal entry of H^n for an m x m matrix H, m = 2k - 1. Powers are kept as a mantissa
 * matrix and a binary exponent so that they neither overflow nor underflow.
 */
final class DurbinMatrix {
    private static final int RESCALE_EXPONENT = 256;
    private static final double RESCALE_ABOVE = Math.scalb(1.0, RESCALE_EXPONENT);
    private static final double RESCALE_BELOW = Math.scalb(1.0, -RESCALE_EXPONENT);

    private DurbinMatrix() {
    }

    static double cdf(final int n, final double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        ScaledMatrix power = ScaledMatrix.of(matrix(2 * k - 1, h)).power(n);
        double probability = power.values[k - 1][k - 1];
        long exponent = power.exponent;
        for (int i = 1; i <= n; i++) {
            probability = i * probability / n;
            if (Math.abs(probability) < RESCALE_BELOW) {
                probability *= RESCALE_ABOVE;
                exponent -= RESCALE_EXPONENT;
            }
        }
        return Math.min(1.0, Math.max(0.0, scale(probability, exponent)));
    }

    /** H: 1/(i - j + 1)! on and below the first superdiagonal, the first column and last row reduced by h powers. */
    private static double[][] matrix(final int m, final double h) {
        double[] inverseFactorial = new double[m + 1];
        inverseFactorial[0] = 1.0;
        for (int i = 1; i <= m; i++) {
            inverseFactorial[i] = inverseFactorial[i - 1] / i;
        }
        double[][] matrix = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= Math.min(i + 1, m - 1); j++) {
                matrix[i][j] = inverseFactorial[i - j + 1];
            }
        }
        for (int i = 0; i < m; i++) {
            matrix[i][0] = (1.0 - Math.pow(h, i + 1)) * inverseFactorial[i + 1];
            matrix[m - 1][i] = (1.0 - Math.pow(h, m - i)) * inverseFactorial[m - i];
        }
        double corner = 2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0.0;
        matrix[m - 1][0] = (1.0 - 2 * Math.pow(h, m) + corner) * inverseFactorial[m];
        return matrix;
    }

    private static double scale(final double value, final long exponent) {
        long clamped = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, exponent));
        return Math.scalb(value, (int) clamped);
    }

    /** A square matrix times 2^exponent. */
    private static final class ScaledMatrix {
        private final double[][] values;
        private final long exponent;

        private ScaledMatrix(final double[][] values, final long exponent) {
            this.values = values;
            this.exponent = exponent;
        }

        static ScaledMatrix of(final double[][] values) {
            return new ScaledMatrix(values, 0);
        }

        static ScaledMatrix identity(final int size) {
            double[][] values = new double[size][size];
            for (int i = 0; i < size; i++) {
                values[i][i] = 1.0;
            }
            return new ScaledMatrix(values, 0);
        }

        ScaledMatrix power(final int n) {
            ScaledMatrix result = identity(values.length);
            ScaledMatrix square = this;
            for (int remaining = n; remaining > 0; remaining >>= 1) {
                if ((remaining & 1) == 1) {
                    result = result.times(square);
                }
                if (remaining > 1) {
                    square = square.times(square);
                }
            }
            return result;
        }

        private ScaledMatrix times(final ScaledMatrix other) {
            int size = values.length;
            double[][] product = new double[size][size];
            double largest = 0.0;
            for (int i = 0; i < size; i++) {
                double[] row = product[i];
                for (int l = 0; l < size; l++) {
                    double factor = values[i][l];
                    if (factor != 0.0) {
                        double[] otherRow = other.values[l];
                        for (int j = 0; j < size; j++) {
                            row[j] += factor * otherRow[j];
                        }
                    }
                }
                for (double value : row) {
                    largest = Math.max(largest, Math.abs(value));
                }
            }
            long shift = largest > RESCALE_ABOVE || (largest > 0 && largest < RESCALE_BELOW)
                    ? Math.getExponent(largest) : 0;
            if (shift != 0) {
                for (double[] row : product) {
                    for (int j = 0; j < size; j++) {
                        row[j] = Math.scalb(row[j], (int) -shift);
                    }
                }
            }
            return new ScaledMatrix(product, exponent + other.exponent + shift);
        }
    }
}
