package io.mlgitops.benchmark;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs two independent pieces of work at the same time, one on the calling thread and one on a worker, and
 * reports the first failure as if the work had run in sequence.
 */
final class Concurrently {
    private Concurrently() {
    }

    /** Work that may fail with an engine exception. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws MlGitOpsException;
    }

    /** Releases a result that will not be used because the other piece of work failed. */
    @FunctionalInterface
    interface Release<T> {
        void release(T unused);
    }

    /** Both results. */
    record Both<A, B>(A first, B second) {
    }

    /** Runs {@code first} here and {@code second} on a worker thread; their results hold no resources. */
    static <A, B> Both<A, B> run(final Work<A> first, final Work<B> second) throws MlGitOpsException {
        return run(first, unused -> { }, second, unused -> { });
    }

    /**
     * Runs {@code first} here and {@code second} on a worker thread. When one fails, the other's result is released
     * (its resources closed) and the failure is thrown.
     */
    static <A, B> Both<A, B> run(final Work<A> first, final Release<A> releaseFirst, final Work<B> second,
            final Release<B> releaseSecond) throws MlGitOpsException {
        FutureTask<B> worker = new FutureTask<>(second::call);
        Thread thread = new Thread(worker, "mlgitops-worker");
        thread.setDaemon(true);
        thread.start();
        A firstResult;
        try {
            firstResult = first.call();
        }
        catch (MlGitOpsException | RuntimeException | Error failure) {
            releaseQuietly(worker, releaseSecond);
            throw failure;
        }
        try {
            return new Both<>(firstResult, await(worker));
        }
        catch (MlGitOpsException | RuntimeException | Error failure) {
            releaseFirst.release(firstResult);
            throw failure;
        }
    }

    private static <B> void releaseQuietly(final FutureTask<B> worker, final Release<B> release) {
        try {
            release.release(worker.get());
        }
        catch (ExecutionException | CancellationException failedToo) {
            // the first failure is the one reported; the worker left nothing to release
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <B> B await(final FutureTask<B> worker) throws MlGitOpsException {
        try {
            return worker.get();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for parallel work", interrupted);
        }
        catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof MlGitOpsException engine) {
                throw engine;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Parallel work failed", cause);
        }
    }
}
