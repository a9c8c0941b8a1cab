package io.mlgitops.report;

import java.util.Objects;

/**
 * A line of a report's log: what the engine noticed while it ran.
 *
 * @param level severity
 * @param text  the message, free of secrets
 */
public record Message(Level level, String text) {
    /** Severity of a {@link Message}. */
    public enum Level {
        INFO,
        WARNING,
        ERROR
    }

    public Message {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    public static Message info(final String text) {
        return new Message(Level.INFO, text);
    }

    public static Message warning(final String text) {
        return new Message(Level.WARNING, text);
    }

    public static Message error(final String text) {
        return new Message(Level.ERROR, text);
    }
}
