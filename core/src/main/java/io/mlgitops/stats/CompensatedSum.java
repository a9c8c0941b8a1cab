package io.mlgitops.stats;

/** Neumaier's compensated summation: the error stays a few ulps of the result, independent of the count. */
public final class CompensatedSum {
    private double sum;
    private double compensation;

    public void add(final double value) {
        double total = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        }
        else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }

    public double sum() {
        return sum + compensation;
    }
}
