package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;
import io.mlgitops.compliance.quality.ExpectationCatalog.Definition;
import io.mlgitops.data.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Great Expectations (1.2) expectation on the evaluation or the reference data set, with GE's semantics (EU AI
 * Act Art. 10: data free of errors and complete). The evidence mirrors GE's validation result; a failed expectation
 * is one finding, keyed by its column (or {@code table}).
 */
public final class DataExpectationRule implements RuleType {
    private static final String CURRENT = "current";
    private static final String REFERENCE = "reference";

    @Override
    public String name() {
        return "dataExpectation";
    }

    @Override
    public Set<String> fields() {
        return ExpectationCatalog.allFields();
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        read(rule);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        Expectation expectation = read(rule);
        boolean reference = REFERENCE.equals(dataset(rule));
        Optional<Dataset> data = reference ? evidence.referenceDataset() : evidence.dataset();
        if (data.isEmpty()) {
            return RuleCheck.notApplicable(reference ? "No reference (training) data set was given."
                    : "No evaluation data set was given.");
        }
        ExpectationResult result = expectation.validate(data.get());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("expectation", rule.string(ExpectationFields.EXPECTATION));
        details.put("dataset", data.get().source());
        details.put("success", result.success());
        details.putAll(result.result());
        if (result.success()) {
            return RuleCheck.passed(result.message(), details);
        }
        return RuleCheck.failed(result.message(), details, List.of(new Finding(result.key(), result.message())));
    }

    private static String dataset(final RuleFields rule) throws InputException {
        return rule.choice(ExpectationFields.DATASET, CURRENT, List.of(CURRENT, REFERENCE));
    }

    /** Reads the expectation, rejecting unknown names, fields of other expectations and invalid arguments. */
    private static Expectation read(final RuleFields rule) throws InputException {
        String name = rule.string(ExpectationFields.EXPECTATION);
        Definition definition = ExpectationCatalog.find(name).orElseThrow(() -> rule.invalid(
                ExpectationFields.EXPECTATION, "unknown expectation '" + name + "'; supported: "
                        + String.join(", ", ExpectationCatalog.names())));
        for (String field : ExpectationCatalog.allFields()) {
            if (rule.has(field) && !ExpectationFields.COMMON.contains(field) && !definition.fields().contains(field)) {
                throw rule.invalid(field, "does not apply to " + name + ", which accepts "
                        + String.join(", ", new TreeSet<>(definition.fields())));
            }
        }
        dataset(rule);
        return definition.reader().read(rule);
    }
}
