package io.mlgitops.cli;

import io.mlgitops.api.errors.InvalidSettingsException;

/** Small parsers for option values picocli cannot convert by itself. */
final class CliArguments {
    private CliArguments() {
    }

    /** A single-character delimiter, or {@code tab}. */
    static char delimiter(final String value) throws InvalidSettingsException {
        if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new InvalidSettingsException("--delimiter must be one character other than a quote or a line break "
                    + "(or 'tab'), got '" + value + "'");
        }
        return value.charAt(0);
    }
}
