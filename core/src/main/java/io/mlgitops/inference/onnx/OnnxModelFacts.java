package io.mlgitops.inference.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts read from an ONNX model's bytes that ONNX Runtime does not report: which tensors keep their data in side
 * files, the class labels of classifier nodes, the ZipMap nodes and outputs of the main graph, and the producer.
 * Walks the main graph, nested graphs (If, Loop, Scan bodies) and model-local functions.
 *
 * @param externalTensors tensors whose data lives in another file, with the location the model gives
 * @param classLabels     the {@code classlabels_*} attribute of each node that has one (LinearClassifier,
 *                        TreeEnsembleClassifier, SVMClassifier, ZipMap), integers in decimal form
 * @param zipMaps         the ZipMap nodes of the main graph
 * @param outputs         the names of the main graph's outputs
 * @param producer        producer name and version, or empty
 */
record OnnxModelFacts(List<ExternalTensor> externalTensors, List<List<String>> classLabels, List<ZipMap> zipMaps,
        List<String> outputs, String producer) {
    /** A tensor stored outside the model file. */
    record ExternalTensor(String tensor, String location) {
    }

    /**
     * A ZipMap node, which turns a probability tensor into one map per row.
     *
     * @param input       the probability tensor {@code [N, K]}
     * @param output      the sequence of maps
     * @param classLabels the class of each of the K columns
     */
    record ZipMap(String input, String output, List<String> classLabels) {
        ZipMap {
            classLabels = List.copyOf(classLabels);
        }
    }

    private static final int MAX_NESTING = 64;
    private static final int EXTERNAL = 1;

    OnnxModelFacts {
        externalTensors = List.copyOf(externalTensors);
        classLabels = List.copyOf(classLabels);
        zipMaps = List.copyOf(zipMaps);
        outputs = List.copyOf(outputs);
    }

    static OnnxModelFacts scan(final byte[] model) throws MalformedModelException {
        return new Scanner().model(new ProtobufReader(model));
    }

    /** Mutable state of one scan. */
    private static final class Scanner {
        private final List<ExternalTensor> externalTensors = new ArrayList<>();
        private final List<List<String>> classLabels = new ArrayList<>();
        private final List<ZipMap> zipMaps = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();

        OnnxModelFacts model(final ProtobufReader model) throws MalformedModelException {
            String producerName = "";
            String producerVersion = "";
            while (model.next()) {
                switch (model.field()) {
                    case 2 -> producerName = model.readString();
                    case 3 -> producerVersion = model.readString();
                    case 7 -> graph(model.readMessage(), 0);
                    case 25 -> function(model.readMessage(), 0);
                    default -> model.skip();
                }
            }
            String producer = (producerName + " " + producerVersion).trim();
            return new OnnxModelFacts(externalTensors, classLabels, zipMaps, outputs, producer);
        }

        private void graph(final ProtobufReader graph, final int depth) throws MalformedModelException {
            if (depth > MAX_NESTING) {
                throw new MalformedModelException("graphs nested more than " + MAX_NESTING + " deep");
            }
            while (graph.next()) {
                switch (graph.field()) {
                    case 1 -> node(graph.readMessage(), depth);
                    case 5 -> tensor(graph.readMessage());
                    case 12 -> output(graph.readMessage(), depth);
                    case 15 -> sparseTensor(graph.readMessage());
                    default -> graph.skip();
                }
            }
        }

        private void output(final ProtobufReader valueInfo, final int depth) throws MalformedModelException {
            while (valueInfo.next()) {
                if (valueInfo.field() == 1 && depth == 0) {
                    outputs.add(valueInfo.readString());
                }
                else {
                    valueInfo.skip();
                }
            }
        }

        private void function(final ProtobufReader function, final int depth) throws MalformedModelException {
            while (function.next()) {
                if (function.field() == 7) {
                    node(function.readMessage(), depth + 1);
                }
                else {
                    function.skip();
                }
            }
        }

        private void node(final ProtobufReader node, final int depth) throws MalformedModelException {
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            String opType = "";
            List<String> labels = null;
            while (node.next()) {
                switch (node.field()) {
                    case 1 -> inputs.add(node.readString());
                    case 2 -> outputs.add(node.readString());
                    case 4 -> opType = node.readString();
                    case 5 -> labels = attribute(node.readMessage(), depth, labels);
                    default -> node.skip();
                }
            }
            if (labels != null) {
                classLabels.add(labels);
            }
            if (depth == 0 && "ZipMap".equals(opType) && labels != null && inputs.size() == 1
                    && outputs.size() == 1) {
                zipMaps.add(new ZipMap(inputs.get(0), outputs.get(0), labels));
            }
        }

        /** Scans an attribute; returns its values when it holds class labels, else {@code labels} unchanged. */
        private List<String> attribute(final ProtobufReader attribute, final int depth, final List<String> labels)
                throws MalformedModelException {
            String name = "";
            List<String> integers = new ArrayList<>();
            List<String> strings = new ArrayList<>();
            while (attribute.next()) {
                switch (attribute.field()) {
                    case 1 -> name = attribute.readString();
                    case 5, 10 -> tensor(attribute.readMessage());
                    case 6, 11 -> graph(attribute.readMessage(), depth + 1);
                    case 8 -> integers(attribute, integers);
                    case 9 -> strings.add(attribute.readString());
                    case 22, 23 -> sparseTensor(attribute.readMessage());
                    default -> attribute.skip();
                }
            }
            if (name.startsWith("classlabels_")) {
                return integers.isEmpty() ? strings : integers;
            }
            return labels;
        }

        private static void integers(final ProtobufReader attribute, final List<String> values)
                throws MalformedModelException {
            if (attribute.wireType() == ProtobufReader.VARINT) {
                values.add(Long.toString(attribute.readVarint()));
                return;
            }
            ProtobufReader packed = attribute.readMessage();
            while (packed.hasRemaining()) {
                values.add(Long.toString(packed.readVarint()));
            }
        }

        private void sparseTensor(final ProtobufReader sparse) throws MalformedModelException {
            while (sparse.next()) {
                if (sparse.field() == 1 || sparse.field() == 2) {
                    tensor(sparse.readMessage());
                }
                else {
                    sparse.skip();
                }
            }
        }

        private void tensor(final ProtobufReader tensor) throws MalformedModelException {
            String name = "";
            String location = null;
            long dataLocation = 0;
            while (tensor.next()) {
                switch (tensor.field()) {
                    case 8 -> name = tensor.readString();
                    case 13 -> location = externalLocation(tensor.readMessage(), location);
                    case 14 -> dataLocation = tensor.readVarint();
                    default -> tensor.skip();
                }
            }
            if (location != null || dataLocation == EXTERNAL) {
                externalTensors.add(new ExternalTensor(name, location == null ? "" : location));
            }
        }

        private static String externalLocation(final ProtobufReader entry, final String previous)
                throws MalformedModelException {
            String key = "";
            String value = "";
            while (entry.next()) {
                switch (entry.field()) {
                    case 1 -> key = entry.readString();
                    case 2 -> value = entry.readString();
                    default -> entry.skip();
                }
            }
            return "location".equals(key) ? value : previous;
        }
    }
}
