package io.mlgitops.api.errors;

/**
 * Bad input or environment: a missing or malformed file, an unknown column, an unreachable server, a refused
 * credential. The command line maps it to exit code 3; its message names the file, column, row, reference or URL
 * and says what to do.
 */
public class InputException extends MlGitOpsException {
    private static final long serialVersionUID = 1L;

    public InputException(final String message) {
        super(message);
    }

    public InputException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
