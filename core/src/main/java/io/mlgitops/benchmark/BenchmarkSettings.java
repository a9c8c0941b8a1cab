package io.mlgitops.benchmark;

import io.mlgitops.metrics.Task;

import java.util.List;
import java.util.Objects;

/**
 * Everything a benchmark run needs to know, validated.
 *
 * @param target               target column
 * @param champion             champion model reference
 * @param candidate            candidate model reference
 * @param features             columns packed into a single model input; empty means all except the target
 * @param positiveLabel        positive label of a binary task, {@code null} for the greatest label
 * @param task                 the task, {@code null} to infer it
 * @param extraMetrics         metrics computed beyond the task's default set
 * @param gates                the gates; empty means the default gate of the task
 * @param gateMode             how gates combine
 * @param test                 the paired test
 * @param confidence           confidence level in (0, 1)
 * @param resamples            bootstrap resamples
 * @param seed                 bootstrap seed
 * @param slices               columns to slice the metrics by
 * @param onMissingChampion    what a missing champion alias means
 * @param latencySamples       single-row calls per model for the latency figures; 0 skips them
 * @param maxLatencyRegression limit on candidate over champion p95 single-row latency, {@code null} for none
 * @param batchSize            rows per inference call
 * @param threads              runtime threads, 0 for the runtime's default
 */
public record BenchmarkSettings(String target, String champion, String candidate, List<String> features,
        String positiveLabel, Task task, List<String> extraMetrics, List<Gate> gates, GateMode gateMode,
        SignificanceMethod test, double confidence, int resamples, long seed, List<String> slices,
        MissingChampionPolicy onMissingChampion, int latencySamples, Double maxLatencyRegression, int batchSize,
        int threads) {
    public BenchmarkSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(champion, "champion");
        Objects.requireNonNull(candidate, "candidate");
        features = List.copyOf(features);
        extraMetrics = List.copyOf(extraMetrics);
        gates = List.copyOf(gates);
        slices = List.copyOf(slices);
        Objects.requireNonNull(gateMode, "gateMode");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(onMissingChampion, "onMissingChampion");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
        if (latencySamples < 0) {
            throw new IllegalArgumentException("latency samples must not be negative, got " + latencySamples);
        }
        if (maxLatencyRegression != null && !(maxLatencyRegression > 0)) {
            throw new IllegalArgumentException("max latency regression must be a positive factor such as 1.2, got "
                    + maxLatencyRegression);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
    }
}
