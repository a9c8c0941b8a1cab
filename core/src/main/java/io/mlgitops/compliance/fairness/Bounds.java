package io.mlgitops.compliance.fairness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The range a fairness metric must stay in. A value within {@value #TOLERANCE} of a bound counts as on it, so that
 * a ratio of exactly 4/5 is not failed by the rounding of its division.
 *
 * @param min       the smallest allowed value, if any
 * @param max       the largest allowed value, if any
 * @param byDefault whether the policy gave neither bound and the default for the metric's kind applies
 */
record Bounds(OptionalDouble min, OptionalDouble max, boolean byDefault) {
    private static final double TOLERANCE = 1e-12;
    private static final double DEFAULT_MIN_RATIO = 0.8;
    private static final double DEFAULT_MAX_DIFFERENCE = 0.1;

    /** At least 0.8 for a ratio (the four-fifths rule), at most 0.1 for a difference. */
    static Bounds defaultFor(final FairnessMetric metric) {
        return metric.isRatio() ? new Bounds(OptionalDouble.of(DEFAULT_MIN_RATIO), OptionalDouble.empty(), true)
                : new Bounds(OptionalDouble.empty(), OptionalDouble.of(DEFAULT_MAX_DIFFERENCE), true);
    }

    /** Whether the value is in range; an undefined (NaN) value is not. */
    boolean contains(final double value) {
        return !Double.isNaN(value) && (min.isEmpty() || value >= min.getAsDouble() - TOLERANCE)
                && (max.isEmpty() || value <= max.getAsDouble() + TOLERANCE);
    }

    /** {@code at least 0.8}, {@code at most 0.1} or {@code between 0.7 and 0.9}. */
    String describe() {
        if (min.isPresent() && max.isPresent()) {
            return "between " + Figures.format(min.getAsDouble()) + " and " + Figures.format(max.getAsDouble());
        }
        return min.isPresent() ? "at least " + Figures.format(min.getAsDouble())
                : "at most " + Figures.format(max.getAsDouble());
    }

    /** {@code min} and {@code max} as present. */
    Map<String, Object> evidence() {
        Map<String, Object> bounds = new LinkedHashMap<>();
        min.ifPresent(value -> bounds.put("min", value));
        max.ifPresent(value -> bounds.put("max", value));
        return bounds;
    }
}
