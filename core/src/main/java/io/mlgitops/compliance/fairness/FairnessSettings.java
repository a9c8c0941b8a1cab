package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The fields of a {@code fairness} rule, validated.
 *
 * @param metric         the metric to bound
 * @param sensitive      the sensitive columns the rule names; empty to take those of the evidence
 * @param bounds         the range the metric (or, for the disparate impact ratio, each group's ratio) must stay in
 * @param minGroupSize   groups with fewer rows are reported but not judged
 * @param positiveLabel  the favourable outcome
 * @param method         between groups, or each group to the overall rate
 * @param aggregation    how the equalized-odds metrics combine their two rates
 * @param intersectional whether the combinations of the sensitive columns form the groups
 */
record FairnessSettings(FairnessMetric metric, List<String> sensitive, Bounds bounds, int minGroupSize,
        PositiveLabel positiveLabel, Disparity method, OddsAggregation aggregation, boolean intersectional) {
    static final String METRIC = "metric";
    static final String SENSITIVE = "sensitive";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String MIN_GROUP_SIZE = "minGroupSize";
    static final String POSITIVE_LABEL = "positiveLabel";
    static final String METHOD = "method";
    static final String AGG = "agg";
    static final String INTERSECTIONAL = "intersectional";
    static final Set<String> FIELDS = Set.of(METRIC, SENSITIVE, MIN, MAX, MIN_GROUP_SIZE, POSITIVE_LABEL, METHOD, AGG,
            INTERSECTIONAL);

    private static final int DEFAULT_MIN_GROUP_SIZE = 30;
    private static final String DEFAULT_POSITIVE_LABEL = "1";

    /**
     * @throws InputException naming the policy, rule and field of the first invalid field
     */
    static FairnessSettings read(final RuleFields rule) throws InputException {
        FairnessMetric metric = metric(rule);
        Disparity method = Disparity.of(rule.choice(METHOD, Disparity.BETWEEN_GROUPS.policyName(),
                List.of(Disparity.BETWEEN_GROUPS.policyName(), Disparity.TO_OVERALL.policyName())));
        if (metric.judgesGroups() && method != Disparity.BETWEEN_GROUPS) {
            throw rule.invalid(METHOD, "does not apply to " + metric.policyName() + ", which always compares each "
                    + "group with the group of the highest selection rate; remove the field");
        }
        if (rule.has(AGG) && !metric.combinesRates()) {
            throw rule.invalid(AGG, "applies only to equalized_odds_difference and equalized_odds_ratio; remove "
                    + "the field");
        }
        OddsAggregation aggregation = OddsAggregation.of(rule.choice(AGG, OddsAggregation.WORST_CASE.policyName(),
                List.of(OddsAggregation.WORST_CASE.policyName(), OddsAggregation.MEAN.policyName())));
        return new FairnessSettings(metric, sensitive(rule), bounds(rule, metric),
                rule.integer(MIN_GROUP_SIZE, DEFAULT_MIN_GROUP_SIZE, 1),
                new PositiveLabel(rule.optionalString(POSITIVE_LABEL).orElse(DEFAULT_POSITIVE_LABEL)), method,
                aggregation, rule.bool(INTERSECTIONAL, false));
    }

    /** The settings as the rule's evidence shows them; {@code method} and {@code agg} only where they apply. */
    Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(METRIC, metric.policyName());
        if (!metric.judgesGroups()) {
            evidence.put(METHOD, method.policyName());
        }
        if (metric.combinesRates()) {
            evidence.put(AGG, aggregation.policyName());
        }
        evidence.put("bounds", bounds.evidence());
        evidence.put("boundsByDefault", bounds.byDefault());
        evidence.put(POSITIVE_LABEL, positiveLabel.text());
        evidence.put(MIN_GROUP_SIZE, minGroupSize);
        evidence.put(INTERSECTIONAL, intersectional);
        return evidence;
    }

    private static FairnessMetric metric(final RuleFields rule) throws InputException {
        String name = rule.string(METRIC);
        return FairnessMetric.of(name).orElseThrow(() -> rule.invalid(METRIC, "must be one of "
                + String.join(", ", FairnessMetric.policyNames()) + ", got '" + name + "'"));
    }

    private static List<String> sensitive(final RuleFields rule) throws InputException {
        List<String> columns = rule.strings(SENSITIVE);
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw rule.invalid(SENSITIVE, "names column '" + column + "' twice");
            }
        }
        return columns;
    }

    private static Bounds bounds(final RuleFields rule, final FairnessMetric metric) throws InputException {
        OptionalDouble min = unitInterval(rule, MIN);
        OptionalDouble max = unitInterval(rule, MAX);
        if (min.isEmpty() && max.isEmpty()) {
            return Bounds.defaultFor(metric);
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw rule.invalid(MIN, "is " + min.getAsDouble() + ", above max " + max.getAsDouble());
        }
        if (metric.isRatio() && min.isEmpty()) {
            throw rule.invalid(MAX, "alone does not bound a ratio, which is 1 at parity and falls with disparity: "
                    + "give min (e.g. 0.8)");
        }
        if (!metric.isRatio() && max.isEmpty()) {
            throw rule.invalid(MIN, "alone does not bound a difference, which is 0 at parity and grows with "
                    + "disparity: give max (e.g. 0.1)");
        }
        return new Bounds(min, max, false);
    }

    private static OptionalDouble unitInterval(final RuleFields rule, final String field) throws InputException {
        OptionalDouble value = rule.optionalNumber(field);
        if (value.isPresent() && (value.getAsDouble() < 0 || value.getAsDouble() > 1)) {
            throw rule.invalid(field, "must be between 0 and 1 (fairness metrics are), got " + value.getAsDouble());
        }
        return value;
    }
}
