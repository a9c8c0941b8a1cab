package io.mlgitops.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which model outputs hold what. A classifier has a label output (an int64 or string tensor) and optionally
 * probabilities, either a float tensor {@code [N, K]} whose columns are the classes named by the model's classifier
 * node, or skl2onnx's ZipMap (a sequence of maps from class to probability). A ZipMap is read from the tensor that
 * feeds it when the runner added that tensor to the model's outputs, which is much faster than reading maps. A
 * regressor has a float tensor {@code [N]} or {@code [N, 1]}.
 */
final class OutputPlan {
    private final String label;
    private final boolean textLabels;
    private final String probabilities;
    private final boolean zipMap;
    private final List<String> classLabels;
    private final String value;
    private final String unzipped;

    private OutputPlan(final String label, final boolean textLabels, final String probabilities,
            final boolean zipMap, final List<String> classLabels, final String value, final String unzipped) {
        this.label = label;
        this.textLabels = textLabels;
        this.probabilities = probabilities;
        this.zipMap = zipMap;
        this.classLabels = classLabels;
        this.value = value;
        this.unzipped = unzipped;
    }

    static OutputPlan create(final Map<String, NodeInfo> outputs, final OnnxModelFacts facts,
            final String reference) throws InputException {
        List<NodeInfo> labels = new ArrayList<>();
        List<NodeInfo> numbers = new ArrayList<>();
        List<NodeInfo> zipMaps = new ArrayList<>();
        for (NodeInfo output : outputs.values()) {
            if (output.getInfo() instanceof TensorInfo tensor) {
                if (tensor.type == OnnxJavaType.INT64 || tensor.type == OnnxJavaType.STRING) {
                    labels.add(output);
                }
                else if (tensor.type == OnnxJavaType.FLOAT || tensor.type == OnnxJavaType.DOUBLE) {
                    numbers.add(output);
                }
            }
            else if (output.getInfo() instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()) {
                zipMaps.add(output);
            }
        }
        if (!labels.isEmpty()) {
            NodeInfo label = labels.get(0);
            boolean text = ((TensorInfo) label.getInfo()).type == OnnxJavaType.STRING;
            if (!zipMaps.isEmpty()) {
                return zipMapPlan(label.getName(), text, zipMaps.get(0).getName(), outputs, facts);
            }
            NodeInfo matrix = numbers.stream().filter(output -> rank(output) == 2).findFirst().orElse(null);
            if (matrix == null) {
                return new OutputPlan(label.getName(), text, null, false, List.of(), null, null);
            }
            List<String> classes = classLabels(facts, ((TensorInfo) matrix.getInfo()).getShape()[1], matrix,
                    reference);
            return new OutputPlan(label.getName(), text, matrix.getName(), false, classes, null, null);
        }
        if (!numbers.isEmpty()) {
            return new OutputPlan(null, false, null, false, List.of(), numbers.get(0).getName(), null);
        }
        throw new InputException(String.format("%s: no model output is a label (int64 or string tensor) or a "
                + "predicted value (float tensor). Model outputs: %s. Export the classifier or regressor with "
                + "skl2onnx's standard outputs.", reference, NodeInfoText.describe(outputs)));
    }

    /**
     * Reads the tensor that feeds the ZipMap when the model has been given it as an extra output, and the ZipMap's
     * maps otherwise.
     */
    private static OutputPlan zipMapPlan(final String label, final boolean text, final String zipMap,
            final Map<String, NodeInfo> outputs, final OnnxModelFacts facts) {
        for (OnnxModelFacts.ZipMap node : facts.zipMaps()) {
            if (node.output().equals(zipMap) && outputs.containsKey(node.input())) {
                return new OutputPlan(label, text, node.input(), false, node.classLabels(), null, zipMap);
            }
        }
        return new OutputPlan(label, text, zipMap, true, List.of(), null, null);
    }

    /** The outputs to compute, label or value first. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        names.add(value != null ? value : label);
        if (probabilities != null) {
            names.add(probabilities);
        }
        return names;
    }

    boolean isRegression() {
        return value != null;
    }

    String label() {
        return label;
    }

    boolean textLabels() {
        return textLabels;
    }

    String probabilities() {
        return probabilities;
    }

    boolean zipMap() {
        return zipMap;
    }

    /** The class of each probability column, for tensor probabilities. */
    List<String> classLabels() {
        return classLabels;
    }

    String value() {
        return value;
    }

    /** Report details: which output was read as what. */
    Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (value != null) {
            details.put("value_output", value);
        }
        else {
            details.put("label_output", label);
        }
        if (unzipped != null) {
            details.put("probability_output", unzipped + " (ZipMap, read from its input tensor '" + probabilities
                    + "')");
        }
        else if (probabilities != null) {
            details.put("probability_output", probabilities + (zipMap ? " (ZipMap)" : " (tensor)"));
        }
        return details;
    }

    private static int rank(final NodeInfo output) {
        return ((TensorInfo) output.getInfo()).getShape().length;
    }

    /** The class labels that a classifier node gives for {@code width} probability columns (unknown if < 0). */
    private static List<String> classLabels(final OnnxModelFacts facts, final long width, final NodeInfo output,
            final String reference) throws InputException {
        List<List<String>> candidates = facts.classLabels().stream()
                .distinct()
                .filter(labels -> width < 0 || labels.size() == width)
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new InputException(String.format("%s: model output '%s' holds class probabilities, but the model "
                    + "does not say which class each column is (no classifier node with class labels%s). Export "
                    + "the model with ZipMap probabilities (skl2onnx's default, zipmap=True), or give its "
                    + "predictions as predictions:FILE with probability_<class> columns.", reference,
                    output.getName(), width < 0 ? "" : " for " + width + " classes"));
        }
        throw new InputException(String.format("%s: model output '%s' holds class probabilities, but the model's "
                + "classifier nodes name different classes (%s), so the columns are ambiguous. Export the model "
                + "with ZipMap probabilities (zipmap=True), or give its predictions as predictions:FILE.", reference,
                output.getName(), candidates.stream().map(List::toString).collect(Collectors.joining(" and "))));
    }
}
