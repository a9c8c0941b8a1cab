package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Nodes;

import java.util.ArrayList;
import java.util.List;

/** A canary: outcome and reason, the steps, the decisions that did not pass, the rollback. */
final class CanaryMarkdown implements KindMarkdown {
    private static final int MAX_DECISIONS = 10;

    @Override
    public String kind() {
        return "canary";
    }

    @Override
    public void render(final JsonNode results, final StringBuilder out) {
        out.append("**").append(MarkdownText.status(Nodes.text(results, "outcome", "?"))).append("**: ")
                .append(MarkdownText.escape(Nodes.text(results, "reason"))).append("\n\n");
        List<String> steps = new ArrayList<>();
        Nodes.elements(results, "steps").forEach(step -> steps.add(MarkdownText.escape(Format.number(step,
                "weight") + "%")));
        if (!steps.isEmpty()) {
            out.append("Steps: ").append(String.join(" → ", steps)).append("; final weight ")
                    .append(MarkdownText.escape(Format.number(results, "finalWeight") + "%")).append("\n\n");
        }
        List<List<String>> rows = new ArrayList<>();
        List<JsonNode> decisions = Nodes.elements(results, "decisions");
        for (JsonNode decision : decisions) {
            String verdict = Nodes.text(decision, "decision", "?");
            if (!"PASS".equals(verdict) && rows.size() < MAX_DECISIONS) {
                rows.add(List.of(MarkdownText.escape(Format.time(Nodes.text(decision, "time"))),
                        MarkdownText.escape(Format.number(decision, "weight") + "%"),
                        MarkdownText.escape(Nodes.text(decision, "check")),
                        MarkdownText.escape(Format.number(decision, "canary")),
                        MarkdownText.escape(Format.number(decision, "stable")),
                        MarkdownText.escape(Nodes.text(decision, "threshold")), MarkdownText.status(verdict),
                        MarkdownText.escape(Nodes.text(decision, "reason"))));
            }
        }
        out.append(decisions.size()).append(" decisions");
        if (rows.isEmpty()) {
            out.append(", all passed.\n\n");
        }
        else {
            out.append("; those that did not pass:\n\n");
            MarkdownText.table(out, List.of("Time", "Weight", "Check", "Canary", "Stable", "Threshold", "Decision",
                    "Reason"), rows);
        }
        JsonNode rollback = results.path("rollback");
        if (rollback.isObject()) {
            out.append("Rollback: traffic ").append(MarkdownText.escape(Format.number(rollback, "traffic") + "%"));
            if (rollback.hasNonNull("commit")) {
                out.append(", commit ").append(MarkdownText.code(Format.digestPrefix(Nodes.text(rollback,
                        "commit"))));
            }
            JsonNode alias = rollback.path("alias");
            if (alias.isObject()) {
                out.append(", alias ").append(MarkdownText.escape(Nodes.text(alias, "name") + " "
                        + Nodes.text(alias, "before", "(none)") + " → " + Nodes.text(alias, "after", "(none)")));
            }
            out.append("\n\n");
        }
    }
}
