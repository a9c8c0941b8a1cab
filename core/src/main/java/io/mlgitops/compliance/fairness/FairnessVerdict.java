package io.mlgitops.compliance.fairness;

import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a {@code fairness} rule from its judged columns. When no column has two groups large enough to
 * compare, the rule is not applicable rather than passed: nothing was compared, and a reader must not see "passed".
 */
final class FairnessVerdict {
    private FairnessVerdict() {
    }

    /**
     * @param settings the rule
     * @param checks   each sensitive column (or the combination) judged
     * @param inputs   the evidence about the inputs; the columns' evidence is added
     */
    static RuleCheck of(final FairnessSettings settings, final List<GroupingCheck> checks,
            final Map<String, Object> inputs) {
        List<GroupingCheck> compared = checks.stream().filter(GroupingCheck::compared).toList();
        List<GroupingCheck> notCompared = checks.stream().filter(check -> !check.compared()).toList();
        Map<String, Object> evidence = new LinkedHashMap<>(inputs);
        Map<String, Object> byColumn = new LinkedHashMap<>();
        checks.forEach(check -> byColumn.put(check.name(), check.evidence()));
        evidence.put("columns", byColumn);
        evidence.put("notCompared", notCompared.stream().map(GroupingCheck::name).toList());
        if (compared.isEmpty()) {
            return new RuleCheck(RuleStatus.NOT_APPLICABLE, String.format("Nothing to compare: no sensitive column "
                    + "has two groups of at least %d rows (minGroupSize): %s.", settings.minGroupSize(),
                    sizes(notCompared)), evidence, List.of());
        }
        String skipped = notCompared.isEmpty() ? "" : String.format("; not compared (fewer than two groups of at "
                + "least %d rows): %s", settings.minGroupSize(), sizes(notCompared));
        List<Finding> findings = compared.stream().flatMap(check -> check.findings().stream()).toList();
        String passed = String.format("%s is %s for %s%s.", metric(settings), bound(settings),
                compared.stream().map(GroupingCheck::result).collect(Collectors.joining(", ")), skipped);
        String failed = String.format("%s is not %s for %s%s.", metric(settings), bound(settings),
                compared.stream().flatMap(check -> check.violations().stream()).collect(Collectors.joining(", ")),
                skipped);
        return RuleCheck.of(findings, passed, failed, evidence);
    }

    /** {@code equalized_odds_difference (between_groups, worst_case)}. */
    private static String metric(final FairnessSettings settings) {
        FairnessMetric metric = settings.metric();
        if (metric.judgesGroups()) {
            return metric.policyName();
        }
        return metric.policyName() + " (" + settings.method().policyName()
                + (metric.combinesRates() ? ", " + settings.aggregation().policyName() : "") + ")";
    }

    private static String bound(final FairnessSettings settings) {
        Bounds bounds = settings.bounds();
        return bounds.describe() + (bounds.byDefault() ? " (the default for a "
                + (settings.metric().isRatio() ? "ratio" : "difference") + "; set min or max in the rule to choose)"
                : "");
    }

    private static String sizes(final List<GroupingCheck> checks) {
        return checks.stream().map(check -> check.name() + " [" + check.sizes() + "]")
                .collect(Collectors.joining("; "));
    }
}
