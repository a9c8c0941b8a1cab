package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Nodes;
import io.mlgitops.report.html.ReportSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A compact Markdown summary of a set of reports for a pull-request comment: the verdict of each gate, then per report
 * its key rows and findings. Kinds it does not know get their verdict line only. Every value is escaped.
 */
public final class MarkdownSummary {
    private static final List<KindMarkdown> KINDS = List.of(new BenchmarkMarkdown(), new ComplianceMarkdown(),
            new PromotionMarkdown(), new CanaryMarkdown());

    private final Predicate<JsonNode> digestCheck;

    /**
     * A summary renderer.
     *
     * @param digestCheck whether a report's digest matches its content
     */
    public MarkdownSummary(final Predicate<JsonNode> digestCheck) {
        this.digestCheck = digestCheck;
    }

    public String render(final List<JsonNode> reports) {
        List<ReportSummary> summaries = reports.stream().map(ReportSummary::of).toList();
        StringBuilder out = new StringBuilder(2048);
        out.append("## ML GitOps report: ").append(MarkdownText.status(ReportSummary.overall(summaries)))
                .append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (int index = 0; index < summaries.size(); index++) {
            ReportSummary summary = summaries.get(index);
            String digest = MarkdownText.code(Format.digestPrefix(summary.digest()));
            if (summary.digest() != null && !valid(reports.get(index))) {
                digest += " ⚠️ does not match the content";
            }
            rows.add(List.of(String.valueOf(index + 1), MarkdownText.escape(summary.kind()),
                    MarkdownText.status(summary.status()), MarkdownText.escape(summary.subject()),
                    MarkdownText.escape(summary.finished()), digest));
        }
        MarkdownText.table(out, List.of("#", "Gate", "Status", "Subject", "Finished", "Digest"), rows);
        for (int index = 0; index < reports.size(); index++) {
            report(index, reports.get(index), summaries.get(index), out);
        }
        return out.toString();
    }

    private static void report(final int index, final JsonNode report, final ReportSummary summary,
            final StringBuilder out) {
        out.append("### ").append(index + 1).append(". ").append(MarkdownText.escape(summary.kind())).append(": ")
                .append(MarkdownText.status(summary.status())).append("\n\n");
        Optional<KindMarkdown> kind = KINDS.stream().filter(known -> known.kind().equals(summary.kind()))
                .findFirst();
        if (kind.isPresent()) {
            StringBuilder section = new StringBuilder();
            try {
                kind.get().render(report.path("results"), section);
                out.append(section);
            }
            catch (RuntimeException unexpected) {
                out.append("_The results could not be summarised; see the HTML report._\n\n");
            }
        }
        for (JsonNode message : Nodes.elements(report, "messages")) {
            if ("ERROR".equals(Nodes.text(message, "level"))) {
                out.append("- ⚠️ ").append(MarkdownText.escape(Nodes.text(message, "text"))).append('\n');
            }
        }
        out.append('\n');
    }

    private boolean valid(final JsonNode report) {
        try {
            return digestCheck.test(report);
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }
}
