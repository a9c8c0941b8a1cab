package io.mlgitops.inference.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.ClassLabels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the labels (or values) and class probabilities of every batch into one {@link ModelOutput}: numeric
 * labels as a {@link NumericColumn}, any text label makes it a {@link TextColumn}.
 */
final class PredictionCollector {
    private final String source;
    private final int rows;
    private final double[] numbers;
    private String[] texts;
    private List<String> classes;
    private Map<String, Integer> classIndex;
    private boolean classesAreIndices;
    private double[][] probabilities;

    /**
     * @param source the endpoint, named in messages
     * @param rows   rows of the whole data set
     */
    PredictionCollector(final String source, final int rows) {
        this.source = source;
        this.rows = rows;
        this.numbers = new double[rows];
        Arrays.fill(numbers, Double.NaN);
    }

    /** Adds the outputs of the batch that starts at row {@code from}. */
    void add(final int from, final OutputSelection selection, final String where) throws InputException {
        if (selection.probabilities().isPresent() != (probabilities != null) && from > 0) {
            throw new InputException(String.format("%s returned class probabilities for some batches only; the "
                    + "server must answer every request the same way.", where));
        }
        if (selection.probabilities().isPresent()) {
            addProbabilities(from, selection.probabilities().get(), where);
        }
        if (selection.labels().isPresent()) {
            List<JsonNode> labels = selection.labels().get().rows();
            for (int i = 0; i < labels.size(); i++) {
                setLabel(from + i, NamedOutput.scalar(labels.get(i)));
            }
        }
        else {
            int count = selection.probabilities().get().rows().size();
            for (int row = from; row < from + count; row++) {
                setMostProbable(row);
            }
        }
    }

    private void addProbabilities(final int from, final NamedOutput output, final String where)
            throws InputException {
        if (classes == null) {
            defineClasses(output);
        }
        List<JsonNode> values = output.rows();
        for (int i = 0; i < values.size(); i++) {
            JsonNode row = values.get(i);
            for (double[] column : probabilities) {
                column[from + i] = Double.NaN;
            }
            if (row == null || row.isNull()) {
                continue;
            }
            if (row.isObject() && !classesAreIndices) {
                for (Map.Entry<String, JsonNode> cell : row.properties()) {
                    probabilities[classOf(cell.getKey(), where)][from + i] = cell.getValue().asDouble(Double.NaN);
                }
            }
            else if (row.isArray() && classesAreIndices && row.size() == classes.size()) {
                for (int k = 0; k < row.size(); k++) {
                    probabilities[k][from + i] = row.get(k).asDouble(Double.NaN);
                }
            }
            else {
                throw new InputException(String.format("%s returned probabilities of a different shape in row %d "
                        + "(%s) than before (%d classes).", where, from + i + 1, row.getNodeType(), classes.size()));
            }
        }
    }

    private void defineClasses(final NamedOutput output) {
        JsonNode first = output.rows().stream().filter(row -> row != null && !row.isNull()).findFirst().orElseThrow();
        classes = new ArrayList<>();
        classesAreIndices = first.isArray();
        if (classesAreIndices) {
            for (int k = 0; k < first.size(); k++) {
                classes.add(String.valueOf(k));
            }
        }
        else {
            first.properties().forEach(cell -> classes.add(canonical(cell.getKey())));
        }
        classIndex = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            classIndex.put(classes.get(k), k);
        }
        probabilities = new double[classes.size()][rows];
    }

    private int classOf(final String key, final String where) throws InputException {
        Integer index = classIndex.get(canonical(key));
        if (index == null) {
            throw new InputException(String.format("%s returned a probability for class '%s', which earlier rows did "
                    + "not have (classes: %s).", where, key, classes));
        }
        return index;
    }

    private void setMostProbable(final int row) {
        int best = -1;
        for (int k = 0; k < classes.size(); k++) {
            double p = probabilities[k][row];
            if (!Double.isNaN(p) && (best < 0 || p > probabilities[best][row])) {
                best = k;
            }
        }
        if (best >= 0) {
            setText(row, classes.get(best));
        }
    }

    private void setLabel(final int row, final JsonNode label) {
        if (label == null || label.isNull()) {
            return;
        }
        if (label.isNumber()) {
            numbers[row] = label.asDouble();
        }
        else {
            setText(row, label.asText());
        }
    }

    private void setText(final int row, final String label) {
        try {
            numbers[row] = Double.parseDouble(label);
            if (texts != null) {
                texts[row] = label;
            }
            return;
        }
        catch (NumberFormatException notANumber) {
            // a text label
        }
        if (texts == null) {
            texts = new String[rows];
        }
        texts[row] = label;
    }

    /** The predictions; probabilities are dropped (with a warning) when their classes cannot be named. */
    ModelOutput finish(final List<BatchTiming> timings, final ProgressListener progress) {
        Column predictions = texts == null ? new NumericColumn("prediction", numbers) : textColumn();
        Optional<ProbabilityTable> table = Optional.empty();
        if (probabilities != null) {
            if (classesAreIndices && !labelsAreClassIndices()) {
                progress.warn(String.format("%s returns class probabilities without class names and labels that are "
                        + "not 0..%d; the probabilities are ignored. Serve the model with named classes (e.g. "
                        + "skl2onnx's ZipMap output) to use them.", source, classes.size() - 1));
            }
            else {
                table = Optional.of(ProbabilityTable.perClass(classes, probabilities));
            }
        }
        return new ModelOutput(predictions, table, timings);
    }

    private boolean labelsAreClassIndices() {
        if (texts != null) {
            return false;
        }
        for (double label : numbers) {
            if (!Double.isNaN(label) && (label != Math.rint(label) || label < 0 || label >= classes.size())) {
                return false;
            }
        }
        return true;
    }

    private TextColumn textColumn() {
        Map<String, Integer> codes = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[] encoded = new int[rows];
        for (int row = 0; row < rows; row++) {
            String label = texts[row] != null ? texts[row]
                    : Double.isNaN(numbers[row]) ? null : ClassLabels.canonical(numbers[row]);
            if (label == null) {
                encoded[row] = -1;
                continue;
            }
            encoded[row] = codes.computeIfAbsent(label, added -> {
                dictionary.add(added);
                return dictionary.size() - 1;
            });
        }
        return new TextColumn("prediction", source, encoded, dictionary.toArray(new String[0]));
    }

    private static String canonical(final String key) {
        try {
            return ClassLabels.canonical(Double.parseDouble(key));
        }
        catch (NumberFormatException text) {
            return key;
        }
    }
}
