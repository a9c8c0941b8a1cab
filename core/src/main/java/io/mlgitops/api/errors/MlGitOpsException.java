package io.mlgitops.api.errors;

/**
 * Root of the engine's checked exceptions. Every instance carries a message that a user can act on: what failed,
 * where (file, column, row, URL), and how to fix it.
 */
public class MlGitOpsException extends Exception {
    private static final long serialVersionUID = 1L;

    public MlGitOpsException(final String message) {
        super(message);
    }

    public MlGitOpsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
