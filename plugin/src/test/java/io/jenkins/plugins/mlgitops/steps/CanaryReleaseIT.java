package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.steps.engine.CanaryRounds;
import io.jenkins.plugins.mlgitops.steps.engine.ChurnWorkspace;
import io.jenkins.plugins.mlgitops.steps.engine.EditSpec;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.PromoteRequest;
import io.jenkins.plugins.mlgitops.steps.engine.RepositorySpec;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlCanary} releases end to end on the local router (in-process model servers for the churn example, one-second
 * steps), round by round as its execution runs them, with the execution written to bytes and read back between two
 * rounds as a controller restart does: a failing canary rolled back everywhere after {@code mlPromote} (the revert
 * commit in a bare git repository, checked with the git command line, and the alias moved back in a real MLflow
 * server), and a healthy one promoted on success. The GitOps credential is resolved for each round, as the
 * execution does, and never appears in the program state. Jenkins' timer, context and agent channel are not used.
 */
@ExtendWith(MlflowServerExtension.class)
class CanaryReleaseIT {
    private static final String ROLLED_BACK = "plugin-canary-rolled-back";
    private static final String PROMOTED = "plugin-canary-promoted";
    private static final String IMAGE = "registry.example.com/churn-model";
    private static final String STAGING = "environments/staging/kustomization.yaml";
    private static final String PRODUCTION = "environments/production/kustomization.yaml";
    private static final String MANIFEST = """
            resources:
              - ../../base
            images:
              - name: registry.example.com/churn-model
                newTag: v1   # set by mlgitops
            """;
    private static final String PASSWORD = "gitops-bot-s3cr3t";
    private static final GitCredentials CREDENTIALS = GitCredentials.usernamePassword("gitops-bot", "bot", PASSWORD);
    private static final Map<String, String> BUILD = Map.of("BUILD_URL", "https://jenkins.example.com/job/release/7/");
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    private static MlflowServer mlflow;

    @TempDir
    private Path folder;

    private Path workspace;
    private Path git;
    private final ChurnWorkspace.Lines log = new ChurnWorkspace.Lines();

    @BeforeAll
    static void registerVersions(final MlflowServer started) {
        mlflow = started;
        String champion = example("churn/champion.onnx").toString();
        String candidate = example("churn/candidate.onnx").toString();
        started.register(ROLLED_BACK + "=" + champion + "@staging", ROLLED_BACK + "=" + candidate,
                PROMOTED + "=" + champion + "@production", PROMOTED + "=" + candidate);
    }

    @BeforeEach
    void createRepository() {
        GitCli.require();
        workspace = folder.resolve("workspace");
        git = GitCli.bareRepository(folder, "gitops.git", Map.of(STAGING, MANIFEST, PRODUCTION, MANIFEST));
    }

    /** The repository as the step gives it, with the engine's clones in this test's folder. */
    private RepositorySpec repository() {
        return new RepositorySpec(git.toUri().toString(), GitCredentials.NONE, null, true, 10,
                folder.resolve("cache").toString());
    }

    private MlCanaryStep canary(final String model) throws IOException {
        MlCanaryStep step = LocalCanary.step(workspace);
        step.setCredentialsId("gitops-bot");
        step.setMlflowUrl(mlflow.uri().toString());
        step.setModel(model);
        return step;
    }

    /** Runs the rounds as the execution does, restarting it after the first; returns the last round's outcome. */
    private StepOutcome release(final MlCanaryStep step) throws Exception {
        CanaryExecution execution = new CanaryExecution(null, step.request().repository(repository(),
                step.getCredentialsId(), null, "CI Bot <ci@example.com>", null), false);
        execution.begin(System.currentTimeMillis());
        List<StepOutcome> outcomes = new ArrayList<>();
        CanaryRounds.Next next;
        do {
            long started = System.currentTimeMillis();
            StepOutcome outcome = execution.roundRequest().round(CREDENTIALS, BUILD).runMasked(workspace, NO_SECRETS,
                    log);
            outcomes.add(outcome);
            next = execution.rounds().afterRound(started, System.currentTimeMillis(), outcome);
            assertThat(new String(LocalCanary.serialised(execution), StandardCharsets.ISO_8859_1))
                    .as("the program state").contains("gitops-bot").doesNotContain(PASSWORD);
            if (outcomes.size() == 1) {
                execution = LocalCanary.restart(execution);
            }
        }
        while (next.action() == CanaryRounds.Action.AGAIN && outcomes.size() < 10);
        assertThat(next.action()).isEqualTo(CanaryRounds.Action.FINISH);
        assertThat(String.join("\n", log.lines())).doesNotContain(PASSWORD);
        return outcomes.get(outcomes.size() - 1);
    }

