package io.mlgitops.benchmark;

/**
 * How fast one model predicts. Per-row figures come from single-row calls on sampled rows (what one request costs);
 * per-batch figures and throughput from the batched run over the whole data set. {@code null} when not measured.
 *
 * @param rowP50Ms      median single-row latency in milliseconds
 * @param rowP95Ms      95th percentile single-row latency
 * @param rowP99Ms      99th percentile single-row latency
 * @param rowSamples    number of single-row calls measured
 * @param batchP50Ms    median batch latency
 * @param batchP95Ms    95th percentile batch latency
 * @param batchP99Ms    99th percentile batch latency
 * @param batches       number of batches
 * @param rowsPerSecond rows predicted per second in the batched run
 */
public record LatencySummary(Double rowP50Ms, Double rowP95Ms, Double rowP99Ms, int rowSamples, Double batchP50Ms,
        Double batchP95Ms, Double batchP99Ms, int batches, Double rowsPerSecond) {
}
