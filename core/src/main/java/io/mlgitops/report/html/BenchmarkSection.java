package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark: gates, the metric table with intervals and Holm-adjusted p-values, the differences chart, latency and
 * slices.
 */
final class BenchmarkSection implements KindSection {
    private static final String METRICS = "metrics";
    private static final String CHAMPION = "champion";
    private static final String CANDIDATE = "candidate";

    @Override
    public String kind() {
        return "benchmark";
    }

    @Override
    public Set<String> fields() {
        return Set.of("task", "target", "positiveLabel", "labels", "exampleCount", "championPresent", METRICS,
                "gateMode", "gates", "statistics", "latency", "slices");
    }

    @Override
    public void render(final JsonNode results, final Markup out) {
        facts(results, out);
        gates(results, out);
        metrics(results, out);
        latency(results.path("latency"), out);
        slices(Nodes.elements(results, "slices"), out);
    }

    private static void facts(final JsonNode results, final Markup out) {
        JsonNode statistics = results.path("statistics");
        Facts facts = new Facts().add("Task", Format.value(results, "task"))
                .add("Target", Format.value(results, "target")
                        + (results.hasNonNull("positiveLabel") ? " (positive label "
                        + Format.value(results, "positiveLabel") + ")" : ""))
                .add("Labels", JsonView.of(results.get("labels")))
                .add("Examples", Format.number(results, "exampleCount"))
                .add("Champion present", Parts.yesNo(results, "championPresent"));
        if (statistics.isObject()) {
            facts.add("Statistics", Format.value(statistics, "test") + ", confidence "
                    + Nodes.text(statistics, "confidence", Format.NONE) + ", " + Format.value(statistics, "resamples")
                    + " resamples, seed " + Format.value(statistics, "seed") + ", correction "
                    + Format.value(statistics, "correction"));
        }
        facts.render(out);
    }

    private static void gates(final JsonNode results, final Markup out) {
        String mode = Nodes.text(results, "gateMode");
        Parts.heading(out, "Gates" + (mode == null ? "" : " (" + mode + " must pass)"));
        Table table = new Table("gates", "Result", "Metric", "Rule", "Message");
        for (JsonNode gate : Nodes.elements(results, "gates")) {
            String word = gate.path("passed").isBoolean() ? Verdicts.word(gate.path("passed").asBoolean()) : "?";
            table.rowWithClass(Verdicts.tone(word).cssClass(), Parts.badge(word), Format.value(gate, "metric"),
                    Format.value(gate, "rule"), Format.value(gate, "message"));
        }
        if (table.isEmpty()) {
            out.append(Parts.note("No gates were applied."));
        }
        else {
            table.render(out);
        }
    }

    private static void metrics(final JsonNode results, final Markup out) {
        Parts.heading(out, "Metrics");
        List<JsonNode> metrics = Nodes.elements(results, METRICS);
        Table table = new Table("metrics", "Metric", "Direction", "Champion", "Candidate", "Difference",
                "Relative", "Confidence interval", "p", "p (Holm)", "Significant", "Test")
                .numeric(2, 3, 4, 5, 7, 8);
        for (JsonNode metric : metrics) {
            table.row(Format.value(metric, "name"), Format.word(Nodes.text(metric, "direction")),
                    Format.number(metric, CHAMPION), Format.number(metric, CANDIDATE),
                    Format.signed(metric, "delta"), Format.signedPercent(metric, "relativeDelta"),
                    interval(metric.path("ci")), Format.pValue(metric, "pValue"),
                    Format.pValue(metric, "pValueAdjusted"), significant(metric), Format.value(metric, "test"));
        }
        if (table.isEmpty()) {
            out.append(Parts.note("The report holds no metrics."));
            return;
        }
        table.render(out);
        Optional<Markup> chart = DeltaChart.render(metrics);
        if (chart.isPresent()) {
            out.open("figure").append(chart.get()).element("figcaption", "Difference candidate minus champion per "
                    + "metric with its confidence interval. A filled dot is significant after the correction for "
                    + "multiple tests, a hollow one is not; ✔ better and ✘ worse follow the metric's direction. "
                    + "Counts without an interval are in the table only.").close("figure");
        }
    }

