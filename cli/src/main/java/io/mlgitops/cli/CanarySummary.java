package io.mlgitops.cli;

import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.Decision;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;

import java.io.PrintWriter;
import java.time.Duration;

/** The human summary of a canary report: steps, failed decisions, rollback, outcome. */
final class CanarySummary {
    private final Report<CanaryResults> report;

    CanarySummary(final Report<CanaryResults> report) {
        this.report = report;
    }

    void print(final PrintWriter out) {
        CanaryResults results = report.results();
        out.printf("Canary of %s on %s%s%n", results.candidate(), results.router(),
                results.dryRun() ? " (dry run)" : "");
        for (CanaryResults.StepResult step : results.steps()) {
            long failed = step.decisions().stream().filter(decision -> decision.decision().name().equals("FAIL"))
                    .count();
            out.printf("  %3d%%  %s%s  %d analyses%s%n", step.weight(), step.startedAt(),
                    step.endedAt() == null ? "" : " (" + duration(Duration.between(step.startedAt(), step.endedAt()))
                            + ")", step.decisions().size(), failed == 0 ? "" : ", " + failed + " failed");
        }
        results.decisions().stream().filter(decision -> !"PASS".equals(decision.decision().name()))
                .map(Decision::line).forEach(line -> out.println("  " + line));
        if (results.rollback() != null) {
            CanaryResults.RollbackResult rollback = results.rollback();
            out.printf("Rollback: traffic %d%%%s%s%s%n", rollback.traffic(),
                    rollback.commit() == null ? "" : ", commit " + rollback.commit(),
                    rollback.alias() == null ? "" : ", alias " + rollback.alias().name() + " back to "
                            + rollback.alias().after(),
                    rollback.rejected() == null ? "" : ", candidate tagged mlgitops.rejected");
        }
        report.messages().stream().filter(message -> message.level() != Message.Level.INFO)
                .forEach(message -> out.println(message.level() + ": " + message.text()));
        out.println();
        out.println("Result: " + results.outcome() + " (" + results.reason() + "), final weight "
                + results.finalWeight() + "%");
    }

    private static String duration(final Duration duration) {
        return duration.toMinutes() > 0 ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s"
                : duration.toSeconds() + "s";
    }
}
