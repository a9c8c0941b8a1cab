package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How report values read to a person: numbers with four significant decimals like the command line's summaries,
 * signed differences, instants in UTC without nanoseconds, digest prefixes. Shared by the HTML page and the Markdown
 * summary. Every method accepts values that are absent and returns {@link #NONE} for them.
 */
public final class Format {
    /** Shown for an absent value. */
    public static final String NONE = "–";

    private static final int DIGEST_PREFIX = 12;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** A number for reading: integers in full, others with about four significant digits. */
    public static String number(final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        String pattern;
        if (magnitude >= 1000) {
            pattern = "%.0f";
        }
        else if (magnitude >= 100) {
            pattern = "%.1f";
        }
        else if (magnitude >= 10) {
            pattern = "%.2f";
        }
        else if (magnitude >= 1) {
            pattern = "%.3f";
        }
        else if (magnitude >= 1e-3) {
            pattern = "%.4f";
        }
        else {
            pattern = "%.3g";
        }
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A difference with its sign. */
    public static String signed(final double value) {
        String number = number(value);
        return value >= 0 && !number.startsWith("+") ? "+" + number : number;
    }

    /** A scalar for reading: numbers formatted, booleans as yes or no, text as written, absent as {@link #NONE}. */
    public static String value(final JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        if (value.isNumber()) {
            return number(value.asDouble());
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        return Nodes.text(value);
    }

    /** The field of {@code parent} for reading, as {@link #value(JsonNode)}. */
    public static String value(final JsonNode parent, final String field) {
        return value(parent == null ? null : parent.get(field));
    }

    /** A number field for reading, or {@link #NONE}. */
    public static String number(final JsonNode parent, final String field) {
        OptionalDouble number = Nodes.number(parent, field);
        return number.isPresent() ? number(number.getAsDouble()) : value(parent, field);
    }

    /** A signed number field, or {@link #NONE}. */
    public static String signed(final JsonNode parent, final String field) {
        OptionalDouble number = Nodes.number(parent, field);
        return number.isPresent() ? signed(number.getAsDouble()) : value(parent, field);
    }

    /** A fraction as a signed percentage, {@code +4.3%}. */
    public static String signedPercent(final JsonNode parent, final String field) {
        OptionalDouble number = Nodes.number(parent, field);
        if (number.isEmpty()) {
            return value(parent, field);
        }
        return String.format(Locale.ROOT, "%+.1f%%", number.getAsDouble() * 100);
    }

    /** A p-value: four decimals, or {@code <0.0001}. */
    public static String pValue(final JsonNode parent, final String field) {
        OptionalDouble number = Nodes.number(parent, field);
        if (number.isEmpty()) {
            return value(parent, field);
        }
        double p = number.getAsDouble();
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** An ISO-8601 instant as {@code 2026-11-28 19:00:04 UTC}; other text as written. */
    public static String instant(final String iso) {
        return parseInstant(iso).map(INSTANT::format).orElse(iso == null ? NONE : iso);
    }

    /** The time of day of an ISO-8601 instant, {@code 19:00:04.3}; other text as written. */
    public static String time(final String iso) {
        return parseInstant(iso).map(TIME::format).orElse(iso == null ? NONE : iso);
    }

    /** An ISO-8601 instant, if the text is one. */
    public static Optional<Instant> parseInstant(final String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(iso));
        }
        catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    /** The time between two ISO-8601 instants, {@code 3.2 s}; empty when either is missing. */
    public static Optional<String> between(final String startIso, final String endIso) {
        Optional<Instant> start = parseInstant(startIso);
        Optional<Instant> end = parseInstant(endIso);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(millis(Duration.between(start.get(), end.get()).toMillis()));
    }

    /** A duration in milliseconds for reading: {@code 850 ms}, {@code 3.2 s}, {@code 4 min 05 s}. */
    public static String millis(final long millis) {
        if (Math.abs(millis) < 1000) {
            return millis + " ms";
        }
        if (Math.abs(millis) < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (Math.abs(seconds) < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, Math.abs(seconds % 60));
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, Math.abs(seconds / 60 % 60));
    }

    /** The first twelve characters of a digest, or {@link #NONE}. */
    public static String digestPrefix(final String digest) {
        if (digest == null || digest.isBlank()) {
            return NONE;
        }
        return digest.length() <= DIGEST_PREFIX ? digest : digest.substring(0, DIGEST_PREFIX);
    }

    /** A word of a report (status, kind, field name) for a heading: {@code NOT_APPLICABLE} → {@code NOT APPLICABLE}. */
    public static String word(final String word) {
        return word == null ? NONE : word.replace('_', ' ');
    }

    /** Text cut to {@code max} characters with an ellipsis. */
    public static String shorten(final String text, final int max) {
        if (text == null) {
            return NONE;
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
