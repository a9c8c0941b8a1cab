package io.mlgitops.compliance.security;

import java.util.Locale;
import java.util.Optional;

/**
 * A scanner's severity label, least severe first, with the CVSS v3.x qualitative band it stands for (Trivy writes
 * UNKNOWN..CRITICAL, Grype Unknown, Negligible, Low..Critical).
 */
enum Severity {
    UNKNOWN(Double.NaN, Double.NaN),
    NEGLIGIBLE(0.0, 0.0),
    LOW(0.1, 3.9),
    MEDIUM(4.0, 6.9),
    HIGH(7.0, 8.9),
    CRITICAL(9.0, 10.0);

    private final double lowestScore;
    private final double highestScore;

    Severity(final double lowestScore, final double highestScore) {
        this.lowestScore = lowestScore;
        this.highestScore = highestScore;
    }

    /** The severity a label names, in any letter case. */
    static Optional<Severity> parse(final String label) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(label.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** Whether the label stands for a range of CVSS scores (UNKNOWN does not). */
    boolean hasBand() {
        return this != UNKNOWN;
    }

    /** The highest CVSS v3 score of the band; NaN for UNKNOWN. */
    double highestScore() {
        return highestScore;
    }

    /** The band in words, e.g. {@code 7.0-8.9}. */
    String band() {
        return this == NEGLIGIBLE ? "0.0" : String.format(Locale.ROOT, "%.1f-%.1f", lowestScore, highestScore);
    }
}
