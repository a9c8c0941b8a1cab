package io.mlgitops.canary.local;

import io.mlgitops.data.Column;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The counters of one model server, updated by its request threads and read by scrapes and the local metric
 * provider. One lock keeps every snapshot consistent (a histogram's buckets always add up to its count).
 */
final class ServerMetrics {
    /** Istio's default buckets of {@code istio_request_duration_milliseconds}. */
    static final double[] DURATION_BOUNDS = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000,
        60000, 300000, 600000, 1800000, 3600000};
    static final double[] CONFIDENCE_BOUNDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1};

    private final Map<Integer, Long> requests = new TreeMap<>();
    private final Map<Integer, Histogram> durations = new TreeMap<>();
    private final Histogram confidence = new Histogram(CONFIDENCE_BOUNDS);
    private final DriftWindow drift;
    private long predictions;
    private long labelled;
    private long correct;

    /** @param driftReference the bin counts of the reference predictions, or empty to take the first window */
    ServerMetrics(final Optional<long[]> driftReference) {
        this.drift = new DriftWindow(driftReference);
        for (int code : new int[] {200, 500}) {
            requests.put(code, 0L);
            durations.put(code, new Histogram(DURATION_BOUNDS));
        }
    }

    synchronized void recordRequest(final int responseCode, final double millis) {
        requests.merge(responseCode, 1L, Long::sum);
        durations.computeIfAbsent(responseCode, code -> new Histogram(DURATION_BOUNDS)).observe(millis);
    }

    /**
     * Counts predicted rows, their confidence and drift bins, and compares them with the true labels.
     *
     * @param labels per row, the true label in canonical text, or {@code null} when not given
     */
    synchronized void recordPredictions(final ModelOutput output, final String[] labels) {
        Column predicted = output.predictions();
        predictions += predicted.size();
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] != null) {
                labelled++;
                if (labels[row].equals(predicted.text(row))) {
                    correct++;
                }
            }
        }
        if (output.probabilities().isPresent()) {
            ProbabilityTable probabilities = output.probabilities().get();
            int bins = PredictionBins.count(probabilities);
            for (int row = 0; row < probabilities.rows(); row++) {
                confidence.observe(PredictionBins.confidence(probabilities, row));
                drift.add(PredictionBins.bin(probabilities, row), bins);
            }
        }
    }

    synchronized MetricsSnapshot snapshot(final Instant time) {
        Map<Integer, HistogramCounts> durationCounts = new TreeMap<>();
        durations.forEach((code, histogram) -> durationCounts.put(code, histogram.counts()));
        return new MetricsSnapshot(time, new TreeMap<>(requests), new TreeMap<>(durationCounts), predictions,
                labelled, correct, confidence.counts(), drift.score());
    }
}
