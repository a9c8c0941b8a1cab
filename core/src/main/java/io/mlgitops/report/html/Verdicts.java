package io.mlgitops.report.html;

import java.util.Locale;

/**
 * What a status word of a report means to a reader: a symbol that carries the meaning without colour, and a tone
 * that the style sheet colours. Knows the words of every kind: report statuses, rule statuses, gate and decision
 * outcomes, canary outcomes; any other word is neutral.
 */
public final class Verdicts {
    /** How a status reads. */
    public enum Tone {
        GOOD,
        BAD,
        WARNING,
        NEUTRAL;

        /** The style sheet class of the tone. */
        public String cssClass() {
            return "tone-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private Verdicts() {
    }

    /** The tone of a status word; case does not matter. */
    public static Tone tone(final String word) {
        return switch (normal(word)) {
            case "PASSED", "PASS", "PROMOTED", "TRUE", "SYNCED", "HEALTHY" -> Tone.GOOD;
            case "FAILED", "FAIL", "ROLLED_BACK", "FALSE", "DEGRADED", "OUTOFSYNC" -> Tone.BAD;
            case "ERROR", "FROZEN", "WAIVED", "NO_DATA", "MISMATCH" -> Tone.WARNING;
            default -> Tone.NEUTRAL;
        };
    }

    /** The symbol of a status word: ✔ good, ✘ bad, ⚠ error, ≈ waived, ? no data, – not applicable, • other. */
    public static String symbol(final String word) {
        return switch (normal(word)) {
            case "PASSED", "PASS", "PROMOTED", "TRUE", "SYNCED", "HEALTHY" -> "✔";
            case "FAILED", "FAIL", "ROLLED_BACK", "FALSE", "DEGRADED", "OUTOFSYNC" -> "✘";
            case "ERROR", "MISMATCH" -> "⚠";
            case "FROZEN" -> "❄";
            case "WAIVED" -> "≈";
            case "NO_DATA" -> "?";
            case "NOT_APPLICABLE" -> "–";
            default -> "•";
        };
    }

    /** A boolean outcome as a status word. */
    public static String word(final boolean passed) {
        return passed ? "PASS" : "FAIL";
    }

    private static String normal(final String word) {
        return word == null ? "" : word.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    }
}
