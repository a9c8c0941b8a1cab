package io.mlgitops.inference.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts read from an ONNX model's bytes that ONNX Runtime does not report: which tensors keep their data in side
 * files, the class labels of classifier nodes, and the producer. Walks the main graph, nested graphs (If, Loop, Scan
 * bodies) and model-local functions.
 *
 * @param externalTensors tensors whose data lives in another file, with the location the model gives
 * @param classLabels     the {@code classlabels_*} attribute of each node that has one (LinearClassifier,
 *                        TreeEnsembleClassifier, SVMClassifier, ZipMap), integers in decimal form
 * @param producer        producer name and version, or empty
 */
record OnnxModelFacts(List<ExternalTensor> externalTensors, List<List<String>> classLabels, String producer) {
    /** A tensor stored outside the model file. */
    record ExternalTensor(String tensor, String location) {
    }

    private static final int MAX_NESTING = 64;
    private static final int EXTERNAL = 1;

    OnnxModelFacts {
        externalTensors = List.copyOf(externalTensors);
        classLabels = List.copyOf(classLabels);
    }

    static OnnxModelFacts scan(final byte[] model) throws MalformedModelException {
        return new Scanner().model(new ProtobufReader(model));
    }

    /** Mutable state of one scan. */
    private static final class Scanner {
        private final List<ExternalTensor> externalTensors = new ArrayList<>();
        private final List<List<String>> classLabels = new ArrayList<>();

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
            return new OnnxModelFacts(externalTensors, classLabels, producer);
        }

        private void graph(final ProtobufReader graph, final int depth) throws MalformedModelException {
            if (depth > MAX_NESTING) {
                throw new MalformedModelException("graphs nested more than " + MAX_NESTING + " deep");
            }
            while (graph.next()) {
                switch (graph.field()) {
                    case 1 -> node(graph.readMessage(), depth);
                    case 5 -> tensor(graph.readMessage());
                    case 15 -> sparseTensor(graph.readMessage());
                    default -> graph.skip();
                }
            }
        }

        private void function(final ProtobufReader function, final int depth) throws MalformedModelException {
            while (function.next()) {
                if (function.field() == 7) {
                    node(function.readMessage(), depth);
                }
                else {
                    function.skip();
                }
            }
        }

        private void node(final ProtobufReader node, final int depth) throws MalformedModelException {
            while (node.next()) {
                if (node.field() == 5) {
                    attribute(node.readMessage(), depth);
                }
                else {
                    node.skip();
                }
            }
        }

        private void attribute(final ProtobufReader attribute, final int depth) throws MalformedModelException {
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
                classLabels.add(integers.isEmpty() ? strings : integers);
            }
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
