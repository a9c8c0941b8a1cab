package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The few facts of one report that the build page and the trends need, kept in {@code build.xml} while the full
 * report stays in its JSON file beside it. Plain fields only (no JSON tree), so that it is small and XStream writes
 * it as simple elements; absent facts are {@code null} or empty lists. The kind-specific part is set for its kind
 * only: {@code metrics} and {@code gates} for a benchmark, {@code compliance}, {@code deployment} for a promotion or
 * rollback, {@code canary}.
 */
public final class ReportSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String file;
    private final String status;
    private final String finishedAt;
    private final String subject;
    private final ArrayList<MetricValues> metrics;
    private final ArrayList<GateVerdict> gates;
    private final ComplianceCounts compliance;
    private final Deployment deployment;
    private final CanaryResult canary;

    private ReportSummary(final Heading heading, final List<MetricValues> metrics, final List<GateVerdict> gates,
            final ComplianceCounts compliance, final Deployment deployment, final CanaryResult canary) {
        this.kind = heading.kind();
        this.file = heading.file();
        this.status = heading.status();
        this.finishedAt = heading.finishedAt();
        this.subject = heading.subject();
        this.metrics = new ArrayList<>(metrics);
        this.gates = new ArrayList<>(gates);
        this.compliance = compliance;
        this.deployment = deployment;
        this.canary = canary;
    }

    /** A report of a kind without a specific part. */
    public static ReportSummary of(final Heading heading) {
        return new ReportSummary(heading, List.of(), List.of(), null, null, null);
    }

    public static ReportSummary benchmark(final Heading heading, final List<MetricValues> metrics,
            final List<GateVerdict> gates) {
        return new ReportSummary(heading, metrics, gates, null, null, null);
    }

    public static ReportSummary compliance(final Heading heading, final ComplianceCounts counts) {
        return new ReportSummary(heading, List.of(), List.of(), counts, null, null);
    }

    public static ReportSummary deployment(final Heading heading, final Deployment deployment) {
        return new ReportSummary(heading, List.of(), List.of(), null, deployment, null);
    }

    public static ReportSummary canary(final Heading heading, final CanaryResult canary) {
        return new ReportSummary(heading, List.of(), List.of(), null, null, canary);
    }

    /**
     * The facts every report has.
     *
     * @param kind       {@code benchmark}, {@code compliance}, {@code promotion}, {@code rollback}, {@code canary}
     *                   or what the report says
     * @param file       the report's file name in the build's {@code mlgitops} folder
     * @param status     {@code PASSED}, {@code FAILED}, {@code ERROR} or what the report says
     * @param finishedAt when the run finished (ISO-8601), or {@code null}
     * @param subject    what was judged, in one line
     */
    public record Heading(String kind, String file, String status, String finishedAt, String subject) {
    }

    public String getKind() {
        return kind;
    }

    public String getFile() {
        return file;
    }

    public String getStatus() {
        return status;
    }

    /** The status's symbol, so that a verdict never rests on colour alone. */
    public String getSymbol() {
        return switch (String.valueOf(status)) {
            case "PASSED" -> "✔";
            case "FAILED" -> "✘";
            case "ERROR" -> "⚠";
            default -> "?";
        };
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public String getSubject() {
        return subject;
    }

    /** The gated metrics of a benchmark; empty for other kinds. */
    public List<MetricValues> getMetrics() {
        return Collections.unmodifiableList(metrics == null ? new ArrayList<>() : metrics);
    }

    /** The gates of a benchmark; empty for other kinds. */
    public List<GateVerdict> getGates() {
        return Collections.unmodifiableList(gates == null ? new ArrayList<>() : gates);
    }

    public ComplianceCounts getCompliance() {
        return compliance;
    }

    public Deployment getDeployment() {
        return deployment;
    }

    public CanaryResult getCanary() {
        return canary;
    }
}
