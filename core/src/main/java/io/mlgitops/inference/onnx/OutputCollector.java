package io.mlgitops.inference.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.ClassLabels;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the outputs of every batch into whole-data-set columns: labels (numbers or dictionary-encoded text) or
 * regression values, and class probabilities as {@code [class][row]}.
 */
final class OutputCollector {
    static final String PREDICTION = "prediction";

    private final OutputPlan plan;
    private final String reference;
    private final double[] numbers;
    private final int[] codes;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> dictionaryValues = new ArrayList<>();
    private final Map<Object, Integer> zipMapKeys = new HashMap<>();
    private List<String> classes;
    private double[][] probabilities;

    OutputCollector(final OutputPlan plan, final int rows, final String reference) {
        this.plan = plan;
        this.reference = reference;
        boolean text = !plan.isRegression() && plan.textLabels();
        this.numbers = text ? null : new double[rows];
        this.codes = text ? new int[rows] : null;
        if (plan.probabilities() != null && !plan.zipMap()) {
            classes = plan.classLabels();
            probabilities = new double[classes.size()][rows];
        }
    }

    /** Copies the outputs of rows {@code [from, to)}. */
    void add(final OrtSession.Result result, final int from, final int to) throws OrtException, InputException {
        OnnxTensor main = (OnnxTensor) output(result, plan.isRegression() ? plan.value() : plan.label());
        if (plan.isRegression()) {
            readValues(main, from, to);
        }
        else if (plan.textLabels()) {
            readTextLabels(main, from, to);
        }
        else {
            readIntegerLabels(main, from, to);
        }
        if (plan.probabilities() == null) {
            return;
        }
        OnnxValue probabilityOutput = output(result, plan.probabilities());
        if (plan.zipMap()) {
            readZipMap((OnnxSequence) probabilityOutput, from, to);
        }
        else {
            readProbabilityTensor((OnnxTensor) probabilityOutput, from, to);
        }
    }

    ModelOutput finish(final List<BatchTiming> timings) {
        Column predictions = codes == null ? new NumericColumn(PREDICTION, numbers)
                : new TextColumn(PREDICTION, reference, codes, dictionaryValues.toArray(String[]::new));
        Optional<ProbabilityTable> table = probabilities == null ? Optional.empty()
                : Optional.of(ProbabilityTable.perClass(classes, probabilities));
        return new ModelOutput(predictions, table, timings);
    }

    private void readValues(final OnnxTensor tensor, final int from, final int to) throws InputException {
        int rows = to - from;
        int width = width(tensor, rows);
        if (width != 1) {
            throw new InputException(String.format("%s: model output '%s' gives %d values per row; a regression "
                    + "model must give one.", reference, plan.value(), width));
        }
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            tensor.getDoubleBuffer().get(numbers, from, rows);
            return;
        }
        FloatBuffer floats = tensor.getFloatBuffer();
        for (int i = 0; i < rows; i++) {
            numbers[from + i] = floats.get(i);
        }
    }

    private void readIntegerLabels(final OnnxTensor tensor, final int from, final int to) throws InputException {
        int rows = to - from;
        requireOnePerRow(tensor, rows, plan.label());
        LongBuffer longs = tensor.getLongBuffer();
        for (int i = 0; i < rows; i++) {
            numbers[from + i] = longs.get(i);
        }
    }

    private void readTextLabels(final OnnxTensor tensor, final int from, final int to)
            throws OrtException, InputException {
        int rows = to - from;
        requireOnePerRow(tensor, rows, plan.label());
        Object value = tensor.getValue();
        for (int i = 0; i < rows; i++) {
            String label = value instanceof String[][] matrix ? matrix[i][0] : ((String[]) value)[i];
            Integer code = dictionary.get(label);
            if (code == null) {
                code = dictionaryValues.size();
                dictionary.put(label, code);
                dictionaryValues.add(label);
            }
            codes[from + i] = code;
        }
    }

    private void readProbabilityTensor(final OnnxTensor tensor, final int from, final int to)
            throws InputException {
        int rows = to - from;
        int width = width(tensor, rows);
        if (width != classes.size()) {
            throw new InputException(String.format("%s: model output '%s' gives %d probabilities per row, but the "
                    + "model names %d classes %s. Export the model with ZipMap probabilities (zipmap=True).",
                    reference, plan.probabilities(), width, classes.size(), classes));
        }
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer doubles = tensor.getDoubleBuffer();
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < width; k++) {
                    probabilities[k][from + i] = doubles.get(i * width + k);
                }
            }
            return;
        }
        FloatBuffer floats = tensor.getFloatBuffer();
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < width; k++) {
                probabilities[k][from + i] = floats.get(i * width + k);
            }
        }
    }

    private void readZipMap(final OnnxSequence sequence, final int from, final int to)
            throws OrtException, InputException {
        List<? extends OnnxValue> maps = sequence.getValue();
        try {
            if (maps.size() != to - from) {
                throw new InputException(String.format("%s: model output '%s' gave %d probability maps for %d rows.",
                        reference, plan.probabilities(), maps.size(), to - from));
            }
            for (int i = 0; i < maps.size(); i++) {
                Map<?, ?> row = ((OnnxMap) maps.get(i)).getValue();
                if (probabilities == null) {
                    startZipMap(row.keySet());
                }
                for (Map.Entry<?, ?> entry : row.entrySet()) {
                    probabilities[classIndex(entry.getKey(), from + i)][from + i] =
                            ((Number) entry.getValue()).doubleValue();
                }
            }
        }
        finally {
            maps.forEach(OnnxValue::close);
        }
    }

    /** The first map fixes the classes, sorted like scikit-learn's {@code classes_}. */
    private void startZipMap(final Set<?> keys) {
        Map<String, Object> byLabel = new HashMap<>();
        for (Object key : keys) {
            byLabel.put(key.toString(), key);
        }
        classes = ClassLabels.sorted(byLabel.keySet()).asList();
        for (int k = 0; k < classes.size(); k++) {
            zipMapKeys.put(byLabel.get(classes.get(k)), k);
        }
        probabilities = new double[classes.size()][rowCount()];
    }

    private int rowCount() {
        return codes != null ? codes.length : numbers.length;
    }

    private int classIndex(final Object key, final int row) throws InputException {
        Integer index = zipMapKeys.get(key);
        if (index == null) {
            throw new InputException(String.format("%s: model output '%s' gives a probability for class '%s' in row "
                    + "%d, which earlier rows did not have (classes %s).", reference, plan.probabilities(), key,
                    row + 1, classes));
        }
        return index;
    }

    private static OnnxValue output(final OrtSession.Result result, final String name) {
        return result.get(name).orElseThrow(() -> new IllegalStateException("ONNX Runtime returned no output "
                + name + " although it was requested"));
    }

    private int width(final OnnxTensor tensor, final int rows) throws InputException {
        long elements = tensor.getInfo().getNumElements();
        long[] shape = tensor.getInfo().getShape();
        if (rows == 0 || shape.length == 0 || shape[0] != rows || elements % rows != 0) {
            throw new InputException(String.format("%s: a model output has shape %s for a batch of %d rows; "
                    + "expected one row per input row.", reference, NodeInfoText.shape(shape), rows));
        }
        return (int) (elements / rows);
    }

    private void requireOnePerRow(final OnnxTensor tensor, final int rows, final String name) throws InputException {
        int width = width(tensor, rows);
        if (width != 1) {
            throw new InputException(String.format("%s: model output '%s' gives %d labels per row; expected one.",
                    reference, name, width));
        }
    }
}
