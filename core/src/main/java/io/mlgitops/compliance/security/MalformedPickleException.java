package io.mlgitops.compliance.security;

/** A pickle stream that no unpickler would read to its end: truncated, an unknown opcode, a bad argument. */
final class MalformedPickleException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPickleException(final String message, final long position) {
        super(message + " at byte " + position);
    }
}
