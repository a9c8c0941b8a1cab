package io.mlgitops.canary;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of analysis, written to the log and the report so that every decision can be explained: which check, what
 * the canary and the stable version measured, against what, on how many samples, and why.
 *
 * @param time      when the analysis ran
 * @param weight    the canary's traffic share at the time
 * @param check     the check name
 * @param canary    the canary's value, {@code null} without data
 * @param stable    the stable version's value, {@code null} without data or when not compared
 * @param threshold the bound or test applied, in words ({@code >= 99}, {@code Mann-Whitney p=0.003 < 0.05,
 *                  +34% > +10%})
 * @param samples   the canary's sample count in the window
 * @param decision  the verdict
 * @param reason    why, in one sentence
 */
public record Decision(Instant time, int weight, String check, Double canary, Double stable, String threshold,
        long samples, Verdict decision, String reason) {
    public Decision {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        threshold = threshold == null ? "" : threshold;
    }

    /** The decision as one log line. */
    public String line() {
        return String.format(Locale.ROOT, "%s weight=%d%% %s canary=%s stable=%s %s samples=%d -> %s: %s",
                time, weight, check, canary == null ? "-" : String.format(Locale.ROOT, "%.4g", canary),
                stable == null ? "-" : String.format(Locale.ROOT, "%.4g", stable), threshold, samples,
                decision, reason);
    }
}
