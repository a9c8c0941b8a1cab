package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A canary rollout: outcome and reason, the traffic timeline, one chart per check (canary and stable values against
 * the threshold at each decision), the steps, every decision line, the rollback and the promotion after success.
 */
final class CanarySection implements KindSection {
    private static final String CHECK = "check";

    @Override
    public String kind() {
        return "canary";
    }

    @Override
    public Set<String> fields() {
        return Set.of("outcome", "reason", "router", "candidate", "dryRun", "finalWeight", "steps", "decisions",
                "rollback", "promotion", "timings");
    }

    @Override
    public void render(final JsonNode results, final Markup out) {
        facts(results, out);
        traffic(results, out);
        checks(Nodes.elements(results, "decisions"), out);
        decisions(Nodes.elements(results, "decisions"), out);
        rollback(results.path("rollback"), out);
        if (results.path("promotion").isObject()) {
            Parts.heading(out, "Promotion to the stable manifests");
            out.open("div", "class", "nested");
            new PromotionSection().render(results.get("promotion"), out);
            out.close("div");
        }
        PromotionSection.timings(results.path("timings"), out);
    }

    private static void facts(final JsonNode results, final Markup out) {
        new Facts().add("Outcome", Parts.badge(Nodes.text(results, "outcome", Format.NONE)))
                .add("Reason", Format.value(results, "reason"))
                .add("Router", Format.value(results, "router"))
                .add("Candidate", Parts.code(Nodes.text(results, "candidate")))
                .add("Dry run", Format.value(results, "dryRun"))
                .add("Final canary weight", Format.number(results, "finalWeight") + "%")
                .render(out);
    }

    private static void traffic(final JsonNode results, final Markup out) {
        Parts.heading(out, "Traffic");
        Optional<Markup> timeline = TrafficTimeline.render(results);
        if (timeline.isPresent()) {
            out.open("figure").append(timeline.get()).element("figcaption", "Canary traffic share per step. Marks "
                    + "are analyses: ● every check passed, ✕ a check failed, ○ no data, ▲ error. The last segment "
                    + "is where the traffic went at the end (a rollback, or the promotion to the stable route).")
                    .close("figure");
        }
        Table steps = new Table("steps", "Step", "Weight", "Started", "Ended", "Analyses", "Decisions")
                .numeric(0, 1, 4);
        int number = 0;
        for (JsonNode step : Nodes.elements(results, "steps")) {
            List<JsonNode> decisions = Nodes.elements(step, "decisions");
            Markup verdicts = new Markup();
            counts(decisions).forEach((word, count) -> verdicts.append(Parts.badge(word)).text(" " + count + " "));
            steps.row(String.valueOf(++number), Format.number(step, "weight") + "%",
                    Format.time(Nodes.text(step, "startedAt")),
                    step.hasNonNull("endedAt") ? Format.time(Nodes.text(step, "endedAt")) : "(stopped during it)",
                    String.valueOf(decisions.size()), verdicts);
        }
        if (!steps.isEmpty()) {
            steps.render(out);
        }
    }

    private static Map<String, Integer> counts(final List<JsonNode> decisions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        decisions.forEach(decision -> counts.merge(Nodes.text(decision, "decision", "?"), 1, Integer::sum));
        return counts;
    }

    private static void checks(final List<JsonNode> decisions, final Markup out) {
        Map<String, List<JsonNode>> byCheck = new LinkedHashMap<>();
        decisions.forEach(decision -> byCheck.computeIfAbsent(Nodes.text(decision, CHECK, "?"),
                key -> new ArrayList<>()).add(decision));
        if (byCheck.isEmpty()) {
            return;
        }
        Parts.heading(out, "Checks");
        for (Map.Entry<String, List<JsonNode>> check : byCheck.entrySet()) {
            String threshold = Nodes.text(check.getValue().get(0), "threshold", "");
            out.open("figure", "class", "check").append(CheckChart.render(check.getKey(), check.getValue()))
                    .open("figcaption").element("strong", check.getKey())
                    .text(threshold.isBlank() ? "" : ", threshold " + threshold)
                    .text(": ● canary, ■ stable at each decision (number and weight below); ✔ pass, ✘ fail, "
                            + "? no data, ⚠ error above the canary's value.")
                    .close("figcaption").close("figure");
        }
    }

    private static void decisions(final List<JsonNode> decisions, final Markup out) {
        Parts.heading(out, "Decisions");
        Table table = new Table("decisions", "#", "Time", "Weight", "Check", "Canary", "Stable", "Threshold",
                "Samples", "Decision", "Reason").numeric(0, 2, 4, 5, 7);
        int number = 0;
        for (JsonNode decision : decisions) {
            String verdict = Nodes.text(decision, "decision", "?");
            table.rowWithClass(Verdicts.tone(verdict).cssClass(), String.valueOf(++number),
                    Format.time(Nodes.text(decision, "time")), Format.number(decision, "weight") + "%",
                    Format.value(decision, CHECK), Format.number(decision, "canary"),
                    Format.number(decision, "stable"), Format.value(decision, "threshold"),
                    Format.number(decision, "samples"), Parts.badge(verdict), Format.value(decision, "reason"));
        }
        if (table.isEmpty()) {
            out.append(Parts.note("No analysis ran."));
        }
        else {
            table.render(out);
        }
    }

    private static void rollback(final JsonNode rollback, final Markup out) {
        if (!rollback.isObject()) {
            return;
        }
        Parts.heading(out, "Rollback");
        Facts facts = new Facts().add("Traffic after", Format.number(rollback, "traffic") + "%")
                .add("Commit", rollback.hasNonNull("commit") ? Parts.code(Nodes.text(rollback, "commit"))
                        : Markup.of("(manifests not restored)"));
        JsonNode alias = rollback.path("alias");
        facts.add("Alias", alias.isObject() ? Nodes.text(alias, "name", "?") + ": "
                + PromotionSection.aliasMove(alias) : "(not moved)");
        facts.add("Rejected tag", Nodes.text(rollback, "rejected", "(not tagged)"));
        facts.render(out);
    }
}
