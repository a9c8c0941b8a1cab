package io.mlgitops.inference.onnx;

/** The bytes of a model file are not a well-formed ONNX protocol buffer. */
final class MalformedModelException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedModelException(final String message) {
        super(message);
    }
}
