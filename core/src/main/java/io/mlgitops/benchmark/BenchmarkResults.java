package io.mlgitops.benchmark;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The {@code results} of a benchmark report.
 *
 * @param task            {@code binary}, {@code multiclass} or {@code regression}
 * @param target          the target column
 * @param positiveLabel   the positive label of a binary task, else {@code null}
 * @param labels          the label space of a classification task (empty for regression)
 * @param exampleCount    evaluation rows
 * @param championPresent false when there was no champion to compare with
 * @param metrics         every metric for both models, with statistics
 * @param gateMode        {@code any} or {@code all}
 * @param gates           the outcome of each gate; latency and significance guards included
 * @param statistics      how differences were tested
 * @param latency         speed of both models, {@code null} when not measured
 * @param slices          metrics per slice of the {@code --slice} columns
 */
@JsonPropertyOrder({"task", "target", "positiveLabel", "labels", "exampleCount", "championPresent", "metrics",
        "gateMode", "gates", "statistics", "latency", "slices"})
public record BenchmarkResults(String task, String target, String positiveLabel, List<String> labels,
        int exampleCount, boolean championPresent, List<MetricComparison> metrics, String gateMode,
        List<GateResult> gates, StatisticsSettings statistics, LatencyComparison latency, List<SliceResult> slices) {
    public BenchmarkResults {
        labels = List.copyOf(labels);
        metrics = List.copyOf(metrics);
        gates = List.copyOf(gates);
        slices = List.copyOf(slices);
    }
}
