package io.mlgitops.jmh.gitops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The measurements of one scenario (transport, tool, writers) and its Markdown table row. */
final class Scenario {
    static final String HEADER = "| transport | tool | writers | promotions ok | failed | lost | extra commits | wall s "
            + "| promotions/s | p50 ms | p95 ms | max ms | attempts mean | attempts max |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private final String transport;
    private final String tool;
    private final int writers;
    private final List<Long> latencies = new ArrayList<>();
    private final List<Integer> attempts = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long wallNanos;
    private int lost;
    private int extraCommits;

    Scenario(final String transport, final String tool, final int writers) {
        this.transport = transport;
        this.tool = tool;
        this.writers = writers;
    }

    synchronized void succeeded(final long nanos, final int pushes) {
        latencies.add(nanos);
        attempts.add(pushes);
    }

    synchronized void failed(final Exception failure) {
        failures.add(String.valueOf(failure.getMessage()));
    }

    void finished(final long nanos) {
        wallNanos = nanos;
    }

    void verified(final int lostUpdates, final int extra) {
        lost = lostUpdates;
        extraCommits = extra;
    }

    synchronized String row() {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = wallNanos / 1e9;
        String row = String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %.2f | %.2f | %.0f | %.0f | %.0f "
                + "| %.2f | %d |", transport, tool, writers, latencies.size(), failures.size(), lost, extraCommits,
                seconds, latencies.size() / seconds, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 1.0),
                attempts.stream().mapToInt(Integer::intValue).average().orElse(0),
                attempts.stream().mapToInt(Integer::intValue).max().orElse(0));
        return failures.isEmpty() ? row : row + "\n<!-- first failure: " + failures.get(0).replace("\n", " ") + " -->";
    }

    private static double millis(final List<Long> sorted, final double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
