package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on one cached clone, across threads and processes: a fair in-process lock per lock file, then an
 * exclusive OS file lock on it. The operating system drops a file lock when its process dies, so a crashed run never
 * leaves the cache locked.
 * <p>
 * Writers on one branch cannot overlap usefully anyway: a compare-and-swap push succeeds only on the tip it read, so
 * writers that share a clone take turns instead of racing, and each one usually finds the previous writer's commit
 * already in the clone.
 */
final class CacheLock {
    /** How long to wait for another run that holds the clone before giving up. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 5;

    private final Path file;
    private final ReentrantLock local;

    /** @param file the lock file; its real path must be known, so that two spellings share one lock */
    CacheLock(final Path file) {
        this.file = file;
        this.local = IN_PROCESS.computeIfAbsent(file, any -> new ReentrantLock(true));
    }

    /** A held lock; closing it releases the file lock, then the in-process lock. */
    final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(final FileChannel channel, final FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            }
            catch (IOException ignored) {
                // closing the channel releases the lock in any case
            }
            finally {
                local.unlock();
            }
        }
    }

    /**
     * Waits for the lock, at most {@link #MAX_WAIT}.
     *
     * @throws InputException when the lock stays held, or the lock file cannot be opened
     */
    Held acquire() throws InputException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        try {
            if (!local.tryLock(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw held();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while waiting for the repository cache lock " + file, interrupted);
        }
        try {
            return lockFile(deadline);
        }
        catch (InputException | RuntimeException failure) {
            local.unlock();
            throw failure;
        }
    }

    private Held lockFile(final long deadline) throws InputException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Held(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw held();
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        catch (IOException cannotLock) {
            closeQuietly(channel);
            throw new InputException("Cannot lock the repository cache file " + file + " (" + cannotLock.getMessage()
                    + "): check that the cache folder is writable, or choose another one.", cannotLock);
        }
        catch (InterruptedException interrupted) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while waiting for the repository cache lock " + file, interrupted);
        }
        catch (InputException stillHeld) {
            closeQuietly(channel);
            throw stillHeld;
        }
    }

    private InputException held() {
        return new InputException("Another run has held the repository cache lock " + file + " for "
                + MAX_WAIT.toMinutes() + " minutes: wait for it to finish, stop it, or use another cache folder.");
    }

    private static void closeQuietly(final FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // nothing was locked
        }
    }
}
