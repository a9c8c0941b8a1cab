package io.mlgitops.api.errors;

/**
 * Settings that cannot work together or are out of range (an unknown metric name, a confidence level of 2, a gate
 * without a bound). The command line maps it to exit code 2, a usage error.
 */
public class InvalidSettingsException extends MlGitOpsException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String message) {
        super(message);
    }

    public InvalidSettingsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
