package io.mlgitops.canary;

import io.mlgitops.net.Sleeper;
import io.mlgitops.testing.ManualClock;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that moves only when the code under test sleeps, so minutes of rollout take no time. It can play a process
 * killed in the middle of a wait.
 */
final class SleepingClock extends ManualClock implements Sleeper {
    private Instant killAt;

    SleepingClock(final Instant start) {
        super(start);
    }

    /** The next sleep that reaches this time ends the run as if the process died. */
    synchronized void killAt(final Instant time) {
        killAt = time;
    }

    @Override
    public synchronized void sleep(final Duration duration) {
        advance(duration);
        if (killAt != null && !instant().isBefore(killAt)) {
            killAt = null;
            throw new IllegalStateException("the process was killed at " + instant());
        }
    }
}
