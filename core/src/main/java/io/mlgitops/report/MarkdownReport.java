package io.mlgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.markdown.MarkdownSummary;

import java.util.List;

/** Reports as a compact Markdown summary for pull-request comments: verdict per gate, key rows and findings. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(final List<JsonNode> reports) {
        ReportJson json = new ReportJson();
        return new MarkdownSummary(json::hasValidDigest).render(reports);
    }
}
