package io.mlgitops.metrics;

/**
 * scikit-learn's {@code zero_division}: the value of precision, recall or F1 when the denominator is zero. The
 * default is {@link #WARN}, which gives 0.0 (scikit-learn also warns).
 */
enum ZeroDivision {
    WARN(0.0),
    ZERO(0.0),
    ONE(1.0),
    NAN(Double.NaN);

    private final double value;

    ZeroDivision(final double value) {
        this.value = value;
    }

    double divide(final double numerator, final double denominator) {
        return denominator == 0 ? value : numerator / denominator;
    }
}
