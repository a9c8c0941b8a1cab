package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.local.CsvReplay;
import io.mlgitops.data.Dataset;

import java.net.URI;

/**
 * Sends the rows of a labelled data set, one row per request and over and over, to a {@link LocalServing} endpoint
 * at a steady rate, on its own threads, until stopped. Each request carries the row's true label for online
 * accuracy. A request that would exceed the in-flight limit (a very slow server) is skipped, not queued.
 */
public interface TrafficReplay extends AutoCloseable {
    /**
     * Starts sending.
     *
     * @param endpoint          the {@code /invocations} URL
     * @param rows              the rows; every column except the target is sent as a feature
     * @param targetColumn      the column holding the true label, or {@code null} to send no labels
     * @param requestsPerSecond the rate, more than 0 and at most 10,000
     * @throws InputException when the target column is missing or the data set has no rows
     */
    static TrafficReplay start(final URI endpoint, final Dataset rows, final String targetColumn,
            final double requestsPerSecond) throws InputException {
        return CsvReplay.start(endpoint, rows, targetColumn, requestsPerSecond);
    }

    /** What happened so far. */
    Statistics statistics();

    /** Stops sending and waits (a few seconds at most) for the answers still due. */
    @Override
    void close();

    /**
     * @param sent        requests sent
     * @param succeeded   answered with a 2xx code
     * @param failed      answered with another code
     * @param unreachable not answered (connection refused, timeout)
     * @param skipped     not sent because too many requests were waiting for answers
     * @param canary      answers that came from the canary
     */
    record Statistics(long sent, long succeeded, long failed, long unreachable, long skipped, long canary) {
    }
}
