package io.mlgitops.compliance.fairness;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The group-fairness metrics a {@code fairness} rule bounds, as fairlearn 0.15 defines them, plus the adverse impact
 * ratio of the four-fifths rule (fairlearn's {@code demographic_parity_ratio} between groups, judged per group).
 */
enum FairnessMetric {
    DISPARATE_IMPACT_RATIO("disparate_impact_ratio", true, Rate.SELECTION),
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference", false, Rate.SELECTION),
    DEMOGRAPHIC_PARITY_RATIO("demographic_parity_ratio", true, Rate.SELECTION),
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference", false, Rate.TRUE_POSITIVE, Rate.FALSE_POSITIVE),
    EQUALIZED_ODDS_RATIO("equalized_odds_ratio", true, Rate.TRUE_POSITIVE, Rate.FALSE_POSITIVE),
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", false, Rate.TRUE_POSITIVE),
    EQUAL_OPPORTUNITY_RATIO("equal_opportunity_ratio", true, Rate.TRUE_POSITIVE);

    private final String policyName;
    private final boolean ratio;
    private final List<Rate> rates;

    FairnessMetric(final String policyName, final boolean ratio, final Rate... rates) {
        this.policyName = policyName;
        this.ratio = ratio;
        this.rates = List.of(rates);
    }

    static Optional<FairnessMetric> of(final String policyName) {
        return Arrays.stream(values()).filter(metric -> metric.policyName.equals(policyName)).findFirst();
    }

    static List<String> policyNames() {
        return Arrays.stream(values()).map(FairnessMetric::policyName).toList();
    }

    /** The name a policy writes in the {@code metric} field. */
    String policyName() {
        return policyName;
    }

    /** A ratio (1 is parity) rather than a difference (0 is parity). */
    boolean isRatio() {
        return ratio;
    }

    /** The rates whose disparity the metric measures. */
    List<Rate> rates() {
        return rates;
    }

    /** Whether the metric needs the actual labels (true or false positive rates). */
    boolean needsTarget() {
        return !rates.contains(Rate.SELECTION);
    }

    /** Whether the metric combines two rates, so that the {@code agg} field applies. */
    boolean combinesRates() {
        return rates.size() > 1;
    }

    /** Whether each group is judged on its own adverse impact ratio rather than the column on the metric. */
    boolean judgesGroups() {
        return this == DISPARATE_IMPACT_RATIO;
    }

    /** The disparity of one rate across the groups. */
    double disparity(final double[] groupRates, final double overall, final Disparity method) {
        return ratio ? method.ratio(groupRates, overall) : method.difference(groupRates, overall);
    }

    /**
     * The disparities of the metric's rates combined into the metric: the worst (largest difference, smallest ratio)
     * or the mean. Undefined (NaN) when any of them is.
     */
    double combine(final double[] disparities, final OddsAggregation aggregation) {
        double combined = disparities[0];
        for (int i = 1; i < disparities.length; i++) {
            combined = aggregation == OddsAggregation.MEAN ? combined + disparities[i]
                    : ratio ? Math.min(combined, disparities[i]) : Math.max(combined, disparities[i]);
        }
        return aggregation == OddsAggregation.MEAN ? combined / disparities.length : combined;
    }
}
