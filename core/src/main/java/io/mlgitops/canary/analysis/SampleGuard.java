package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Measurement;
import io.mlgitops.gitops.Durations;

import java.time.Duration;

/**
 * The minimum-samples rule: a version with fewer samples in the window than needed, or without a value, is not judged
 * (no data, never a failure).
 *
 * @param needed the fewest samples needed, at least 1
 * @param window the analysis window, for the reason
 */
record SampleGuard(long needed, Duration window) {
    SampleGuard {
        needed = Math.max(1, needed);
    }

    /** Why the measurement cannot be judged, or {@code null} when it can. */
    String shortfall(final String variant, final Measurement measurement) {
        if (measurement.samples() < needed) {
            return measurement.samples() + " " + variant + " samples in the " + Durations.format(window)
                    + " window, " + needed + " needed";
        }
        if (!measurement.hasData()) {
            return "no " + variant + " value in the " + Durations.format(window) + " window despite "
                    + measurement.samples() + " samples";
        }
        return null;
    }
}
