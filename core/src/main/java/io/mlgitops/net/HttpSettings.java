package io.mlgitops.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry policy of HTTP calls.
 *
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed for one request, from sending it until the response headers arrive
 * @param maxAttempts    attempts per call, the first one included; 1 means no retry
 * @param initialBackoff wait before the first retry; doubled for every further retry
 * @param maxBackoff     upper bound of a wait between two attempts, also for a server's {@code Retry-After}
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {
    /** 10 s to connect, 60 s per request, 4 attempts, backoff from 0.5 s up to 8 s. */
    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 4,
            Duration.ofMillis(500), Duration.ofSeconds(8));

    public HttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Backoff.checkPolicy(maxAttempts, initialBackoff, maxBackoff);
    }

    private static void requirePositive(final Duration duration, final String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    public HttpSettings withRequestTimeout(final Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public HttpSettings withMaxAttempts(final int attempts) {
        return new HttpSettings(connectTimeout, requestTimeout, attempts, initialBackoff, maxBackoff);
    }
}
