package io.mlgitops.canary.local;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the local servers' threads and makes them daemons, so that a forgotten server never keeps the JVM alive. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code <name>-1}, {@code <name>-2}, ... */
    static ThreadFactory named(final String name) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
