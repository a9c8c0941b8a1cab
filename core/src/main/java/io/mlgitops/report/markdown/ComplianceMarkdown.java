package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A compliance run: the count per status, the rules that did not simply pass, open and waived findings. */
final class ComplianceMarkdown implements KindMarkdown {
    private static final Set<String> QUIET = Set.of("PASSED", "NOT_APPLICABLE");

    @Override
    public String kind() {
        return "compliance";
    }

    @Override
    public void render(final JsonNode results, final StringBuilder out) {
        if (results.path("summary").isObject()) {
            List<String> counts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> count : results.get("summary").properties()) {
                counts.add(MarkdownText.escape(Format.value(count.getValue()) + " " + Format.word(count.getKey())
                        .toLowerCase(java.util.Locale.ROOT)));
            }
            out.append("**Rules**: ").append(String.join(", ", counts)).append("\n\n");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (JsonNode rule : Nodes.elements(results, "rules")) {
            String status = Nodes.text(rule, "status", "?");
            String id = MarkdownText.escape(Nodes.text(rule, "id"));
            if (!QUIET.contains(status)) {
                rows.add(List.of(MarkdownText.status(status), id, MarkdownText.escape(Nodes.text(rule, "type")),
                        MarkdownText.escape(Nodes.text(rule, "message"))));
            }
            for (JsonNode finding : Nodes.elements(rule, "findings")) {
                findings.add("- **" + id + "** " + MarkdownText.escape(Nodes.text(finding, "message")));
            }
            for (JsonNode waived : Nodes.elements(rule, "waived")) {
                findings.add("- ≈ waived **" + id + "** " + MarkdownText.escape(Nodes.text(waived, "message"))
                        + " (" + MarkdownText.escape(Nodes.text(waived, "reason")) + "; approved by "
                        + MarkdownText.escape(Nodes.text(waived, "approvedBy")) + " until "
                        + MarkdownText.escape(Nodes.text(waived, "expires")) + ")");
            }
        }
        if (!rows.isEmpty()) {
            MarkdownText.table(out, List.of("Status", "Rule", "Type", "Message"), rows);
        }
        if (!findings.isEmpty()) {
            out.append("**Findings**:\n").append(String.join("\n", findings)).append("\n\n");
        }
        for (JsonNode expired : Nodes.elements(results.path("waivers"), "expired")) {
            out.append("- expired waiver of rule ").append(MarkdownText.escape(Nodes.text(expired, "rule")))
                    .append(" (").append(MarkdownText.escape(Nodes.text(expired, "approvedBy"))).append(", ")
                    .append(MarkdownText.escape(Nodes.text(expired, "expires"))).append("), not applied\n");
        }
    }
}
