package io.mlgitops.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: before retry number {@code n} wait a random time in {@code [d/2, d]}, where
 * {@code d = min(initial * 2^(n-1), max)}. The jitter keeps writers that failed together from retrying together.
 */
public final class Backoff {
    private Backoff() {
    }

    /**
     * Checks a retry policy's numbers.
     *
     * @throws IllegalArgumentException unless {@code maxAttempts >= 1} and {@code 0 <= initial <= max}
     */
    public static void checkPolicy(final int maxAttempts, final Duration initial, final Duration max) {
        Objects.requireNonNull(initial, "initialBackoff");
        Objects.requireNonNull(max, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff: " + initial + ", " + max);
        }
    }

    /**
     * @param initial the wait before the first retry, at most
     * @param max     the upper bound of every wait
     * @param attempt the attempt that just failed, from 1
     * @param jitter  the random source
     */
    public static Duration jittered(final Duration initial, final Duration max, final int attempt,
            final RandomGenerator jitter) {
        long cap = max.toMillis();
        long full = initial.toMillis() << Math.min(attempt - 1, 30);
        long bounded = full < 0 || full > cap ? cap : full;
        long half = bounded / 2;
        return Duration.ofMillis(half + (long) (jitter.nextDouble() * (bounded - half)));
    }
}
