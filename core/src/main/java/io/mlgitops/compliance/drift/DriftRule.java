package io.mlgitops.compliance.drift;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Data drift between the reference (training) data set and the current one, per column, with Evidently's methods,
 * defaults and drift rules (EU AI Act Art. 10: data representative of the intended use). The data set drifts when
 * the share of drifted columns is at least {@code driftShare}; the rule fails then, or on any drifted column with
 * {@code failOn: column}. Each drifted column is one finding, keyed by its name.
 */
public final class DriftRule implements RuleType {
    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Set<String> fields() {
        return DriftSettings.FIELDS;
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        DriftSettings.read(rule);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        Optional<Dataset> current = evidence.dataset();
        Optional<Dataset> reference = evidence.referenceDataset();
        if (current.isEmpty()) {
            return RuleCheck.notApplicable("No evaluation data set was given, so drift cannot be measured.");
        }
        if (reference.isEmpty()) {
            return RuleCheck.notApplicable("No reference (training) data set was given, so drift cannot be "
                    + "measured.");
        }
        DriftSettings settings = DriftSettings.read(rule);
        List<ColumnDrift> drifts = new ArrayList<>();
        for (String column : columns(settings, evidence, reference.get(), current.get())) {
            drifts.add(measure(rule, settings, reference.get(), current.get(), column));
        }
        return judge(settings, drifts, reference.get(), current.get());
    }

    private static List<String> columns(final DriftSettings settings, final Evidence evidence,
            final Dataset reference, final Dataset current) throws InputException {
        if (!settings.columns().isEmpty()) {
            return settings.columns();
        }
        List<String> shared = new ArrayList<>(current.columnNames());
        shared.retainAll(reference.columnNames());
        evidence.target().ifPresent(shared::remove);
        shared.removeAll(evidence.sensitive());
        if (shared.isEmpty()) {
            throw new InputException(String.format("%s and %s share no column besides the target and the sensitive "
                    + "columns, so drift cannot be measured. Check that the reference data set is the training data "
                    + "of this model.", reference.source(), current.source()));
        }
        return shared;
    }

    private static ColumnDrift measure(final RuleFields rule, final DriftSettings settings, final Dataset reference,
            final Dataset current, final String name) throws InputException {
        Column referenceColumn = reference.column(name);
        Column currentColumn = current.column(name);
        ColumnSample sample = ColumnSample.of(referenceColumn, reference.source(), currentColumn, current.source());
        DriftMethod method = settings.method() == DriftMethod.AUTO ? DriftMethod.defaultFor(sample)
                : settings.method();
        if (method.needsNumbers() && !sample.isNumeric()) {
            String where = referenceColumn instanceof NumericColumn ? current.source() : reference.source();
            throw rule.invalid(DriftSettings.METHOD, String.format("method %s needs numbers, but column '%s' holds "
                    + "text in %s. Use psi, jensenshannon, chisquare, z or auto for text columns, or list only "
                    + "numeric columns in 'columns'.", method.policyName(), name, where));
        }
        return ColumnDrift.measure(sample, method, settings.threshold(method));
    }

    private static RuleCheck judge(final DriftSettings settings, final List<ColumnDrift> drifts,
            final Dataset reference, final Dataset current) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnDrift drift : drifts) {
            columns.put(drift.sample().name(), drift.evidence());
            if (drift.drifted()) {
                findings.add(drift.finding());
            }
        }
        double share = (double) findings.size() / drifts.size();
        boolean datasetDrift = share >= settings.driftShare();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reference", reference.source());
        evidence.put("current", current.source());
        evidence.put("method", settings.method().policyName());
        evidence.put("columns", columns);
        evidence.put("columnCount", drifts.size());
        evidence.put("driftedColumns", findings.size());
        evidence.put("shareDrifted", share);
        evidence.put("driftShare", settings.driftShare());
        evidence.put("datasetDrift", datasetDrift);
        evidence.put("failOn", settings.failOnColumn() ? "column" : "dataset");
        String summary = String.format(Locale.ROOT, "%d of %d columns drifted between %s and %s (share %.3g, "
                + "data set drift at %.3g)", findings.size(), drifts.size(), reference.source(), current.source(),
                share, settings.driftShare());
        boolean failed = settings.failOnColumn() ? !findings.isEmpty() : datasetDrift;
        if (failed) {
            return RuleCheck.failed(summary + (datasetDrift ? ": the data set drifted." : "."), evidence, findings);
        }
        return RuleCheck.passed(summary + (findings.isEmpty() ? "." : ": below the data set drift share."),
                evidence);
    }
}
