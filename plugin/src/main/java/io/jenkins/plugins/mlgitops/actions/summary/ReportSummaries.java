package io.jenkins.plugins.mlgitops.actions.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.report.html.Nodes;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the summary of a report from the JSON document the engine wrote (docs/report-schema.md). Like the HTML
 * report, it reads the JSON tree rather than the engine's result types, so that reports of older versions and of
 * unknown kinds still give a summary: a missing field or one of another type is left out, never an error.
 */
public final class ReportSummaries {
    private static final int COMMIT_LENGTH = 12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportSummaries() {
    }

    /** A report's JSON text as a tree. */
    public static JsonNode tree(final String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The summary of a report kept as {@code file} in the build's {@code mlgitops} folder. */
    public static ReportSummary of(final String file, final JsonNode report) {
        JsonNode results = report.path("results");
        String kind = Nodes.text(report, "kind", "?");
        if ("promotion".equals(kind) && "rollback".equals(Nodes.text(results, "operation"))) {
            kind = "rollback";
        }
        ReportSummary.Heading heading = new ReportSummary.Heading(kind, file, Nodes.text(report, "status", "?"),
                Nodes.text(report, "finishedAt"), io.mlgitops.report.html.ReportSummary.of(report).subject());
        return switch (kind) {
            case "benchmark" -> benchmark(heading, results);
            case "compliance" -> ReportSummary.compliance(heading, compliance(results.path("summary")));
            case "promotion", "rollback" -> ReportSummary.deployment(heading, deployment(results));
            case "canary" -> ReportSummary.canary(heading, canary(results));
            default -> ReportSummary.of(heading);
        };
    }

    private static ReportSummary benchmark(final ReportSummary.Heading heading, final JsonNode results) {
        List<GateVerdict> gates = Nodes.elements(results, "gates").stream()
                .map(gate -> new GateVerdict(Nodes.text(gate, "metric", "?"), Nodes.text(gate, "rule"),
                        Nodes.isTrue(gate, "passed")))
                .toList();
        Set<String> gated = gates.stream().map(GateVerdict::getName).collect(Collectors.toSet());
        List<MetricValues> metrics = Nodes.elements(results, "metrics").stream()
                .filter(metric -> gated.contains(Nodes.text(metric, "name")))
                .map(metric -> new MetricValues(Nodes.text(metric, "name"), number(metric, "champion"),
                        number(metric, "candidate"), number(metric, "delta"), number(metric.path("ci"), "low"),
                        number(metric.path("ci"), "high")))
                .toList();
        return ReportSummary.benchmark(heading, metrics, gates);
    }

    private static ComplianceCounts compliance(final JsonNode counts) {
        return new ComplianceCounts(counts.path("PASSED").asInt(), counts.path("FAILED").asInt(),
                counts.path("WAIVED").asInt(), counts.path("ERROR").asInt());
    }

    private static Deployment deployment(final JsonNode results) {
        String commit = Nodes.text(results, "commit");
        return new Deployment(Nodes.text(results, "operation"), Nodes.text(results, "model"),
                Nodes.text(results, "version"), Nodes.text(results, "environment"),
                commit == null || commit.length() <= COMMIT_LENGTH ? commit : commit.substring(0, COMMIT_LENGTH),
                Nodes.text(results.path("alias"), "name"));
    }

    private static CanaryResult canary(final JsonNode results) {
        String outcome = Nodes.text(results, "outcome");
        OptionalDouble weight = Nodes.number(results, "finalWeight");
        return new CanaryResult(outcome == null ? null : outcome.toUpperCase(Locale.ROOT),
                weight.isPresent() ? (int) Math.round(weight.getAsDouble()) : null,
                Nodes.elements(results, "steps").size());
    }

    private static Double number(final JsonNode parent, final String field) {
        OptionalDouble value = Nodes.number(parent, field);
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
