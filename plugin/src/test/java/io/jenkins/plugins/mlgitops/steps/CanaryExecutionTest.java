package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.steps.engine.CanaryRequest;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRound;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRounds;
import io.jenkins.plugins.mlgitops.steps.engine.ChurnWorkspace;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state of {@code mlCanary}'s execution survives Java serialisation (what Pipeline writes to the build's
 * program state), and an execution read back continues the rollout where it was instead of starting it again: a
 * controller restart played on the local router (in-process model servers for the churn example, one-second steps).
 * Each round runs here what {@code AgentEngineCallable} runs on the agent; Jenkins' timer and context are not used.
 */
class CanaryExecutionTest {
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    @TempDir
    private Path workspace;

    private MlCanaryStep step() throws Exception {
        return LocalCanary.step(workspace);
    }

    /** One round as the agent runs it, and the execution's decision after it. */
    private static CanaryRounds.Next round(final CanaryExecution execution, final Path workspace,
            final ChurnWorkspace.Lines lines, final List<StepOutcome> outcomes) {
        long started = System.currentTimeMillis();
        StepOutcome outcome = execution.roundRequest().round(GitCredentials.NONE, Map.of())
                .runMasked(workspace, NO_SECRETS, lines);
        outcomes.add(outcome);
        return execution.rounds().afterRound(started, System.currentTimeMillis(), outcome);
    }

    @Test
    void shouldContinueTheRolloutWhereItWasAfterARestart() throws Exception {
        CanaryExecution execution = new CanaryExecution(null, step().request(), false);
        execution.begin(System.currentTimeMillis());
        ChurnWorkspace.Lines before = new ChurnWorkspace.Lines();
        List<StepOutcome> outcomes = new ArrayList<>();

        assertThat(round(execution, workspace, before, outcomes).action()).isEqualTo(CanaryRounds.Action.AGAIN);
        assertThat(outcomes.get(0).values()).containsEntry("step", 1).containsEntry("weight", 50);
        String stored = Files.readString(workspace.resolve("canary-state.json"));
        assertThat(stored).contains("\"weight\":50");

        CanaryExecution resumed = LocalCanary.restart(execution);

        assertThat(resumed).isNotSameAs(execution);
        assertThat(resumed.rounds().rounds()).isEqualTo(1);
        assertThat(resumed.isStopping()).isFalse();
        ChurnWorkspace.Lines after = new ChurnWorkspace.Lines();
        CanaryRounds.Next next;
        int rounds = 0;
        do {
            next = round(resumed, workspace, after, outcomes);
            rounds++;
        }
        while (next.action() == CanaryRounds.Action.AGAIN && rounds < 10);

        assertThat(next.action()).isEqualTo(CanaryRounds.Action.FINISH);
        StepOutcome last = outcomes.get(outcomes.size() - 1);
        assertThat(last.status()).as(String.join("\n", after.lines())).isEqualTo(StepOutcome.PASSED);
        assertThat(last.values()).containsEntry("outcome", "PROMOTED").containsEntry("finalWeight", 100)
                .containsEntry("steps", List.of(50, 100));
        assertThat(before.lines()).anySatisfy(line -> assertThat(line).startsWith("Step 1 of 2: 50%"));
        assertThat(after.lines()).as("the first step is not entered again")
                .noneMatch(line -> line.startsWith("Step 1"))
                .anySatisfy(line -> assertThat(line).startsWith("Step 2 of 2: 100%"))
                .anySatisfy(line -> assertThat(line).contains("request-success-rate", "PASS"));
        assertThat(last.reportJson()).as("the report holds the steps run before the restart")
                .contains("\"weight\" : 50");
        assertThat(workspace.resolve("canary-state.json")).doesNotExist();
    }

    @Test
    void shouldKeepTheRequestAndTheStopFlagAcrossSerialisation() throws Exception {
        CanaryExecution execution = new CanaryExecution(null, step().request(), true);
        execution.begin(1_000);

        CanaryExecution resumed = LocalCanary.restart(execution);

        assertThat(resumed.request().interval()).hasSeconds(1);
        assertThat(resumed.rounds().delayMillis(1_000)).isZero();
        assertThat(resumed.roundRequest().isAbort()).isFalse();
        assertThat(resumed.request().aborting().isAbort()).isTrue();
        assertThat(resumed.getStatus()).contains("0 rounds");
    }

    @Test
    void shouldKeepNoSecretInTheProgramStateAndSendItWithEachRoundOnly() throws Exception {
        String password = "s3cr3t-gitops-password";
        MlCanaryStep step = step();
        step.setRepository(workspace.resolve("gitops.git").toString());
        step.setCredentialsId("gitops-bot");
        step.setRollbackRecord("promotion.json");
        CanaryExecution execution = new CanaryExecution(null, step.request(), false);
        execution.begin(System.currentTimeMillis());
        GitCredentials resolved = GitCredentials.usernamePassword("gitops-bot", "bot", password);
        CanaryRound round = execution.roundRequest().round(resolved, Map.of("BUILD_URL", "https://ci/job/7/",
                "MLFLOW_TRACKING_PASSWORD", "not-taken"));
        ChurnWorkspace.Lines lines = new ChurnWorkspace.Lines();

        assertThat(new String(LocalCanary.serialised(round), StandardCharsets.ISO_8859_1)).as("the round carries it")
                .contains(password).doesNotContain("not-taken");
        assertThat(round.secretValues()).containsExactly(password);
        assertThat(execution.request().credentialsId()).isEqualTo("gitops-bot");
        StepOutcome first = round.runMasked(workspace, NO_SECRETS, lines);
        execution.rounds().afterRound(System.currentTimeMillis(), System.currentTimeMillis(), first);
        String state = new String(LocalCanary.serialised(execution), StandardCharsets.ISO_8859_1);

        assertThat(first.status()).as(first.problems().toString()).isEqualTo(CanaryRequest.IN_PROGRESS);
        assertThat(state).as("the program state").contains("gitops-bot").doesNotContain(password);
        assertThat(new String(LocalCanary.serialised(execution.request().aborting()), StandardCharsets.ISO_8859_1))
                .as("the abort's request").doesNotContain(password);
        assertThat(LocalCanary.restart(execution).roundRequest().credentialsId()).isEqualTo("gitops-bot");
        assertThat(String.join("\n", lines.lines())).doesNotContain(password);
    }
}
