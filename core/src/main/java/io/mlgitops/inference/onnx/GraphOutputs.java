package io.mlgitops.inference.onnx;

import java.util.List;

/**
 * Adds outputs to an ONNX model's main graph, so that ONNX Runtime returns intermediate tensors. Used to read the
 * probability tensor that feeds skl2onnx's ZipMap directly, instead of converting a map per row.
 */
final class GraphOutputs {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;

    private GraphOutputs() {
    }

    /** The model with {@code names} appended to its graph's outputs; every other byte is kept as it was. */
    static byte[] withOutputs(final byte[] model, final List<String> names) throws MalformedModelException {
        ProtobufWriter rewritten = new ProtobufWriter();
        ProtobufReader reader = new ProtobufReader(model);
        int fieldStart = 0;
        while (reader.next()) {
            if (reader.field() == MODEL_GRAPH && reader.wireType() == ProtobufReader.LENGTH_DELIMITED) {
                byte[] graph = reader.readBytes();
                ProtobufWriter extended = new ProtobufWriter().raw(graph, 0, graph.length);
                for (String name : names) {
                    extended.message(GRAPH_OUTPUT, new ProtobufWriter().string(VALUE_INFO_NAME, name));
                }
                rewritten.message(MODEL_GRAPH, extended);
            }
            else {
                reader.skip();
                rewritten.raw(model, fieldStart, reader.position() - fieldStart);
            }
            fieldStart = reader.position();
        }
        return rewritten.toByteArray();
    }
}
