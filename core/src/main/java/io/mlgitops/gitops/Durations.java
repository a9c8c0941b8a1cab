package io.mlgitops.gitops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or ISO-8601. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(final String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            catch (DateTimeParseException invalid) {
                throw new IllegalArgumentException(invalidMessage(text), invalid);
            }
        }
        Matcher part = PART.matcher(value);
        Duration total = Duration.ZERO;
        int position = 0;
        while (part.find() && part.start() == position) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            position = part.end();
        }
        if (position == 0 || position != value.length()) {
            throw new IllegalArgumentException(invalidMessage(text));
        }
        return total;
    }

    private static String invalidMessage(final String text) {
        return "'" + text + "' is not a duration; write for example 30s, 10m, 2h, 1d, 1h30m or PT10M";
    }

    /** A compact form such as {@code 1h30m} or {@code 45s}. */
    public static String format(final Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }
}
