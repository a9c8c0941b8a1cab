package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Nodes;

import java.util.ArrayList;
import java.util.List;

/** A promotion or rollback: what went where, the edits, the alias and Argo CD's outcome. */
final class PromotionMarkdown implements KindMarkdown {
    @Override
    public String kind() {
        return "promotion";
    }

    @Override
    public void render(final JsonNode results, final StringBuilder out) {
        out.append(MarkdownText.escape(Nodes.text(results, "operation", "promote") + " "
                        + Nodes.text(results, "model", "?") + " version " + Nodes.text(results, "version", "?")
                        + " to " + Nodes.text(results, "environment", "?")))
                .append(", commit ").append(MarkdownText.code(Format.digestPrefix(Nodes.text(results, "commit"))))
                .append(" on ").append(MarkdownText.code(Nodes.text(results, "branch"))).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode edit : Nodes.elements(results, "edits")) {
            rows.add(List.of(MarkdownText.escape(Nodes.text(edit, "file")), MarkdownText.escape(Nodes.text(edit,
                    "path")), MarkdownText.escape(Nodes.text(edit, "before")), MarkdownText.escape(Nodes.text(edit,
                    "after"))));
        }
        if (!rows.isEmpty()) {
            MarkdownText.table(out, List.of("File", "Path", "Before", "After"), rows);
        }
        JsonNode alias = results.path("alias");
        if (alias.isObject()) {
            out.append("- alias ").append(MarkdownText.escape(Nodes.text(alias, "name"))).append(": ")
                    .append(MarkdownText.escape(Nodes.text(alias, "before", "(none)") + " → "
                            + Nodes.text(alias, "after", "(none)"))).append('\n');
        }
        JsonNode pullRequest = results.path("pullRequest");
        if (pullRequest.isObject()) {
            out.append("- pull request ").append(MarkdownText.escape(Nodes.text(pullRequest, "url"))).append('\n');
        }
        JsonNode sync = results.path("sync");
        if (sync.isObject()) {
            out.append("- Argo CD ").append(MarkdownText.escape(Nodes.text(sync, "application"))).append(": ")
                    .append(MarkdownText.status(Nodes.isTrue(sync, "synced") ? "PASS" : "FAIL")).append(' ')
                    .append(MarkdownText.escape(Nodes.text(sync, "syncStatus") + ", " + Nodes.text(sync, "health")))
                    .append('\n');
        }
        out.append('\n');
    }
}