    private static String interval(final JsonNode ci) {
        if (!ci.isObject()) {
            return Format.NONE;
        }
        String level = Nodes.number(ci, "level").isPresent()
                ? String.format(Locale.ROOT, " (%.0f%%)", ci.get("level").asDouble() * 100) : "";
        return "[" + Format.signed(ci, "low") + ", " + Format.signed(ci, "high") + "]" + level;
    }

    private static Markup significant(final JsonNode metric) {
        JsonNode significant = metric.path("significant");
        if (!significant.isBoolean()) {
            return Markup.of(Format.NONE);
        }
        return significant.asBoolean() ? new Markup().element("strong", "yes") : Markup.of("no");
    }

    private static void latency(final JsonNode latency, final Markup out) {
        if (!latency.isObject()) {
            return;
        }
        Parts.heading(out, "Latency");
        Table table = new Table("latency", "Model", "Row p50 ms", "Row p95 ms", "Row p99 ms", "Row samples",
                "Batch p50 ms", "Batch p95 ms", "Batch p99 ms", "Batches", "Rows/s")
                .numeric(1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (String model : new String[] {CHAMPION, CANDIDATE}) {
            JsonNode summary = latency.path(model);
            if (summary.isObject()) {
                table.row(model, Format.number(summary, "rowP50Ms"), Format.number(summary, "rowP95Ms"),
                        Format.number(summary, "rowP99Ms"), Format.number(summary, "rowSamples"),
                        Format.number(summary, "batchP50Ms"), Format.number(summary, "batchP95Ms"),
                        Format.number(summary, "batchP99Ms"), Format.number(summary, "batches"),
                        Format.number(summary, "rowsPerSecond"));
            }
        }
        table.render(out);
        if (latency.hasNonNull("rowP95Ratio")) {
            out.append(Parts.note("Candidate p95 single-row latency: x" + Format.number(latency, "rowP95Ratio")
                    + " the champion's."));
        }
    }

    private static void slices(final List<JsonNode> slices, final Markup out) {
        if (slices.isEmpty()) {
            return;
        }
        Parts.heading(out, "Slices");
        Map<String, List<JsonNode>> byColumn = new LinkedHashMap<>();
        slices.forEach(slice -> byColumn.computeIfAbsent(Nodes.text(slice, "column", "?"), key -> new ArrayList<>())
                .add(slice));
        for (Map.Entry<String, List<JsonNode>> column : byColumn.entrySet()) {
            List<String> names = new ArrayList<>();
            column.getValue().forEach(slice -> Nodes.elements(slice, METRICS).forEach(metric -> {
                String name = Nodes.text(metric, "name", "?");
                if (!names.contains(name)) {
                    names.add(name);
                }
            }));
            List<String> headers = new ArrayList<>(List.of(column.getKey(), "Rows"));
            headers.addAll(names);
            Table table = new Table("slices", headers.toArray(String[]::new))
                    .caption("By " + column.getKey() + ": candidate value (difference to the champion)");
            for (JsonNode slice : column.getValue()) {
                table.row(sliceRow(slice, names));
            }
            table.render(out);
        }
    }

    private static Object[] sliceRow(final JsonNode slice, final List<String> names) {
        Object[] cells = new Object[names.size() + 2];
        cells[0] = Format.value(slice, "value");
        cells[1] = Format.number(slice, "rows");
        for (JsonNode metric : Nodes.elements(slice, METRICS)) {
            int column = names.indexOf(Nodes.text(metric, "name", "?"));
            cells[column + 2] = new Markup().open("span", "title", "champion " + Format.number(metric, CHAMPION))
                    .text(Format.number(metric, CANDIDATE)).close("span")
                    .element("span", " (" + Format.signed(metric, "delta") + ")", "class", "delta");
        }
        return cells;
    }
}
