package io.mlgitops.compliance.drift;

/** Neumaier's compensated summation: the error stays a few ulps of the result, independent of the count. */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(final double value) {
        double total = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        }
        else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }

    double sum() {
        return sum + compensation;
    }
}
