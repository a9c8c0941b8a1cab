package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the text values of step parameters into the engine's types, with messages that name the parameter. */
public final class Choices {
    private Choices() {
    }

    /**
     * The constant of {@code type} named by {@code value} in any case, or {@code fallback} when the value is blank.
     *
     * @throws InvalidSettingsException naming the parameter and the accepted values
     */
    public static <E extends Enum<E>> E choice(final String parameter, final String value, final Class<E> type,
            final E fallback) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidSettingsException(parameter + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + "; got '" + value + "'");
    }

    /** A single-character CSV delimiter, or {@code tab}; the default comma when blank. */
    public static char delimiter(final String value) throws InvalidSettingsException {
        if (value == null || value.isEmpty()) {
            return ',';
        }
        if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new InvalidSettingsException("delimiter must be one character other than a quote or a line break "
                    + "(or 'tab'); got '" + value + "'");
        }
        return value.charAt(0);
    }

    /** The MLflow server's URL, or {@code null} when blank (the engine then reads MLFLOW_TRACKING_URI). */
    public static URI url(final String parameter, final String value) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI url = URI.create(value.trim());
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return url;
        }
        catch (IllegalArgumentException malformed) {
            throw new InvalidSettingsException(parameter + " must be an http(s) URL such as https://mlflow.example.com"
                    + "; got '" + value + "'", malformed);
        }
    }
}
