package io.mlgitops.benchmark;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;

import java.util.List;

/**
 * Measures single-row latency of several models on the same sampled rows, alternating between the models on every
 * row so that machine noise affects them alike, after a few warm-up calls.
 */
final class LatencyMeter {
    private static final int WARM_UP_CALLS = 20;
    private static final double NANOS_PER_MILLI = 1e6;

    private final int samples;

    /** @param samples single-row calls per model; 0 measures only the batched run */
    LatencyMeter(final int samples) {
        this.samples = samples;
    }

    /** Per model, the single-row latencies in milliseconds, in sampling order. */
    double[][] singleRowMillis(final List<ModelRunner> runners, final Dataset dataset,
            final PredictionRequest request) throws MlGitOpsException {
        int count = Math.min(samples, dataset.rowCount());
        double[][] millis = new double[runners.size()][count];
        if (count == 0) {
            return millis;
        }
        PredictionRequest single = new PredictionRequest(request.target(), request.features(), 1, request.threads());
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            for (ModelRunner runner : runners) {
                runner.predict(dataset.rows(0, 1), single, ProgressListener.NONE);
            }
        }
        for (int sample = 0; sample < count; sample++) {
            int row = (int) ((long) sample * dataset.rowCount() / count);
            Dataset oneRow = dataset.rows(row, row + 1);
            for (int model = 0; model < runners.size(); model++) {
                long start = System.nanoTime();
                runners.get(model).predict(oneRow, single, ProgressListener.NONE);
                millis[model][sample] = (System.nanoTime() - start) / NANOS_PER_MILLI;
            }
        }
        return millis;
    }

    /** Summarises the batched run's timings and the single-row latencies (which may be empty). */
    static LatencySummary summarize(final List<BatchTiming> batches, final double[] rowMillis) {
        Double rowP50 = null;
        Double rowP95 = null;
        Double rowP99 = null;
        if (rowMillis.length > 0) {
            double[] sorted = Percentiles.sortedCopy(rowMillis);
            rowP50 = Percentiles.of(sorted, 50);
            rowP95 = Percentiles.of(sorted, 95);
            rowP99 = Percentiles.of(sorted, 99);
        }
        Double batchP50 = null;
        Double batchP95 = null;
        Double batchP99 = null;
        Double rowsPerSecond = null;
        if (!batches.isEmpty()) {
            double[] batchMillis = new double[batches.size()];
            long rows = 0;
            long nanos = 0;
            for (int i = 0; i < batchMillis.length; i++) {
                BatchTiming batch = batches.get(i);
                batchMillis[i] = batch.nanos() / NANOS_PER_MILLI;
                rows += batch.rows();
                nanos += batch.nanos();
            }
            double[] sorted = Percentiles.sortedCopy(batchMillis);
            batchP50 = Percentiles.of(sorted, 50);
            batchP95 = Percentiles.of(sorted, 95);
            batchP99 = Percentiles.of(sorted, 99);
            rowsPerSecond = nanos > 0 ? rows * 1e9 / nanos : null;
        }
        return new LatencySummary(rowP50, rowP95, rowP99, rowMillis.length, batchP50, batchP95, batchP99,
                batches.size(), rowsPerSecond);
    }
}
