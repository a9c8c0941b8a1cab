package io.mlgitops.inference.onnx;

/**
 * Writes small ONNX models in protocol-buffer wire format for tests of cases the example models do not cover
 * (unlabelled probabilities, bool and int32 inputs, external data in odd places). Only the fields the tests need.
 */
final class OnnxModelBuilder {
    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int BOOL = 9;

    private final ProtobufWriter graph = new ProtobufWriter();

    /** A node with its op type, inputs, outputs and optional integer attributes (name, value pairs). */
    OnnxModelBuilder node(final String opType, final String[] inputs, final String[] outputs,
            final Object... intAttributes) {
        ProtobufWriter node = new ProtobufWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        for (String output : outputs) {
            node.string(2, output);
        }
        node.string(4, opType);
        for (int i = 0; i < intAttributes.length; i += 2) {
            node.message(5, new ProtobufWriter().string(1, (String) intAttributes[i])
                    .varint(3, ((Number) intAttributes[i + 1]).longValue()).varint(20, 2));
        }
        graph.message(1, node);
        return this;
    }

    /** A graph input; a dimension of -1 is the symbolic batch dimension. */
    OnnxModelBuilder input(final String name, final int elementType, final long... shape) {
        graph.message(11, valueInfo(name, elementType, shape));
        return this;
    }

    OnnxModelBuilder output(final String name, final int elementType, final long... shape) {
        graph.message(12, valueInfo(name, elementType, shape));
        return this;
    }

    /** A float initializer whose data lives in an external file. */
    OnnxModelBuilder externalInitializer(final String name, final String location) {
        ProtobufWriter entry = new ProtobufWriter().string(1, "location").string(2, location);
        graph.message(5, new ProtobufWriter().varint(1, 1).varint(2, FLOAT).string(8, name).message(13, entry)
                .varint(14, 1));
        return this;
    }

    byte[] build() {
        ProtobufWriter model = new ProtobufWriter().varint(1, 8).string(2, "mlgitops-test").string(3, "1");
        model.message(8, new ProtobufWriter().string(1, "").varint(2, 13));
        model.message(7, graph.string(2, "test"));
        return model.toByteArray();
    }

    private static ProtobufWriter valueInfo(final String name, final int elementType, final long... shape) {
        ProtobufWriter dimensions = new ProtobufWriter();
        for (long dimension : shape) {
            dimensions.message(1, dimension < 0 ? new ProtobufWriter().string(2, "N")
                    : new ProtobufWriter().varint(1, dimension));
        }
        ProtobufWriter tensorType = new ProtobufWriter().varint(1, elementType).message(2, dimensions);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }
}
