package io.mlgitops.gitops;

import io.mlgitops.net.Backoff;

import java.time.Duration;

/**
 * How often a repository operation is tried: pushes rejected because another writer moved the branch, and network
 * failures that may pass (connection refused or reset, timeouts, HTTP 5xx). Between attempts it waits a jittered,
 * exponentially growing time: before attempt {@code n + 1} a random time between half and all of
 * {@code b * 2^(n-1)}, where {@code b} is the initial backoff or, when longer, the time the failed attempt took, so
 * that writers that collided on a slow remote spread over several push durations.
 *
 * @param maxAttempts    attempts in all, the first one included
 * @param initialBackoff the least base of the waits
 * @param maxBackoff     the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** 10 attempts, waits from 100 ms up to 5 s. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5));

    public RetryPolicy {
        Backoff.checkPolicy(maxAttempts, initialBackoff, maxBackoff);
    }

    public RetryPolicy withMaxAttempts(final int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff);
    }
}
