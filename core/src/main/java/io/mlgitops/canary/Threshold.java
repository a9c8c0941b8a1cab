package io.mlgitops.canary;

/**
 * An absolute bound on the canary's value over the window (Flagger's {@code thresholdRange}): the check fails when the
 * value is below {@code min} or above {@code max}.
 *
 * @param min the smallest acceptable value, or {@code null}
 * @param max the largest acceptable value, or {@code null}
 */
public record Threshold(Double min, Double max) {
    public Threshold {
        if (min == null && max == null) {
            throw new IllegalArgumentException("A threshold needs min, max or both");
        }
        if (min != null && !Double.isFinite(min) || max != null && !Double.isFinite(max)) {
            throw new IllegalArgumentException("Threshold bounds must be finite numbers, got min=" + min + ", max="
                    + max);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Threshold min " + min + " is above max " + max);
        }
    }
}
