package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rule type {@code fairness}: a group-fairness metric of the model's predicted labels on the evaluation data set,
 * per sensitive column (or per combination of them), must stay within bounds. Metrics follow fairlearn 0.15; the
 * disparate impact ratio judges each group against the group of the highest selection rate (four-fifths rule,
 * 29 CFR 1607.4(D)). Groups smaller than {@code minGroupSize} and rows without a sensitive value are reported but
 * left out of the metric.
 */
public final class FairnessRule implements RuleType {
    @Override
    public String name() {
        return "fairness";
    }

    @Override
    public Set<String> fields() {
        return FairnessSettings.FIELDS;
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        FairnessSettings.read(rule);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        FairnessSettings settings = FairnessSettings.read(rule);
        boolean sensitiveFromRule = !settings.sensitive().isEmpty();
        List<String> sensitive = sensitiveFromRule ? settings.sensitive() : evidence.sensitive();
        Optional<String> missing = missingInput(settings, evidence, sensitive);
        if (missing.isPresent()) {
            return RuleCheck.notApplicable(missing.get());
        }
        Dataset data = evidence.dataset().orElseThrow();
        List<Column> columns = sensitiveColumns(data, sensitive, sensitiveFromRule);
        Column labels = labels(data, evidence.target(), settings.metric());
        Outcomes outcomes = OutcomeReader.read(data, evidence.predictions(), labels, settings.positiveLabel());
        List<GroupingCheck> checks = new ArrayList<>();
        for (List<Column> grouped : settings.intersectional() ? List.of(columns)
                : columns.stream().map(List::of).toList()) {
            checks.add(GroupingCheck.of(Grouping.of(grouped), outcomes, settings));
        }
        Map<String, Object> details = settings.evidence();
        details.put("dataset", data.source());
        details.put("rows", data.rowCount());
        details.put("sensitive", sensitive);
        details.put("sensitiveFrom", sensitiveFromRule ? "rule" : "evidence");
        evidence.target().ifPresent(target -> details.put("target", target));
        details.put("labelsUsed", labels != null);
        return FairnessVerdict.of(settings, checks, details);
    }

    private static Optional<String> missingInput(final FairnessSettings settings, final Evidence evidence,
            final List<String> sensitive) {
        if (evidence.dataset().isEmpty()) {
            return Optional.of("No evaluation data set was given (--dataset).");
        }
        if (!evidence.hasPredictions()) {
            return Optional.of("No model or predictions were given, so there are no predicted labels to judge.");
        }
        if (sensitive.isEmpty()) {
            return Optional.of("No sensitive column: name them in the rule's 'sensitive' field or give --sensitive.");
        }
        if (settings.metric().needsTarget() && evidence.target().isEmpty()) {
            return Optional.of(settings.metric().policyName() + " needs the actual labels, and no target column "
                    + "was given (--target).");
        }
        return Optional.empty();
    }

    private static List<Column> sensitiveColumns(final Dataset data, final List<String> names,
            final boolean fromRule) throws InputException {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(data.find(name).orElseThrow(() -> new InputException(String.format(
                    "%s has no sensitive column '%s' (named %s). Columns: %s. Check the name (it is case-sensitive).",
                    data.source(), name, fromRule ? "in the rule's 'sensitive' field" : "by --sensitive",
                    String.join(", ", data.columnNames())))));
        }
        return columns;
    }

    /**
     * The target column when the labels are used: always when the metric needs them (then every row must be
     * labelled), else only when the column is complete (for the true and false positive rates in the evidence).
     */
    private static Column labels(final Dataset data, final Optional<String> target, final FairnessMetric metric)
            throws InputException {
        if (target.isEmpty()) {
            return null;
        }
        Column labels = data.column(target.get());
        int missing = OutcomeReader.firstMissingRow(labels);
        if (missing >= 0 && metric.needsTarget()) {
            throw new InputException(String.format("%s: target column '%s' has no label in row %d (%d rows "
                    + "unlabelled); %s needs every row labelled. Fill in the labels or remove those rows.",
                    data.source(), labels.name(), missing + 1, labels.missingCount(), metric.policyName()));
        }
        return missing < 0 ? labels : null;
    }
}
