package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One report on the page: its heading and status, its run facts, the section of its kind (or a generic view of an
 * unknown kind), the fields its kind's section does not know, its inputs and its messages. A kind section that fails
 * on unexpected content is replaced by the generic view, so a report never breaks the page.
 */
final class ReportSection {
    private static final Set<String> COMMON = Set.of("schemaVersion", "kind", "status", "startedAt", "finishedAt",
            "subject", "inputs", "results", "messages", "digest");
    private static final int MAX_MESSAGES = 200;

    private final List<KindSection> sections;
    private final Predicate<JsonNode> digestCheck;

    ReportSection(final List<KindSection> sections, final Predicate<JsonNode> digestCheck) {
        this.sections = List.copyOf(sections);
        this.digestCheck = digestCheck;
    }

    /** The anchor of the report at this position. */
    static String anchor(final int index) {
        return "report-" + (index + 1);
    }

    void render(final int index, final JsonNode report, final Markup out) {
        ReportSummary summary = ReportSummary.of(report);
        out.open("section", "class", "report", "id", anchor(index), "data-kind", summary.kind());
        out.open("h2").element("span", (index + 1) + ". " + summary.kind(), "class", "kind").text(" ")
                .append(Parts.badge(summary.status())).close("h2");
        facts(report, out);
        JsonNode results = report.path("results");
        Optional<KindSection> section = sections.stream().filter(known -> known.kind().equals(summary.kind()))
                .findFirst();
        if (section.isPresent()) {
            known(section.get(), results, out);
        }
        else if (!results.isMissingNode()) {
            Parts.heading(out, "Results");
            out.append(Parts.note("This version of the renderer does not know reports of kind '" + summary.kind()
                    + "'; their fields follow as written."));
            out.append(JsonView.of(results));
        }
        inputs(report.path("inputs"), out);
        messages(Nodes.elements(report, "messages"), out);
        others(report, COMMON, "Other fields", out);
        out.close("section");
    }

    private void facts(final JsonNode report, final Markup out) {
        Facts facts = new Facts().add("Subject", JsonView.of(report.get("subject")))
                .add("Started", Format.instant(Nodes.text(report, "startedAt")))
                .add("Finished", Format.instant(Nodes.text(report, "finishedAt"))
                        + Format.between(Nodes.text(report, "startedAt"), Nodes.text(report, "finishedAt"))
                        .map(took -> " (took " + took + ")").orElse(""));
        facts.add("Digest", digest(report));
        facts.addIfPresent("Schema version", Nodes.text(report, "schemaVersion"));
        facts.render(out);
    }

    /** The digest with whether it matches the content. */
    Markup digest(final JsonNode report) {
        String digest = Nodes.text(report, "digest");
        if (digest == null || digest.isBlank()) {
            return Markup.of("(none)");
        }
        boolean valid = isValid(report);
        return new Markup().element("code", digest).text(" ")
                .append(Parts.badge(valid ? "PASS" : "MISMATCH"))
                .text(valid ? " matches the content" : " does not match the content: edited after it was written");
    }

    boolean isValid(final JsonNode report) {
        try {
            return digestCheck.test(report);
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static void known(final KindSection section, final JsonNode results, final Markup out) {
        Markup rendered = new Markup();
        try {
            section.render(results, rendered);
            out.append(rendered);
            others(results, section.fields(), "Other result fields", out);
        }
        catch (RuntimeException unexpected) {
            out.open("div", "class", "failure", "role", "note")
                    .text("These results could not be shown in full (" + unexpected.getClass().getSimpleName() + ": "
                            + unexpected.getMessage() + "); they follow as written.").close("div");
            out.append(JsonView.of(results));
        }
    }

    /** The fields of {@code node} that are not in {@code shown}, generically. */
    private static void others(final JsonNode node, final Set<String> shown, final String title, final Markup out) {
        if (!node.isObject()) {
            return;
        }
        Markup rest = new Markup();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!shown.contains(field.getKey())) {
                rest.element("dt", field.getKey()).element("dd", JsonView.of(field.getValue()));
            }
        }
        if (!rest.isEmpty()) {
            Parts.heading(out, title);
            out.element("dl", rest, "class", "json");
        }
    }

    private static void inputs(final JsonNode inputs, final Markup out) {
        if (inputs.isMissingNode() || inputs.isNull() || inputs.isContainerNode() && inputs.isEmpty()) {
            return;
        }
        Parts.heading(out, "Inputs");
        out.element("div", JsonView.of(inputs), "class", "inputs");
    }

    private static void messages(final List<JsonNode> messages, final Markup out) {
        if (messages.isEmpty()) {
            return;
        }
        Parts.heading(out, "Messages");
        out.open("ul", "class", "messages");
        for (JsonNode message : messages.subList(0, Math.min(MAX_MESSAGES, messages.size()))) {
            String level = message.isObject() ? Nodes.text(message, "level", "INFO") : "INFO";
            String text = message.isObject() ? Nodes.text(message, "text", "") : Nodes.text(message);
            String tone = switch (level) {
                case "ERROR" -> Verdicts.Tone.BAD.cssClass();
                case "WARNING" -> Verdicts.Tone.WARNING.cssClass();
                default -> Verdicts.Tone.NEUTRAL.cssClass();
            };
            out.open("li").element("span", level, "class", "level " + tone).text(" " + text).close("li");
        }
        out.close("ul");
        if (messages.size() > MAX_MESSAGES) {
            out.append(Parts.note((messages.size() - MAX_MESSAGES) + " more messages are in the JSON report."));
        }
    }
}
