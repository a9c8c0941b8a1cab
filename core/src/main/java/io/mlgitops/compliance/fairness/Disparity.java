package io.mlgitops.compliance.fairness;

/**
 * How far apart the groups' rates are, as fairlearn 0.15's {@code MetricFrame.difference} and {@code ratio} compute
 * it: between the groups, or from each group to the rate over all rows compared.
 */
enum Disparity {
    /** Between the groups: the largest minus the smallest rate, or the smallest divided by the largest. */
    BETWEEN_GROUPS("between_groups"),
    /** From each group to the overall rate: the largest absolute difference, or the smallest ratio (at most 1). */
    TO_OVERALL("to_overall");

    private final String policyName;

    Disparity(final String policyName) {
        this.policyName = policyName;
    }

    /** The name a policy writes in the {@code method} field. */
    String policyName() {
        return policyName;
    }

    static Disparity of(final String policyName) {
        return policyName.equals(TO_OVERALL.policyName) ? TO_OVERALL : BETWEEN_GROUPS;
    }

    /** The difference, at least 0. */
    double difference(final double[] rates, final double overall) {
        if (this == BETWEEN_GROUPS) {
            return max(rates) - min(rates);
        }
        double largest = 0;
        for (double rate : rates) {
            largest = Math.max(largest, Math.abs(rate - overall));
        }
        return largest;
    }

    /**
     * The ratio, between 0 and 1; NaN when undefined (every rate 0). Like pandas, the ratio to the overall rate skips
     * the groups whose ratio is undefined.
     */
    double ratio(final double[] rates, final double overall) {
        if (this == BETWEEN_GROUPS) {
            return min(rates) / max(rates);
        }
        double smallest = Double.NaN;
        for (double rate : rates) {
            double ratio = rate / overall;
            double atMostOne = ratio > 1 ? 1 / ratio : ratio;
            if (Double.isNaN(smallest) || atMostOne < smallest) {
                smallest = atMostOne;
            }
        }
        return smallest;
    }

    private static double max(final double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double min(final double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }
}
