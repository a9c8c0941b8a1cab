package io.mlgitops.cli;

import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;

import java.io.PrintWriter;

/** The human summary of a promotion or rollback record. */
final class PromotionSummary {
    private final Report<PromotionResults> report;

    PromotionSummary(final Report<PromotionResults> report) {
        this.report = report;
    }

    void print(final PrintWriter out) {
        PromotionResults results = report.results();
        String verb = "rollback".equals(results.operation()) ? "Rollback of" : "Promotion of";
        out.printf("%s %s %s in %s (%s, branch %s)%n", verb, results.model(), results.version(),
                results.environment(), results.repository(), results.branch());
        for (AppliedEdit edit : results.edits()) {
            out.printf("  %s %s: %s -> %s%s%n", edit.file(), edit.path(), shown(edit.before()), shown(edit.after()),
                    edit.changed() ? "" : " (unchanged)");
        }
        if (results.commit() != null) {
            out.printf("Commit:  %s%s%n", results.commit(), results.committed()
                    ? " (" + results.attempts() + " attempt" + (results.attempts() == 1 ? ")" : "s)")
                    : results.alreadyApplied() == null ? "" : " (already applied: " + results.alreadyApplied() + ")");
        }
        if (results.pullRequest() != null) {
            out.println("Pull request: " + results.pullRequest().url());
        }
        if (results.alias() != null) {
            out.printf("Alias:   %s %s -> %s%n", results.alias().name(), shown(results.alias().before()),
                    shown(results.alias().after()));
        }
        results.tags().forEach((key, value) -> out.printf("Tag:     %s=%s%n", key, value));
        if (results.sync() != null) {
            out.printf("Argo CD: %s %s/%s%n", results.sync().application(), results.sync().syncStatus(),
                    results.sync().health());
        }
        report.messages().stream().filter(message -> message.level() != Message.Level.INFO)
                .forEach(message -> out.println(message.level() + ": " + message.text()));
        out.println();
        out.println("Result: " + report.status());
    }

    private static String shown(final String value) {
        return value == null ? "(none)" : value;
    }
}
