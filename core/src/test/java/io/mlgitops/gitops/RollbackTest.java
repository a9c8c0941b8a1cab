package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import io.mlgitops.report.Status;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.mlgitops.gitops.PromotionTest.CLOCK;
import static io.mlgitops.gitops.PromotionTest.KUSTOMIZATION;
import static io.mlgitops.gitops.PromotionTest.ORIGINAL;
import static io.mlgitops.gitops.PromotionTest.imageEdit;
import static io.mlgitops.gitops.PromotionTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackTest {
    private final InMemoryRepository repository = new InMemoryRepository(Map.of(KUSTOMIZATION, ORIGINAL));
    private final InMemoryRegistry registry = new InMemoryRegistry("churn", "6", "7").alias("staging", "6");

    private Report<PromotionResults> promote() throws MlGitOpsException {
        return new Promotion(settings("7", imageEdit(), "staging", null, null, false), repository, "file:///gitops",
                Optional.of(registry), Optional.empty(), Optional.empty(), ProgressListener.NONE, CLOCK).run();
    }

    private Report<PromotionResults> rollback(final RollbackSource source) throws MlGitOpsException {
        RollbackSettings settings = new RollbackSettings(source, "main", "canary failed",
                RollbackSettings.DEFAULT_MESSAGE, "Jenkins", "jenkins@example.com", null);
        return new Rollback(settings, repository, "file:///gitops", Optional.of(registry), ProgressListener.NONE,
                CLOCK).run();
    }

    private static RollbackSource.Recorded record(final Report<PromotionResults> promotion) throws InputException {
        return RollbackSource.fromRecord(new ReportJson().toTree(promotion), "promotion.json");
    }

    @Test
    void shouldRestoreTheFileMoveTheAliasBackAndRejectTheVersion() throws MlGitOpsException {
        Report<PromotionResults> promotion = promote();

        Report<PromotionResults> rollback = rollback(record(promotion));

        assertThat(rollback.status()).isEqualTo(Status.PASSED);
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(ORIGINAL);
        assertThat(repository.lastMessage()).startsWith("Roll back churn 7 in staging\n\nReason: canary failed")
                .contains("Rollback-Of: " + promotion.results().promotionId());
        assertThat(registry.aliasTarget("staging")).isEqualTo("6");
        assertThat(registry.tagsOf("7")).containsEntry("mlgitops.rejected", "canary failed");
        assertThat(rollback.results().operation()).isEqualTo("rollback");
        assertThat(rollback.results().alias()).isEqualTo(new PromotionResults.AliasChange("staging", "7", "6"));
        assertThat(rollback.results().edits()).singleElement().satisfies(edit -> {
            assertThat(edit.before()).isEqualTo("v7");
            assertThat(edit.after()).isEqualTo("v6");
        });
    }

    @Test
    void shouldFindThePromotionInGitHistory() throws MlGitOpsException {
        promote();

        Report<PromotionResults> rollback = rollback(new RollbackSource.Previous("churn", "staging"));

        assertThat(rollback.status()).isEqualTo(Status.PASSED);
        assertThat(rollback.results().version()).isEqualTo("7");
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(ORIGINAL);
        assertThat(registry.aliasTarget("staging")).isEqualTo("6");
    }

    @Test
    void shouldMakeNoSecondCommitWhenRunTwice() throws MlGitOpsException {
        RollbackSource.Recorded source = record(promote());
        rollback(source);
        int commits = repository.commitCount();

        Report<PromotionResults> again = rollback(source);

        assertThat(repository.commitCount()).isEqualTo(commits);
        assertThat(again.results().alreadyApplied()).isEqualTo("promotion-id");
    }

    @Test
    void shouldNotUndoALaterChange() throws MlGitOpsException {
        RollbackSource.Recorded source = record(promote());
        repository.anotherWriterPushes(Map.of(KUSTOMIZATION, ORIGINAL.replace("newTag: v6", "newTag: v8")));
        repository.commit("main", tip -> Map.of(), new CommitMessage("noop", Map.of(), "a", "a@b"));

        Report<PromotionResults> rollback = rollback(source);

        assertThat(rollback.status()).isEqualTo(Status.FAILED);
        assertThat(repository.file(KUSTOMIZATION)).contains("newTag: v8");
        assertThat(rollback.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("was changed after the promotion", "'v7'", "'v8'"));
    }

    @Test
    void shouldLeaveAnAliasThatMovedOnAlone() throws MlGitOpsException {
        RollbackSource.Recorded source = record(promote());
        registry.alias("staging", "6");

        Report<PromotionResults> rollback = rollback(source);

        assertThat(registry.aliasTarget("staging")).isEqualTo("6");
        assertThat(rollback.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("points at 6, not at the rolled-back version 7"));
    }

    @Test
    void shouldRollBackAPromotionWhoseSyncFailedAfterItLanded() throws MlGitOpsException {
        Report<PromotionResults> landed = promote();
        Report<PromotionResults> syncFailed = new Report<>(landed.schemaVersion(), landed.kind(), Status.FAILED,
                landed.startedAt(), landed.finishedAt(), landed.subject(), landed.inputs(), landed.results(),
                landed.messages(), "");

        Report<PromotionResults> rollback = rollback(record(syncFailed));

        assertThat(rollback.status()).isEqualTo(Status.PASSED);
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(ORIGINAL);
    }

    @Test
    void shouldRefuseARecordWithoutCommit() throws MlGitOpsException {
        InMemoryRegistry rejecting = new InMemoryRegistry("churn", "7").tag("7", "mlgitops.rejected", "bad");
        Report<PromotionResults> refused = new Promotion(settings("7", imageEdit(), null, null, null, false),
                repository, "file:///gitops", Optional.of(rejecting), Optional.empty(), Optional.empty(),
                ProgressListener.NONE, CLOCK).run();

        assertThatThrownBy(() -> record(refused)).hasMessageContaining("made no commit (status FAILED)");
    }

    @Test
    void shouldRefuseARecordThatIsNotAPromotion() {
        assertThatThrownBy(() -> RollbackSource.fromRecord(new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("kind", "benchmark"), "report.json"))
                .hasMessageContaining("report.json is not a promotion record");
    }
}
