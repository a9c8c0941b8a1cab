package io.mlgitops.compliance.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.metrics.ClassLabels;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.MetricCatalog;
import io.mlgitops.metrics.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The model's measured metrics, by canonical metric name: read from a benchmark report (the candidate's values), or
 * computed here from the evaluation data set and the model's predicted labels.
 *
 * @param source what the values come from, for messages
 * @param values metric values by canonical name
 */
record MeasuredMetrics(String source, Map<String, Double> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The candidate's metrics in a {@code kind: benchmark} report. */
    static MeasuredMetrics fromBenchmarkReport(final Path file) throws InputException {
        JsonNode report;
        try {
            report = JSON.readTree(file.toFile());
        }
        catch (IOException unreadable) {
            throw new InputException("Benchmark report " + file + " cannot be read as JSON (" + unreadable.getMessage()
                    + "). Pass the file mlgitops benchmark --report wrote.", unreadable);
        }
        if (!"benchmark".equals(report.path("kind").asText())) {
            throw new InputException("Benchmark report " + file + " is not a benchmark report (its kind is '"
                    + report.path("kind").asText() + "'). Pass the file mlgitops benchmark --report wrote.");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode metric : report.path("results").path("metrics")) {
            JsonNode candidate = metric.path("candidate");
            if (candidate.isNumber()) {
                values.put(metric.path("name").asText(), candidate.asDouble());
            }
        }
        return new MeasuredMetrics("benchmark report " + file, values);
    }

    /**
     * Computes a metric from labels and predicted labels; empty when it needs probabilities or does not apply to the
     * task.
     */
    static Optional<Double> compute(final String canonicalName, final Dataset dataset, final String target,
            final Column predictions) throws MlGitOpsException {
        Column truth = dataset.column(target);
        if (truth.size() != predictions.size()) {
            throw new InputException(String.format("The model gave %d predictions for the %d rows of %s.",
                    predictions.size(), truth.size(), dataset.source()));
        }
        boolean regression = isContinuous(truth) || isContinuous(predictions);
        Task task = regression ? Task.REGRESSION : Task.BINARY;
        EvaluationData data = regression
                ? EvaluationData.regression(truth.toDoubles(), predictions.toDoubles())
                : classification(dataset, truth, predictions);
        Metric metric;
        try {
            metric = MetricCatalog.resolve(canonicalName, data.task() == Task.MULTICLASS ? Task.MULTICLASS : task);
        }
        catch (InputException notForThisTask) {
            return Optional.empty();
        }
        if (metric.needsProbabilities()) {
            return Optional.empty();
        }
        return Optional.of(metric.prepare(data).value());
    }

    private static boolean isContinuous(final Column column) {
        return column instanceof NumericColumn numeric && !numeric.isIntegral();
    }

    private static EvaluationData classification(final Dataset dataset, final Column truth, final Column predictions)
            throws InputException {
        int rows = truth.size();
        String[] yTrue = new String[rows];
        String[] yPred = new String[rows];
        TreeSet<String> distinct = new TreeSet<>();
        for (int row = 0; row < rows; row++) {
            yTrue[row] = label(truth, row, dataset.source());
            yPred[row] = label(predictions, row, "the model's predictions");
            distinct.add(yTrue[row]);
            distinct.add(yPred[row]);
        }
        ClassLabels labels = ClassLabels.sorted(distinct);
        int[] trueCodes = new int[rows];
        int[] predictedCodes = new int[rows];
        for (int row = 0; row < rows; row++) {
            trueCodes[row] = labels.indexOf(yTrue[row]);
            predictedCodes[row] = labels.indexOf(yPred[row]);
        }
        int positive = labels.indexOf("1") >= 0 ? labels.indexOf("1") : labels.size() - 1;
        return EvaluationData.classification(labels, positive, trueCodes, predictedCodes, null);
    }

    private static String label(final Column column, final int row, final String source) throws InputException {
        String text = column.text(row);
        if (text == null) {
            throw new InputException(String.format("%s: column '%s', row %d has no value; labels and predictions "
                    + "must not be missing to measure metrics.", source, column.name(), row + 1));
        }
        return column instanceof NumericColumn numeric ? ClassLabels.canonical(numeric.get(row)) : text;
    }
}
