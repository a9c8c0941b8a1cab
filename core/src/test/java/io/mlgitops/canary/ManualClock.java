package io.mlgitops.canary;

import io.mlgitops.net.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when the code under test sleeps, so minutes of rollout take no time. It can play a process
 * killed in the middle of a wait.
 */
final class ManualClock extends Clock implements Sleeper {
    private Instant now;
    private Instant killAt;

    ManualClock(final Instant start) {
        this.now = start;
    }

    /** The next sleep that reaches this time ends the run as if the process died. */
    synchronized void killAt(final Instant time) {
        killAt = time;
    }

    @Override
    public synchronized void sleep(final Duration duration) {
        now = now.plus(duration);
        if (killAt != null && !now.isBefore(killAt)) {
            killAt = null;
            throw new IllegalStateException("the process was killed at " + now);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }
}
