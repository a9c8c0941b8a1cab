package io.mlgitops.cli;

import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.GateResult;
import io.mlgitops.benchmark.LatencySummary;
import io.mlgitops.benchmark.MetricComparison;
import io.mlgitops.benchmark.SliceResult;
import io.mlgitops.report.Report;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The human summary of a benchmark report: metric table, latency, slices, gates and verdict. */
final class BenchmarkSummary {
    private static final String MISSING = "-";

    private final Report<BenchmarkResults> report;
    private final BenchmarkResults results;

    BenchmarkSummary(final Report<BenchmarkResults> report) {
        this.report = report;
        this.results = report.results();
    }

    void print(final PrintWriter out) {
        printHeader(out);
        printMetrics(out);
        printLatency(out);
        printSlices(out);
        printGates(out);
        out.println();
        out.println("Result: " + report.status());
    }

    private void printHeader(final PrintWriter out) {
        out.println("Candidate: " + report.subject().get("candidate"));
        out.println("Champion:  " + report.subject().get("champion")
                + (results.championPresent() ? "" : " (does not exist yet)"));
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) report.inputs().get("dataset");
        String sha = String.valueOf(dataset.get("sha256"));
        String label = results.positiveLabel() == null ? "" : ", positive label " + results.positiveLabel();
        out.printf("Data:      %s (%d rows, sha256 %s...), target %s (%s%s)%n", dataset.get("path"),
                results.exampleCount(), sha.substring(0, Math.min(12, sha.length())), results.target(),
                results.task(), label);
        out.println();
    }

    private void printMetrics(final PrintWriter out) {
        String level = String.format(Locale.ROOT, "%.0f%% CI", results.statistics().confidence() * 100);
        out.printf("%-28s %10s %10s %10s  %-22s %-10s %s%n", "metric", "champion", "candidate", "delta", level,
                "p (Holm)", "test");
        boolean anySignificant = false;
        for (MetricComparison metric : results.metrics()) {
            String ci = metric.ci() == null ? MISSING
                    : String.format(Locale.ROOT, "[%+.4f, %+.4f]", metric.ci().low(), metric.ci().high());
            String p = metric.pValueAdjusted() == null ? MISSING : pValue(metric.pValueAdjusted())
                    + (Boolean.TRUE.equals(metric.significant()) ? " *" : "");
            anySignificant |= Boolean.TRUE.equals(metric.significant());
            boolean count = "none".equals(metric.direction());
            out.printf("%-28s %10s %10s %10s  %-22s %-10s %s%n", metric.name(), value(metric.champion(), count),
                    value(metric.candidate(), count), signed(metric.delta(), count), ci, p,
                    metric.test() == null ? MISSING : metric.test());
        }
        if (anySignificant) {
            out.printf(Locale.ROOT, "* significant at the %.0f%% level after Holm's correction%n",
                    results.statistics().confidence() * 100);
        }
    }

    private void printLatency(final PrintWriter out) {
        if (results.latency() == null) {
            return;
        }
        out.println();
        out.printf("%-12s %12s %12s %12s %14s%n", "latency", "row p50 ms", "row p95 ms", "row p99 ms", "rows/s");
        printLatencyRow(out, "champion", results.latency().champion());
        printLatencyRow(out, "candidate", results.latency().candidate());
    }

    private static void printLatencyRow(final PrintWriter out, final String role, final LatencySummary latency) {
        if (latency == null) {
            return;
        }
        out.printf("%-12s %12s %12s %12s %14s%n", role, millis(latency.rowP50Ms()), millis(latency.rowP95Ms()),
                millis(latency.rowP99Ms()), latency.rowsPerSecond() == null ? MISSING
                        : String.format(Locale.ROOT, "%,.0f", latency.rowsPerSecond()));
    }

    private void printSlices(final PrintWriter out) {
        if (results.slices().isEmpty()) {
            return;
        }
        Set<String> shown = new LinkedHashSet<>();
        results.gates().stream().map(GateResult::metric).forEach(shown::add);
        out.println();
        out.printf("%-24s %8s  %s%n", "slice", "rows", "champion -> candidate (delta)");
        for (SliceResult slice : results.slices()) {
            StringBuilder cells = new StringBuilder();
            for (SliceResult.SliceMetric metric : slice.metrics()) {
                if (shown.contains(metric.name())) {
                    cells.append(String.format(Locale.ROOT, "%s %s -> %s (%s)  ", metric.name(),
                            value(metric.champion(), false), value(metric.candidate(), false),
                            signed(metric.delta(), false)));
                }
            }
            String name = slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
            out.printf("%-24s %8d  %s%n", name, slice.rows(), cells.toString().trim());
        }
    }

    private void printGates(final PrintWriter out) {
        out.println();
        out.println("Gates (" + results.gateMode() + " must pass):");
        for (GateResult gate : results.gates()) {
            out.println("  " + (gate.passed() ? "PASS" : "FAIL") + "  " + gate.message());
        }
    }

    /** @param count counts (example_count, true_positives, ...) are shown without decimals */
    private static String value(final Double value, final boolean count) {
        if (value == null) {
            return MISSING;
        }
        return String.format(Locale.ROOT, count ? "%.0f" : "%.4f", value);
    }

    private static String signed(final Double value, final boolean count) {
        if (value == null) {
            return MISSING;
        }
        return String.format(Locale.ROOT, count ? "%+.0f" : "%+.4f", value);
    }

    private static String millis(final Double value) {
        return value == null ? MISSING : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pValue(final double p) {
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
