package io.mlgitops.compliance.fairness;

/** How the equalized-odds metrics combine the disparities of the true and the false positive rate (fairlearn agg). */
enum OddsAggregation {
    /** The larger difference, or the smaller ratio. */
    WORST_CASE("worst_case"),
    /** The mean of the two. */
    MEAN("mean");

    private final String policyName;

    OddsAggregation(final String policyName) {
        this.policyName = policyName;
    }

    /** The name a policy writes in the {@code agg} field. */
    String policyName() {
        return policyName;
    }

    static OddsAggregation of(final String policyName) {
        return policyName.equals(MEAN.policyName) ? MEAN : WORST_CASE;
    }
}
