package io.mlgitops.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Readable descriptions of model inputs and outputs for messages and reports, e.g. {@code input float[N, 6]}. */
final class NodeInfoText {
    private NodeInfoText() {
    }

    static String describe(final Map<String, NodeInfo> values) {
        return values.values().stream().map(NodeInfoText::describe).collect(Collectors.joining(", "));
    }

    static String describe(final NodeInfo value) {
        if (value.getInfo() instanceof TensorInfo tensor) {
            return value.getName() + " " + tensor.type.name().toLowerCase(Locale.ROOT) + shape(tensor.getShape());
        }
        return value.getName() + " " + value.getInfo();
    }

    static String shape(final long[] shape) {
        return Arrays.stream(shape).mapToObj(dimension -> dimension < 0 ? "N" : Long.toString(dimension))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
