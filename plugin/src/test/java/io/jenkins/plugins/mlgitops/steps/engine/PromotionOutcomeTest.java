package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A promotion record becomes the map a scripted Pipeline gets, the summary lines and the reasons of a failure. */
class PromotionOutcomeTest {
    private static Report<PromotionResults> report(final Status status, final List<Message> messages) {
        PromotionResults results = new PromotionResults("promote", "churn", "7", "production", "push", "p-1",
                "https://git.example.com/m.git", "main", "abc123", true, null, 2,
                List.of(new AppliedEdit("k.yaml", "images[churn].newTag", "v6", "v7")),
                new PromotionResults.AliasChange("champion", "6", "7"), Map.of("validated", "yes"), null,
                new PromotionResults.PullRequestRecord("https://git.example.com/m/pull/3", 3, "mlgitops/x", false),
                new PromotionResults.SyncRecord("churn-prod", false, "OutOfSync", "Degraded", "abc123",
                        List.of("pod crash"), 5000), Map.of("push", 120L));
        return new Report<>(Report.SCHEMA_VERSION, "promotion", status, "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z", Map.of(), Map.of(), results, messages, null);
    }

    @Test
    void shouldReturnTheCommitAndTheAliasBeforeAndAfter() {
        StepOutcome outcome = Outcomes.promotion("promotion", report(Status.PASSED, List.of()), "{}");

        assertThat(outcome.values()).containsEntry("commit", "abc123").containsEntry("alias", "champion")
                .containsEntry("previousVersion", "6").containsEntry("newVersion", "7")
                .containsEntry("pullRequest", "https://git.example.com/m/pull/3").containsEntry("synced", false)
                .containsEntry("attempts", 2).containsEntry("passed", true);
        assertThat(outcome.summary()).containsExactly(
                "Promotion of churn 7 in production (https://git.example.com/m.git, branch main)",
                "  k.yaml images[churn].newTag: v6 -> v7", "Commit: abc123 (2 attempts)",
                "Pull request: https://git.example.com/m/pull/3", "Alias: champion 6 -> 7",
                "Argo CD: churn-prod OutOfSync/Degraded", "Result: PASSED");
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void shouldGiveTheEngineErrorsAsTheReasonsOfAFailure() {
        StepOutcome outcome = Outcomes.promotion("promotion", report(Status.FAILED, List.of(
                Message.info("fetched"), Message.warning("slow remote"), Message.error("Argo CD: Degraded"))), "{}");
        StepOutcome warnedOnly = Outcomes.promotion("promotion", report(Status.FAILED, List.of(
                Message.warning("version 7 is tagged mlgitops.rejected"))), "{}");

        assertThat(outcome.problems()).containsExactly("Argo CD: Degraded");
        assertThat(outcome.summary()).contains("WARNING: slow remote", "ERROR: Argo CD: Degraded", "Result: FAILED")
                .doesNotContain("INFO: fetched");
        assertThat(warnedOnly.problems()).containsExactly("version 7 is tagged mlgitops.rejected");
    }
}
