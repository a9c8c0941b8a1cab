package io.mlgitops.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: before retry number {@code n} wait a random time in {@code [d/2, d]}, where
 * {@code d = min(initial * 2^(n-1), max)}. The jitter keeps writers that failed together from retrying together.
 */
public final class Backoff {
    private Backoff() {
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
