package io.mlgitops.compliance.card;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;
import io.mlgitops.metrics.MetricCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code declaredMetrics}: the metrics the model card declares equal the measured ones within {@code tolerance}
 * (EU AI Act Art. 15(3): accuracy levels and metrics are declared in the instructions for use). Measured values come
 * from the benchmark report when one is given, otherwise from the evaluation data and the model's predicted labels.
 */
public final class DeclaredMetricsRule implements RuleType {
    private static final String TOLERANCE = "tolerance";
    private static final String METRICS = "metrics";
    private static final double DEFAULT_TOLERANCE = 0.01;
    /** Declared values are rounded decimals; a difference equal to the tolerance must not fail on binary noise. */
    private static final double ROUNDING = 1e-12;

    @Override
    public String name() {
        return "declaredMetrics";
    }

    @Override
    public Set<String> fields() {
        return Set.of(TOLERANCE, METRICS);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        OptionalDouble tolerance = rule.optionalNumber(TOLERANCE);
        if (tolerance.isPresent() && tolerance.getAsDouble() < 0) {
            throw rule.invalid(TOLERANCE, "must not be negative, got " + tolerance.getAsDouble());
        }
        for (String metric : rule.strings(METRICS)) {
            if (MetricCatalog.canonicalName(metric).isEmpty()) {
                throw rule.invalid(METRICS, "'" + metric + "' is not a known metric name (accuracy_score, f1_score, "
                        + "roc_auc, mean_absolute_error, ... or a scikit-learn scorer name)");
            }
        }
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        if (evidence.modelCard().isEmpty()) {
            return RuleCheck.notApplicable("No model card was given (--model-card).");
        }
        boolean computable = evidence.dataset().isPresent() && evidence.target().isPresent()
                && evidence.hasPredictions();
        if (evidence.benchmarkReport().isEmpty() && !computable) {
            return RuleCheck.notApplicable("Nothing to measure the declared metrics with: give --benchmark-report, "
                    + "or --dataset, --target and --predictions.");
        }
        ModelCard card = ModelCard.read(evidence.modelCard().get());
        Map<String, JsonNode> declared = selected(rule, card.declaredMetrics());
        double tolerance = rule.optionalNumber(TOLERANCE).orElse(DEFAULT_TOLERANCE);
        Optional<MeasuredMetrics> report = evidence.benchmarkReport().isPresent()
                ? Optional.of(MeasuredMetrics.fromBenchmarkReport(evidence.benchmarkReport().get()))
                : Optional.empty();
        String source = report.map(MeasuredMetrics::source).orElse("the predictions on "
                + evidence.dataset().map(dataset -> dataset.source()).orElse(""));
        List<Map<String, Object>> compared = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : declared.entrySet()) {
            String name = entry.getKey();
            OptionalDouble claimed = number(entry.getValue());
            Optional<String> canonical = MetricCatalog.canonicalName(name);
            if (claimed.isEmpty()) {
                findings.add(new Finding(name, String.format("the card declares %s as '%s', which is not a number",
                        name, entry.getValue().asText())));
                continue;
            }
            Optional<Double> measured = canonical.isEmpty() ? Optional.empty()
                    : report.isPresent() ? Optional.ofNullable(report.get().values().get(canonical.get()))
                    : MeasuredMetrics.compute(canonical.get(), evidence.dataset().get(), evidence.target().get(),
                            evidence.predictions());
            if (measured.isEmpty()) {
                unverified.add(name);
                continue;
            }
            double difference = Math.abs(measured.get() - claimed.getAsDouble());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("metric", name);
            line.put("declared", claimed.getAsDouble());
            line.put("measured", measured.get());
            line.put("difference", difference);
            compared.add(line);
            if (!(difference <= tolerance + ROUNDING)) {
                findings.add(new Finding(name, String.format(Locale.ROOT, "%s: declared %.4f, measured %.4f "
                        + "(difference %.4f > tolerance %s)", name, claimed.getAsDouble(), measured.get(),
                        difference, tolerance)));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("modelCard", card.file().toString());
        details.put("measuredBy", source);
        details.put(TOLERANCE, tolerance);
        details.put("compared", compared);
        details.put("unverified", unverified);
        if (declared.isEmpty()) {
            String message = "The model card declares no overall performance metric (quantitative_analysis."
                    + "performance_metrics or model-index); Art. 15(3) wants the accuracy levels declared.";
            return RuleCheck.failed(message, details, List.of(new Finding("declared-metrics", message)));
        }
        if (compared.isEmpty() && findings.isEmpty()) {
            return RuleCheck.notApplicable("None of the declared metrics " + declared.keySet() + " could be measured "
                    + "by " + source + ".");
        }
        String unverifiedNote = unverified.isEmpty() ? "" : " Not measurable here: " + unverified + ".";
        return RuleCheck.of(findings,
                String.format(Locale.ROOT, "%d declared metrics match %s within %s.%s", compared.size(), source,
                        tolerance, unverifiedNote),
                String.format(Locale.ROOT, "%d of %d declared metrics differ from %s: %s.%s", findings.size(),
                        declared.size(), source, String.join("; ", findings.stream().map(Finding::message).toList()),
                        unverifiedNote), details);
    }

    private static Map<String, JsonNode> selected(final RuleFields rule, final Map<String, JsonNode> declared)
            throws InputException {
        List<String> wanted = rule.strings(METRICS);
        if (wanted.isEmpty()) {
            return declared;
        }
        Map<String, JsonNode> selected = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            Optional<String> canonical = MetricCatalog.canonicalName(name);
            if (canonical.isPresent() && wanted.stream().anyMatch(metric ->
                    MetricCatalog.canonicalName(metric).equals(canonical))) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    /** A declared value: a number, or a text such as {@code "0.83"} or {@code "83%"}. */
    private static OptionalDouble number(final JsonNode value) {
        if (value.isNumber()) {
            return OptionalDouble.of(value.asDouble());
        }
        String text = value.asText().trim();
        boolean percent = text.endsWith("%");
        try {
            double parsed = Double.parseDouble(percent ? text.substring(0, text.length() - 1).trim() : text);
            return Double.isFinite(parsed) ? OptionalDouble.of(percent ? parsed / 100 : parsed)
                    : OptionalDouble.empty();
        }
        catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }
}
