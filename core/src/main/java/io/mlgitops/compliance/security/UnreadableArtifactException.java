package io.mlgitops.compliance.security;

import java.io.IOException;

/** A model file the scanner will not read further; the message completes "x.npy cannot be scanned: ...". */
final class UnreadableArtifactException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableArtifactException(final String message) {
        super(message);
    }
}