    private static ModelRegistry registry() throws Exception {
        return ModelRegistries.mlflow(mlflow.uri(), NO_SECRETS, HttpSettings.DEFAULTS);
    }

    private String tip() {
        return GitCli.git(git, "rev-parse", "main").strip();
    }

    @Test
    void shouldRollTheFailedCandidateBackInTrafficGitAndTheRegistry() throws Exception {
        MlCanaryStep step = canary(ROLLED_BACK);
        StepOutcome promoted = new PromoteRequest().model(ROLLED_BACK).version("2").environment("staging")
                .repository(repository().withCredentials(CREDENTIALS))
                .edits(List.of(EditSpec.setImage("environments/{{environment}}/kustomization.yaml", IMAGE, null,
                        "v{{version}}", null)))
                .alias("staging").mlflowUrl(mlflow.uri().toString()).author("CI Bot <ci@example.com>")
                .report("reports/promotion.json").buildEnvironment(BUILD).runMasked(workspace, NO_SECRETS, log);
        assertThat(promoted.status()).as(promoted.problems().toString()).isEqualTo(StepOutcome.PASSED);
        String promotion = tip();
        assertThat(registry().getVersionByAlias(ROLLED_BACK, "staging").version()).isEqualTo("2");
        step.setInjectErrorRate(0.5);
        step.setRollbackMode("full");
        step.setRollbackRecord("reports/promotion.json");
        step.setReport("reports/canary.json");

        StepOutcome ended = release(step);

        assertThat(ended.status()).as(ended.problems().toString()).isEqualTo(StepOutcome.FAILED);
        assertThat(ended.values()).containsEntry("outcome", "ROLLED_BACK").containsEntry("finalWeight", 0)
                .containsEntry("rollbackCommit", tip()).containsEntry("promotionCommit", null);
        assertThat(tip()).isNotEqualTo(promotion);
        assertThat(GitCli.show(git, STAGING)).isEqualTo(MANIFEST);
        assertThat(GitCli.git(git, "log", "-1", "--format=%an <%ae>%n%B", "main")).contains(
                "CI Bot <ci@example.com>", "Roll back " + ROLLED_BACK + " 2 in staging",
                "Build-Url: https://jenkins.example.com/job/release/7/");
        assertThat(registry().getVersionByAlias(ROLLED_BACK, "staging").version()).isEqualTo("1");
        assertThat(registry().getVersion(ROLLED_BACK, "2").tags().get("mlgitops.rejected"))
                .contains("canary of onnx:models/candidate.onnx failed");
        assertThat(ended.summary()).contains("Rolled back in git: " + tip());
        assertThat(Files.readString(workspace.resolve("reports/canary.json"))).contains("\"commit\" : \"" + tip());
    }

    @Test
    void shouldPromoteTheHealthyCandidateWhenItTookAllTraffic() throws Exception {
        String seed = tip();
        MlCanaryStep step = canary(PROMOTED);
        step.setPromoteOnSuccess(true);
        step.setVersion("2");
        step.setEnvironment("production");
        step.setAlias("production");
        SetImageEdit image = new SetImageEdit("environments/{{environment}}/kustomization.yaml", IMAGE);
        image.setTag("v{{version}}");
        step.setPromoteEdits(List.of(image));

        StepOutcome ended = release(step);

        assertThat(ended.status()).as(ended.problems().toString()).isEqualTo(StepOutcome.PASSED);
        assertThat(ended.values()).containsEntry("outcome", "PROMOTED").containsEntry("steps", List.of(50, 100))
                .containsEntry("finalWeight", 0).containsEntry("promotionCommit", tip())
                .containsEntry("rollbackCommit", null);
        assertThat(tip()).isNotEqualTo(seed);
        assertThat(GitCli.show(git, PRODUCTION)).isEqualTo(MANIFEST.replace("newTag: v1", "newTag: v2"));
        assertThat(GitCli.show(git, STAGING)).isEqualTo(MANIFEST);
        assertThat(GitCli.git(git, "log", "-1", "--format=%B", "main")).contains(
                "Promote " + PROMOTED + " 2 to production");
        assertThat(registry().getVersionByAlias(PROMOTED, "production").version()).isEqualTo("2");
        assertThat(ended.summary()).contains("Promoted in git: " + tip());
    }
}
