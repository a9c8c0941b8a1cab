package io.mlgitops.gitops;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionTest {
    static final String KUSTOMIZATION = "environments/staging/kustomization.yaml";
    static final String VALUES = "environments/staging/values.yaml";
    static final String ORIGINAL = """
            # staging
            resources:
              - ../../base
            images:
              - name: registry.example.com/churn-model   # the serving image
                newTag: v6
            """;
    static final String PROMOTED = ORIGINAL.replace("newTag: v6", "newTag: v7");
    static final String VALUES_FILE = "model:\n  name: churn\n  version: \"6\"  # keep quoted\nreplicas: 2\n";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final InMemoryRepository repository = new InMemoryRepository(Map.of(KUSTOMIZATION, ORIGINAL,
            VALUES, VALUES_FILE));

    static PromotionSettings settings(final String version, final List<ManifestEdit> edits, final String alias,
            final String requires, final Duration soak, final boolean pullRequest) {
        return settings(version, edits, alias, Map.of(), requires, soak, pullRequest);
    }

    static PromotionSettings settings(final String version, final List<ManifestEdit> edits, final String alias,
            final Map<String, String> tags, final String requires, final Duration soak, final boolean pullRequest) {
        return new PromotionSettings("churn", version, "staging", "main", edits, pullRequest,
                PromotionSettings.DEFAULT_PULL_REQUEST_BRANCH, alias, tags,
                null, requires, soak, false, null, PromotionSettings.DEFAULT_SYNC_TIMEOUT, null,
                PromotionSettings.DEFAULT_MESSAGE, "Jenkins", "jenkins@example.com", "https://ci/job/1/", null);
    }

    static List<ManifestEdit> imageEdit() {
        return List.of(new ManifestEdit.SetImage("environments/{{environment}}/kustomization.yaml",
                "registry.example.com/churn-model", null, "v{{version}}", null));
    }

    private Report<PromotionResults> promote(final PromotionSettings settings, final ModelRegistry registry)
            throws MlGitOpsException {
        return new Promotion(settings, repository, "file:///gitops", Optional.ofNullable(registry), Optional.empty(),
                Optional.empty(), ProgressListener.NONE, CLOCK).run();
    }

    @Test
    void shouldEditCommitAndRecordThePromotion() throws MlGitOpsException {
        InMemoryRegistry registry = new InMemoryRegistry("churn", "6", "7").alias("staging", "6");

        Report<PromotionResults> report = promote(settings("7", imageEdit(), "staging",
                Map.of("validated-by", "build-{{version}}"), null, null, false), registry);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(PROMOTED);
        assertThat(repository.lastMessage()).startsWith("Promote churn 7 to staging\n\nEdit: ")
                .contains("\"before\":\"v6\",\"after\":\"v7\"", "ML-Model: churn\n", "ML-Version: 7\n",
                        "ML-Environment: staging\n", "ML-Alias: staging\n", "ML-Previous-Version: 6\n",
                        "Promotion-Id: " + report.results().promotionId() + "\n", "Build-Url: https://ci/job/1/\n");
        PromotionResults results = report.results();
        assertThat(results.committed()).isTrue();
        assertThat(results.attempts()).isEqualTo(1);
        assertThat(results.edits()).singleElement().satisfies(edit -> {
            assertThat(edit.file()).isEqualTo(KUSTOMIZATION);
            assertThat(edit.before()).isEqualTo("v6");
            assertThat(edit.after()).isEqualTo("v7");
        });
        assertThat(results.alias()).isEqualTo(new PromotionResults.AliasChange("staging", "6", "7"));
        assertThat(registry.aliasTarget("staging")).isEqualTo("7");
        assertThat(registry.tagsOf("7")).containsEntry("validated-by", "build-7")
                .containsEntry("mlgitops.promoted.staging",
                        "{\"commit\":\"" + results.commit() + "\",\"time\":\"2026-11-28T12:00:00Z\"}");
        assertThat(report.kind()).isEqualTo("promotion");
    }

    @Test
    void shouldMakeNoSecondCommitForTheSamePromotion() throws MlGitOpsException {
        promote(settings("7", imageEdit(), null, null, null, false), null);
        int commits = repository.commitCount();

        Report<PromotionResults> again = promote(settings("7", imageEdit(), null, null, null, false), null);

        assertThat(repository.commitCount()).isEqualTo(commits);
        assertThat(again.status()).isEqualTo(Status.PASSED);
        assertThat(again.results().alreadyApplied()).isEqualTo("promotion-id");
        assertThat(again.results().edits()).extracting(AppliedEdit::after).containsExactly("v7");
    }

    @Test
    void shouldMakeNoEmptyCommitWhenTheFilesHoldTheValues() throws MlGitOpsException {
        Report<PromotionResults> report = promote(settings("6", imageEdit(), null, null, null, false), null);

        assertThat(repository.commitCount()).isEqualTo(1);
        assertThat(report.results().committed()).isFalse();
        assertThat(report.results().alreadyApplied()).isEqualTo("values");
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("already hold the values"));
    }

    @Test
    void shouldReapplyTheEditsWhenAnotherWriterPushedOtherKeys() throws MlGitOpsException {
        repository.anotherWriterPushes(Map.of(VALUES, VALUES_FILE.replace("replicas: 2", "replicas: 5")));
        List<ManifestEdit> edits = new ArrayList<>(imageEdit());
        edits.add(new ManifestEdit.SetValue(VALUES, DocumentSelector.ONLY, "model.version", "{{version}}"));

        Report<PromotionResults> report = promote(settings("7", edits, null, null, null, false), null);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.results().attempts()).isEqualTo(2);
        assertThat(repository.file(VALUES)).isEqualTo("model:\n  name: churn\n  version: \"7\"  # keep quoted\n"
                + "replicas: 5\n");
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(PROMOTED);
    }

    @Test
    void shouldStopInsteadOfOverwritingSomeoneElsesValue() throws MlGitOpsException {
        repository.anotherWriterPushes(Map.of(KUSTOMIZATION, ORIGINAL.replace("newTag: v6", "newTag: v8")));
        int commitsBefore = repository.commitCount();

        Report<PromotionResults> report = promote(settings("7", imageEdit(), null, null, null, false), null);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(repository.commitCount()).isEqualTo(commitsBefore + 1);
        assertThat(repository.file(KUSTOMIZATION)).contains("newTag: v8");
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("changed by someone else", "it was 'v6'", "is now 'v8'", "this promotion sets 'v7'"));
    }

    @Test
    void shouldRefuseARejectedVersion() throws MlGitOpsException {
        InMemoryRegistry registry = new InMemoryRegistry("churn", "7").tag("7", "mlgitops.rejected", "canary failed");

        Report<PromotionResults> report = promote(settings("7", imageEdit(), null, null, null, false), registry);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(repository.commitCount()).isEqualTo(1);
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("mlgitops.rejected", "canary failed", "--allow-rejected"));
    }

    @Test
    void shouldRequireAPromotionToTheEarlierEnvironmentLongEnoughAgo() throws MlGitOpsException {
        InMemoryRegistry neverInDev = new InMemoryRegistry("churn", "7");
        InMemoryRegistry tooRecent = new InMemoryRegistry("churn", "7").tag("7", "mlgitops.promoted.dev",
                "{\"commit\":\"abc\",\"time\":\"2026-11-28T11:00:00Z\"}");
        InMemoryRegistry soaked = new InMemoryRegistry("churn", "7").tag("7", "mlgitops.promoted.dev",
                "{\"commit\":\"abc\",\"time\":\"2026-11-27T11:00:00Z\"}");

        Report<PromotionResults> never = promote(settings("7", imageEdit(), null, "dev", Duration.ofHours(24),
                false), neverInDev);
        Report<PromotionResults> recent = promote(settings("7", imageEdit(), null, "dev", Duration.ofHours(24),
                false), tooRecent);

        assertThat(never.status()).isEqualTo(Status.FAILED);
        assertThat(never.messages().get(0).text()).contains("never promoted to dev");
        assertThat(recent.status()).isEqualTo(Status.FAILED);
        assertThat(recent.messages().get(0).text()).contains("promoted to dev 1h ago", "--soak requires 1d");
        assertThat(promote(settings("7", imageEdit(), null, "dev", Duration.ofHours(24), false), soaked).status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void shouldOpenAPullRequestInsteadOfPushing() throws MlGitOpsException {
        List<String> opened = new ArrayList<>();
        PullRequestOpener opener = (head, base, title, body) -> {
            opened.add(head + " -> " + base + ": " + title);
            return new PromotionResults.PullRequestRecord("https://git.example.com/pr/12", 12, head, false);
        };
        PromotionSettings settings = settings("7", imageEdit(), null, null, null, true);

        Report<PromotionResults> report = new Promotion(settings, repository, "file:///gitops", Optional.empty(),
                Optional.empty(), Optional.of(opener), ProgressListener.NONE, CLOCK).run();

        assertThat(opened).containsExactly("mlgitops/staging/churn-7 -> main: Promote churn 7 to staging");
        assertThat(report.results().mode()).isEqualTo("pr");
        assertThat(report.results().pullRequest().url()).isEqualTo("https://git.example.com/pr/12");
        assertThat(repository.file(KUSTOMIZATION)).isEqualTo(ORIGINAL);
    }

    /** Argo CD as a test double: reports one revision, synced and healthy, and asks whether it includes ours. */
    private static ApplicationSync argoReporting(final String reported) {
        return new ApplicationSync() {
            @Override
            public SyncOutcome await(final String application, final String revision, final RevisionCheck includes,
                    final Duration timeout, final ProgressListener progress) throws MlGitOpsException {
                SyncOutcome.Ending ending = includes.includes(reported) ? SyncOutcome.Ending.SYNCED
                        : SyncOutcome.Ending.TIMED_OUT;
                return new SyncOutcome(application, ending, "Synced", "Healthy", List.of(reported), null, null,
                        null, List.of(), List.of(), Duration.ofSeconds(3));
            }

            @Override
            public List<IgnoredDifference> ignoredDifferences(final String application) {
                return List.of();
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private Report<PromotionResults> promoteAndWait(final ApplicationSync argo) throws MlGitOpsException {
        PromotionSettings base = settings("7", imageEdit(), null, null, null, false);
        PromotionSettings waiting = new PromotionSettings(base.model(), base.version(), base.environment(),
                base.branch(), base.edits(), false, base.pullRequestBranch(), null, Map.of(), null, null, null, false,
                "churn-staging", Duration.ofMinutes(1), null, base.messageTemplate(), base.authorName(),
                base.authorEmail(), null, null);
        return new Promotion(waiting, repository, "file:///gitops", Optional.empty(), Optional.of(argo),
                Optional.empty(), ProgressListener.NONE, CLOCK).run();
    }

    @Test
    void shouldAcceptALaterCommitThatContainsOurs() throws MlGitOpsException {
        Report<PromotionResults> report = promoteAndWait(argoReporting("c1"));
        repository.commit("main", tip -> Map.of(VALUES, "replicas: 9\n".getBytes(StandardCharsets.UTF_8)),
                new CommitMessage("later", Map.of(), "a", "a@b"));

        Report<PromotionResults> laterCommit = promoteAndWait(argoReporting("c2"));

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.results().sync().synced()).isTrue();
        assertThat(laterCommit.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void shouldFailWhenArgoCdNeverAppliesOurCommit() throws MlGitOpsException {
        Report<PromotionResults> report = promoteAndWait(argoReporting("c0"));

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.results().sync().synced()).isFalse();
        assertThat(report.results().sync().revision()).isEqualTo("c0");
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("Argo CD did not apply", "churn-staging"));
    }

    @Test
    void shouldAskForTheRegistryWhenAnAliasIsToBeMoved() {
        assertThatThrownBy(() -> promote(settings("7", imageEdit(), "staging", null, null, false), null))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--mlflow-url");
    }
}
