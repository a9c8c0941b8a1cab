package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compliance run: the count per status, every rule with its status, type, message, citations and evidence, the
 * open and the waived findings, the waivers that expired or covered nothing, and the policies with their digests.
 */
final class ComplianceSection implements KindSection {
    private static final String RULE = "Rule";
    private static final String REASON = "reason";

    @Override
    public String kind() {
        return "compliance";
    }

    @Override
    public Set<String> fields() {
        return Set.of("region", "modelType", "summary", "rules", "waivers", "policies");
    }

    @Override
    public void render(final JsonNode results, final Markup out) {
        Facts facts = new Facts().add("Region", Format.value(results, "region"))
                .add("Model type", Format.value(results, "modelType"));
        if (results.path("summary").isObject()) {
            facts.add("Rules", summary(results.get("summary")));
        }
        facts.render(out);
        List<JsonNode> rules = Nodes.elements(results, "rules");
        rules(rules, out);
        findings(rules, out);
        waived(rules, out);
        waivers(results.path("waivers"), out);
        policies(Nodes.elements(results, "policies"), out);
    }

    private static Markup summary(final JsonNode summary) {
        Markup out = new Markup().open("span", "class", "counts");
        for (Map.Entry<String, JsonNode> count : summary.properties()) {
            out.open("span", "class", "count").append(Parts.badge(count.getKey()))
                    .text(" " + Format.value(count.getValue())).close("span");
        }
        return out.close("span");
    }

    private static void rules(final List<JsonNode> rules, final Markup out) {
        Parts.heading(out, "Rules");
        Table table = new Table("rules", "Status", RULE, "Type", "Message", "Cites", "Evidence");
        for (JsonNode rule : rules) {
            String status = Nodes.text(rule, "status", "?");
            Markup id = new Markup().element("strong", Format.value(rule, "id"));
            if (rule.hasNonNull("policy")) {
                id.element("span", "policy " + Format.value(rule, "policy"), "class", "sub");
            }
            Markup message = Markup.of(Format.value(rule, "message"));
            String description = Nodes.text(rule, "description");
            if (description != null && !description.isBlank()) {
                message.element("span", description, "class", "sub");
            }
            table.rowWithClass(Verdicts.tone(status).cssClass(), Parts.badge(status), id, Format.value(rule, "type"),
                    message, JsonView.of(rule.get("cites")), evidence(rule.get("evidence")));
        }
        if (table.isEmpty()) {
            out.append(Parts.note("The report holds no rules."));
        }
        else {
            table.render(out);
        }
    }

    private static Markup evidence(final JsonNode evidence) {
        if (evidence == null || evidence.isNull() || evidence.isEmpty() && evidence.isContainerNode()) {
            return new Markup().element("span", Format.NONE, "class", "muted");
        }
        return new Markup().element("div", JsonView.of(evidence), "class", "evidence");
    }

    private static void findings(final List<JsonNode> rules, final Markup out) {
        Parts.heading(out, "Findings");
        Table table = new Table("findings", RULE, "Key", "Finding");
        for (JsonNode rule : rules) {
            for (JsonNode finding : Nodes.elements(rule, "findings")) {
                table.row(Format.value(rule, "id"), Format.value(finding, "key"), Format.value(finding, "message"));
            }
        }
        if (table.isEmpty()) {
            out.append(Parts.note("No open findings."));
        }
        else {
            table.render(out);
        }
    }

    private static void waived(final List<JsonNode> rules, final Markup out) {
        Table table = new Table("waived", RULE, "Key", "Finding", "Reason", "Approved by", "Expires");
        for (JsonNode rule : rules) {
            for (JsonNode waived : Nodes.elements(rule, "waived")) {
                table.row(Format.value(rule, "id"), Format.value(waived, "key"), Format.value(waived, "message"),
                        Format.value(waived, REASON), Format.value(waived, "approvedBy"),
                        Format.value(waived, "expires"));
            }
        }
        if (!table.isEmpty()) {
            Parts.heading(out, "Waived findings");
            table.render(out);
        }
    }

    private static void waivers(final JsonNode waivers, final Markup out) {
        if (!waivers.isObject()) {
            return;
        }
        waiverTable(waivers, "applied", "Waivers applied", out);
        waiverTable(waivers, "expired", "Expired waivers (not applied)", out);
        waiverTable(waivers, "unused", "Unused waivers (they covered no finding)", out);
    }

    private static void waiverTable(final JsonNode waivers, final String field, final String title,
            final Markup out) {
        Table table = new Table("waivers", "Policy", RULE, "Match", "Reason", "Approved by", "Expires", "Covered");
        for (JsonNode waiver : Nodes.elements(waivers, field)) {
            table.row(Format.value(waiver, "policy"), Format.value(waiver, "rule"),
                    waiver.hasNonNull("match") ? Format.value(waiver, "match") : "every finding",
                    Format.value(waiver, REASON), Format.value(waiver, "approvedBy"),
                    Format.value(waiver, "expires"), JsonView.of(waiver.get("covered")));
        }
        if (!table.isEmpty()) {
            Parts.heading(out, title);
            table.render(out);
        }
    }

    private static void policies(final List<JsonNode> policies, final Markup out) {
        if (policies.isEmpty()) {
            return;
        }
        Parts.heading(out, "Policies");
        Table table = new Table("policies", "Policy", "Source", "SHA-256", "Applied", "Why not");
        for (JsonNode policy : policies) {
            table.row(Format.value(policy, "name"), Parts.code(Nodes.text(policy, "source")),
                    Parts.code(Nodes.text(policy, "sha256")), Format.value(policy, "applied"),
                    Format.value(policy, "exclusion"));
        }
        table.render(out);
    }
}
