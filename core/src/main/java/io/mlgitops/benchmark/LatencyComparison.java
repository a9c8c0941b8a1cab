package io.mlgitops.benchmark;

/**
 * Latency of both models, measured in the same run with interleaved calls.
 *
 * @param champion     the champion's latency, {@code null} without a champion
 * @param candidate    the candidate's latency
 * @param rowP95Ratio  candidate over champion 95th percentile single-row latency, {@code null} when not measured
 */
public record LatencyComparison(LatencySummary champion, LatencySummary candidate, Double rowP95Ratio) {
}
