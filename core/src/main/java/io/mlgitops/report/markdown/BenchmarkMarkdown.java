package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Nodes;

import java.util.ArrayList;
import java.util.List;

/** A benchmark: the gates, and the metrics that have an interval (counts are left out). */
final class BenchmarkMarkdown implements KindMarkdown {
    @Override
    public String kind() {
        return "benchmark";
    }

    @Override
    public void render(final JsonNode results, final StringBuilder out) {
        String mode = Nodes.text(results, "gateMode");
        out.append("**Gates**").append(mode == null ? "" : " (" + MarkdownText.escape(mode) + " must pass)")
                .append(":\n");
        List<JsonNode> gates = Nodes.elements(results, "gates");
        for (JsonNode gate : gates) {
            boolean passed = Nodes.isTrue(gate, "passed");
            out.append("- ").append(MarkdownText.status(passed ? "PASS" : "FAIL")).append(' ')
                    .append(MarkdownText.escape(Nodes.text(gate, "message", Nodes.text(gate, "metric"))))
                    .append('\n');
        }
        if (gates.isEmpty()) {
            out.append("- none\n");
        }
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode metric : Nodes.elements(results, "metrics")) {
            JsonNode ci = metric.path("ci");
            if (ci.isObject()) {
                rows.add(List.of(MarkdownText.escape(Nodes.text(metric, "name")),
                        MarkdownText.escape(Format.number(metric, "champion")),
                        MarkdownText.escape(Format.number(metric, "candidate")),
                        MarkdownText.escape(Format.signed(metric, "delta")),
                        MarkdownText.escape("[" + Format.signed(ci, "low") + ", " + Format.signed(ci, "high") + "]"),
                        MarkdownText.escape(Format.pValue(metric, "pValueAdjusted")),
                        Nodes.isTrue(metric, "significant") ? "**yes**" : "no"));
            }
        }
        if (!rows.isEmpty()) {
            MarkdownText.table(out, List.of("Metric", "Champion", "Candidate", "Difference", "Interval",
                    "p (Holm)", "Significant"), rows);
        }
    }
}
