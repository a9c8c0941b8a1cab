package io.jenkins.plugins.mlgitops.config.settings;

import java.util.Objects;

/**
 * The verdict on a form field, without Jenkins' {@code FormValidation} (which the configuration classes map it to).
 *
 * @param kind    OK, WARNING or ERROR
 * @param message what is wrong and how to fix it; empty when OK
 */
public record Validation(Kind kind, String message) {
    /** How bad. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public Validation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Validation ok() {
        return new Validation(Kind.OK, "");
    }

    public static Validation warning(final String message) {
        return new Validation(Kind.WARNING, message);
    }

    public static Validation error(final String message) {
        return new Validation(Kind.ERROR, message);
    }
}
