package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A promotion or rollback: where the change went, the edits as a diff per file (old line, new line), the commit, the
 * registry alias before and after, the pull request and Argo CD's sync outcome.
 */
final class PromotionSection implements KindSection {
    private static final String BEFORE = "before";
    private static final String AFTER = "after";

    @Override
    public String kind() {
        return "promotion";
    }

    @Override
    public Set<String> fields() {
        return Set.of("operation", "model", "version", "environment", "mode", "promotionId", "repository", "branch",
                "commit", "committed", "alreadyApplied", "attempts", "edits", "alias", "tags", "stage",
                "pullRequest", "sync", "timings");
    }

    @Override
    public void render(final JsonNode results, final Markup out) {
        facts(results, out);
        edits(Nodes.elements(results, "edits"), out);
        registry(results, out);
        pullRequest(results.path("pullRequest"), out);
        sync(results.path("sync"), out);
        timings(results.path("timings"), out);
    }

    private static void facts(final JsonNode results, final Markup out) {
        Facts facts = new Facts().add("Operation", Format.value(results, "operation"))
                .add("Model", Format.value(results, "model") + " version " + Format.value(results, "version")
                        + " in " + Format.value(results, "environment"))
                .add("Mode", Format.value(results, "mode"))
                .add("Repository", new Markup().append(Parts.code(Nodes.text(results, "repository")))
                        .text(", branch ").append(Parts.code(Nodes.text(results, "branch"))))
                .add("Commit", commit(results))
                .add("Push attempts", Format.value(results, "attempts"))
                .add("Promotion-Id", Parts.code(Nodes.text(results, "promotionId")));
        facts.render(out);
    }

    private static Markup commit(final JsonNode results) {
        Markup commit = Parts.code(Nodes.text(results, "commit"));
        if (Nodes.isTrue(results, "committed")) {
            return commit.text(" (made by this run)");
        }
        String already = Nodes.text(results, "alreadyApplied");
        return already == null ? commit : commit.text(" (no commit needed: already applied, by " + already + ")");
    }

    private static void edits(final List<JsonNode> edits, final Markup out) {
        Parts.heading(out, "Changes");
        if (edits.isEmpty()) {
            out.append(Parts.note("No file was changed."));
            return;
        }
        Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
        edits.forEach(edit -> byFile.computeIfAbsent(Nodes.text(edit, "file", "?"), key -> new ArrayList<>())
                .add(edit));
        for (Map.Entry<String, List<JsonNode>> file : byFile.entrySet()) {
            out.open("div", "class", "diff").element("div", file.getKey(), "class", "diff-file");
            for (JsonNode edit : file.getValue()) {
                out.element("div", Format.value(edit, "path"), "class", "diff-path");
                out.open("div", "class", "diff-line old").element("span", "−", "class", "sign", "aria-hidden", "true")
                        .element("del", line(edit, BEFORE), "aria-label", "before")
                        .close("div");
                out.open("div", "class", "diff-line new").element("span", "+", "class", "sign", "aria-hidden", "true")
                        .element("ins", line(edit, AFTER), "aria-label", "after")
                        .close("div");
            }
            out.close("div");
        }
    }

    private static String line(final JsonNode edit, final String field) {
        return edit.hasNonNull(field) ? Nodes.text(edit, field) : "(absent)";
    }

    private static void registry(final JsonNode results, final Markup out) {
        JsonNode alias = results.path("alias");
        JsonNode tags = results.path("tags");
        boolean hasTags = tags.isObject() && !tags.isEmpty();
        if (!alias.isObject() && !hasTags && !results.hasNonNull("stage")) {
            return;
        }
        Parts.heading(out, "Registry");
        Facts facts = new Facts();
        if (alias.isObject()) {
            facts.add("Alias " + Nodes.text(alias, "name", "?"), aliasMove(alias));
        }
        if (hasTags) {
            facts.add("Tags", JsonView.of(tags));
        }
        facts.addIfPresent("Stage", Nodes.text(results, "stage"));
        facts.render(out);
    }

    /** An alias move, {@code 1 → 2}; {@code (none)} where the alias did not exist. */
    static String aliasMove(final JsonNode alias) {
        return Nodes.text(alias, BEFORE, "(none)") + " → " + Nodes.text(alias, AFTER, "(none)");
    }

    private static void pullRequest(final JsonNode pullRequest, final Markup out) {
        if (!pullRequest.isObject()) {
            return;
        }
        Parts.heading(out, "Pull request");
        new Facts().add("Address", Parts.link(Nodes.text(pullRequest, "url")))
                .add("Number", Format.value(pullRequest, "number"))
                .add("Branch", Parts.code(Nodes.text(pullRequest, "branch")))
                .add("Already open", Format.value(pullRequest, "existed"))
                .render(out);
    }

    private static void sync(final JsonNode sync, final Markup out) {
        if (!sync.isObject()) {
            return;
        }
        Parts.heading(out, "Argo CD sync");
        Facts facts = new Facts().add("Application", Format.value(sync, "application"))
                .add("Synced and healthy", Parts.yesNo(sync, "synced"))
                .add("Sync status", Parts.badge(Nodes.text(sync, "syncStatus", Format.NONE)))
                .add("Health", Parts.badge(Nodes.text(sync, "health", Format.NONE)))
                .add("Revision", Parts.code(Nodes.text(sync, "revision")));
        Nodes.number(sync, "waitedMs").ifPresent(waited -> facts.add("Waited", Format.millis((long) waited)));
        if (!Nodes.elements(sync, "messages").isEmpty()) {
            facts.add("Messages", JsonView.of(sync.get("messages")));
        }
        facts.render(out);
    }

    static void timings(final JsonNode timings, final Markup out) {
        if (!timings.isObject() || timings.isEmpty()) {
            return;
        }
        Facts facts = new Facts();
        timings.properties().forEach(timing -> facts.add(timing.getKey(), timing.getValue().isNumber()
                ? Format.millis(timing.getValue().asLong()) : Format.value(timing.getValue())));
        Parts.heading(out, "Timings");
        facts.render(out);
    }
}
