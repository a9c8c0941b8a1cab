package io.mlgitops.net;

import java.time.Duration;

/**
 * Waits between two attempts. Tests pass one that records the waits instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
