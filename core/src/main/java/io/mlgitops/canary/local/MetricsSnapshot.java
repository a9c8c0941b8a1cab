package io.mlgitops.canary.local;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A server's counters at one time, as a scrape would read them.
 *
 * @param time        when they were read
 * @param requests    answered requests by response code
 * @param durations   request durations in milliseconds by response code
 * @param predictions rows predicted
 * @param labelled    predicted rows that came with their true label
 * @param correct     labelled rows predicted right
 * @param confidence  top class probabilities of the predicted rows
 * @param drift       the drift score, NaN while undefined
 */
record MetricsSnapshot(Instant time, SortedMap<Integer, Long> requests, SortedMap<Integer, HistogramCounts> durations,
        long predictions, long labelled, long correct, HistogramCounts confidence, double drift) {
    MetricsSnapshot {
        requests = Collections.unmodifiableSortedMap(new TreeMap<>(requests));
        durations = Collections.unmodifiableSortedMap(new TreeMap<>(durations));
    }

    long requestCount() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests answered with a 5xx code. */
    long serverErrors() {
        return requests.entrySet().stream().filter(entry -> entry.getKey() >= 500 && entry.getKey() < 600)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The durations of every request, whatever its response code. */
    HistogramCounts allDurations() {
        HistogramCounts total = HistogramCounts.empty(ServerMetrics.DURATION_BOUNDS);
        for (HistogramCounts counts : durations.values()) {
            total = total.plus(counts);
        }
        return total;
    }
}
