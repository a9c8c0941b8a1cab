package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of {@code mlPromote} and {@code mlRollback} run the real promotion engine against a bare git
 * repository (checked with the git command line). No alias or tag is asked for, so no registry is needed.
 */
class PromoteRequestTest {
    private static final String FILE = "environments/staging/kustomization.yaml";
    private static final String ORIGINAL = """
            # Staging serves the churn model
            resources:
              - ../../base
            images:
              - name: registry.example.com/churn-model
                newTag: v1   # set by mlgitops
            """;
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    @TempDir
    private Path folder;

    private Path workspace;
    private Path git;
    private final List<String> log = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void info(final String line) {
            log.add(line);
        }

        @Override
        public void warn(final String line) {
            log.add("warning: " + line);
        }
    };

    @BeforeEach
    void createRepository() throws Exception {
        GitCli.require();
        workspace = Files.createDirectories(folder.resolve("workspace"));
        git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, ORIGINAL));
    }

    private RepositorySpec repository() {
        return new RepositorySpec(git.toUri().toString(), GitCredentials.NONE, null, true, 10,
                folder.resolve("cache").toString());
    }

    private PromoteRequest promotion() {
        return new PromoteRequest().model("churn-prediction").version("7").environment("staging")
                .repository(repository())
                .edits(List.of(EditSpec.setImage("environments/{{environment}}/kustomization.yaml",
                        "registry.example.com/churn-model", null, "v{{version}}", null)))
                .author("CI Bot <ci@example.com>").report("promotion.json")
                .buildEnvironment(Map.of("BUILD_URL", "https://jenkins.example.com/job/release/7/"));
    }

    @Test
    void shouldPushThePromotionAndReturnItsCommit() {
        StepOutcome outcome = promotion().runMasked(workspace, NO_SECRETS, progress);

        assertThat(outcome.status()).as(outcome.problems().toString()).isEqualTo("PASSED");
        String tip = GitCli.git(git, "rev-parse", "main").strip();
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL.replace("newTag: v1", "newTag: v7"));
        assertThat(GitCli.git(git, "log", "-1", "--format=%an <%ae>%n%B", "main")).contains("CI Bot <ci@example.com>",
                "Promote churn-prediction 7 to staging", "ML-Version: 7",
                "Build-Url: https://jenkins.example.com/job/release/7/");
        assertThat(outcome.kind()).isEqualTo("promotion");
        assertThat(outcome.values()).containsEntry("status", "PASSED").containsEntry("passed", true)
                .containsEntry("operation", "promote").containsEntry("commit", tip)
                .containsEntry("committed", true).containsEntry("environment", "staging")
                .containsEntry("previousVersion", null).containsEntry("newVersion", null)
                .containsEntry("synced", null);
        assertThat((List<?>) outcome.values().get("edits")).singleElement().isEqualTo(Map.of("file", FILE,
                "path", "images[registry.example.com/churn-model].newTag", "before", "v1", "after", "v7"));
        assertThat(outcome.summary()).contains("Commit: " + tip + " (1 attempt)", "Result: PASSED");
        assertThat(outcome.reportJson()).contains("\"kind\" : \"promotion\"");
        assertThat(workspace.resolve("promotion.json")).exists();
    }

    @Test
    void shouldMakeNoSecondCommitWhenRunAgain() {
        promotion().runMasked(workspace, NO_SECRETS, progress);
        String tip = GitCli.git(git, "rev-parse", "main").strip();

        StepOutcome again = promotion().runMasked(workspace, NO_SECRETS, progress);

        assertThat(again.status()).isEqualTo("PASSED");
        assertThat(GitCli.git(git, "rev-parse", "main").strip()).isEqualTo(tip);
        assertThat(again.values()).containsEntry("committed", false).containsEntry("commit", tip)
                .containsEntry("alreadyApplied", "promotion-id");
    }

    @Test
    void shouldRollBackFromTheRecordInTheWorkspace() {
        promotion().runMasked(workspace, NO_SECRETS, progress);

        StepOutcome rolledBack = new RollbackRequest().repository(repository()).record("promotion.json")
                .reason("canary failed").author("CI Bot <ci@example.com>").buildEnvironment(Map.of())
                .runMasked(workspace, NO_SECRETS, progress);

        assertThat(rolledBack.status()).as(rolledBack.problems().toString()).isEqualTo("PASSED");
        assertThat(rolledBack.kind()).isEqualTo("rollback");
        assertThat(rolledBack.values()).containsEntry("operation", "rollback").containsEntry("version", "7");
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL);
        assertThat(GitCli.git(git, "log", "-1", "--format=%B", "main")).contains("Roll back churn-prediction 7",
                "canary failed");
    }

    @Test
    void shouldRollBackTheLatestPromotionOfAModelFoundOnTheBranch() {
        promotion().runMasked(workspace, NO_SECRETS, progress);

        StepOutcome rolledBack = new RollbackRequest().repository(repository()).model("churn-prediction")
                .environment("staging").runMasked(workspace, NO_SECRETS, progress);

        assertThat(rolledBack.status()).as(rolledBack.problems().toString()).isEqualTo("PASSED");
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL);
    }

    @Test
    void shouldFailTheRollbackOfAValueChangedAgainAndSayWhy() {
        promotion().runMasked(workspace, NO_SECRETS, progress);
        promotion().version("8").report("later.json").runMasked(workspace, NO_SECRETS, progress);
        String tip = GitCli.git(git, "rev-parse", "main").strip();

        StepOutcome refused = new RollbackRequest().repository(repository()).record("promotion.json")
                .runMasked(workspace, NO_SECRETS, progress);
        StepVerdict verdict = StepVerdict.of("mlRollback", refused, true);

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.reportJson()).isNotNull();
        assertThat(refused.problems()).isNotEmpty();
        assertThat(verdict.decision()).isEqualTo(StepVerdict.Decision.UNSTABLE);
        assertThat(verdict.message()).startsWith("mlRollback failed: ").contains("v8");
        assertThat(GitCli.git(git, "rev-parse", "main").strip()).isEqualTo(tip);
    }

    @Test
    void shouldRefuseWrongInputsWithAMessageNamingTheParameter() {
        assertThat(promotion().edits(List.of()).runMasked(workspace, NO_SECRETS, progress).problems())
                .containsExactly("mlPromote needs at least one edit: edits: [setImage(...)] or [setValue(...)].");
        assertThat(promotion().mode("merge").runMasked(workspace, NO_SECRETS, progress).problems())
                .containsExactly("mode must be push or pr, got 'merge'");
        assertThat(promotion().mode("pr").runMasked(workspace, NO_SECRETS, progress).problems())
                .containsExactly("mode: 'pr' needs pullRequestProvider: 'github' or 'gitlab'.");
        assertThat(promotion().tags(List.of("novalue")).runMasked(workspace, NO_SECRETS, progress).problems())
                .containsExactly("tags must be KEY=VALUE, got 'novalue'");
        assertThat(promotion().soak("forever").requires("staging").runMasked(workspace, NO_SECRETS, progress)
                .problems()).singleElement().asString().startsWith("soak: ");
        assertThat(promotion().version(" ").runMasked(workspace, NO_SECRETS, progress).problems())
                .containsExactly("mlPromote needs version.");
        assertThat(new PromoteRequest().runMasked(workspace, NO_SECRETS, progress).status()).isEqualTo("ERROR");
        assertThat(new RollbackRequest().repository(repository()).record("p.json").model("m").environment("e")
                .runMasked(workspace, NO_SECRETS, progress).problems()).singleElement().asString()
                .startsWith("mlRollback needs record: 'promotion.json'");
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL);
    }

    @Test
    void shouldCrossTheAgentChannelWithItsCredentials() throws Exception {
        PromoteRequest sent = promotion().repository(new RepositorySpec(git.toUri().toString(),
                GitCredentials.token("gitops", "tok-value-123"), null, true, 10, folder.resolve("cache").toString()));

        PromoteRequest received = GitCredentialsTest.roundTrip(sent);
        StepOutcome outcome = received.runMasked(workspace, NO_SECRETS, progress);

        assertThat(received.secretValues()).containsExactly("tok-value-123");
        assertThat(outcome.status()).as(outcome.problems().toString()).isEqualTo("PASSED");
        assertThat(String.join("\n", log)).doesNotContain("tok-value-123");
    }
}
