package io.mlgitops.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: before retry number {@code n} (1 for the first retry), a random wait in
 * {@code [d/2, d]} where {@code d = initial * 2^(n-1)}, capped at {@code max}. The jitter keeps concurrent clients
 * from retrying in lockstep.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator jitter;

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
     * @param initial the full wait before the first retry
     * @param max     the cap of every wait
     * @param jitter  the source of randomness (seeded in tests)
     */
    public Backoff(final Duration initial, final Duration max, final RandomGenerator jitter) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        if (initialMillis < 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 0 <= initial <= max: " + initial + ", " + max);
        }
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(final int attempt) {
        long full = initialMillis << Math.min(attempt - 1, 30);
        long bounded = full < 0 || full > maxMillis ? maxMillis : full;
        long half = bounded / 2;
        return Duration.ofMillis(half + (long) (jitter.nextDouble() * (bounded - half)));
    }
}
