package io.mlgitops.canary;

import java.util.Locale;
import java.util.Objects;

/**
 * A comparison of the canary with the stable version over the same window, in the spirit of Kayenta: the check fails
 * only when the canary's series differs from the stable version's in the bad direction with a Mann-Whitney U p-value
 * below {@code alpha}, and the relative change of the window value, {@code (canary - stable) / |stable|}, is beyond
 * the allowed bound. A metric that is bad for both versions therefore does not fail the canary.
 *
 * @param direction   which change of the canary is bad
 * @param maxIncrease the largest relative increase allowed (0.1 = 10%); set exactly when the direction is
 *                    {@code INCREASE} or {@code EITHER}, else {@code null}
 * @param maxDecrease the largest relative decrease allowed, as a positive fraction; set exactly when the direction is
 *                    {@code DECREASE} or {@code EITHER}, else {@code null}
 * @param alpha       the significance level, in (0, 1)
 */
public record Comparison(Direction direction, Double maxIncrease, Double maxDecrease, double alpha) {
    /** The significance level when none is given. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** Which change of the canary against the stable version is bad. */
    public enum Direction {
        /** Higher is worse (latency, error rate, drift). */
        INCREASE,
        /** Lower is worse (success rate, accuracy, confidence). */
        DECREASE,
        /** Any change is suspicious. */
        EITHER;

        /** The name as written in options: {@code increase}, {@code decrease}, {@code either}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether an increase of the canary against the stable version is bad. */
        public boolean increaseIsBad() {
            return this != DECREASE;
        }

        /** Whether a decrease of the canary against the stable version is bad. */
        public boolean decreaseIsBad() {
            return this != INCREASE;
        }
    }

    public Comparison {
        Objects.requireNonNull(direction, "direction");
        requireBound("maxIncrease", maxIncrease, direction.increaseIsBad(), direction);
        requireBound("maxDecrease", maxDecrease, direction.decreaseIsBad(), direction);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
    }

    private static void requireBound(final String name, final Double bound, final boolean needed,
            final Direction direction) {
        if (needed && bound == null) {
            throw new IllegalArgumentException("direction=" + direction.label() + " needs " + name);
        }
        if (!needed && bound != null) {
            throw new IllegalArgumentException(name + " does not apply to direction=" + direction.label());
        }
        if (bound != null && !(bound >= 0 && Double.isFinite(bound))) {
            throw new IllegalArgumentException(name + " must be a fraction of 0 or more (0.1 = 10%), got " + bound);
        }
    }
}
