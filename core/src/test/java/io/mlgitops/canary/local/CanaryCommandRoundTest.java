package io.mlgitops.canary.local;

import io.mlgitops.api.CanaryCommand;
import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.CanaryOutcome;
import io.mlgitops.canary.CanaryProgress;
import io.mlgitops.canary.CheckSpecs;
import io.mlgitops.canary.Faults;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CanaryCommand#advance()} on the local router: each call is a new command, as a separate process (or a Jenkins
 * round on an agent) would make it, and the rollout goes on through the state file.
 */
class CanaryCommandRoundTest {
    @TempDir
    private Path folder;

    private CanaryCommand command() {
        CanaryRouting.Local local = new CanaryRouting.Local("onnx:" + TestEnvironment.example("churn/champion.onnx"),
                "onnx:" + TestEnvironment.example("churn/candidate.onnx"), TestEnvironment.example("churn/test.csv"),
                "churned", List.of(), 200, folder.resolve("state.json"), Faults.NONE);
        return MlGitOps.canary().candidate("churn:candidate").routing(local).steps(List.of(50, 100))
                .stepDuration(Duration.ofSeconds(1)).analysisInterval(Duration.ofSeconds(1)).minSamples(20)
                .check(CheckSpecs.parseCheck("request-success-rate:min=99",
                        name -> BuiltInChecks.find(name).orElse(null)));
    }

    @Test
    void shouldAdvanceALocalRolloutOneRoundPerCommand() throws MlGitOpsException {
        CanaryProgress first = command().advance();

        assertThat(first.ended()).isFalse();
        assertThat(first.weight()).isEqualTo(50);
        assertThat(folder.resolve("state.json")).exists();

        CanaryProgress progress = first;
        int rounds = 0;
        while (!progress.ended() && rounds++ < 10) {
            progress = command().advance(true);
            assertThat(progress.decisions()).as("each later round analyses once").hasSize(1);
        }

        assertThat(progress.report().orElseThrow().results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(progress.report().orElseThrow().results().steps()).hasSize(2);
        assertThat(folder.resolve("state.json")).doesNotExist();
        assertThatThrownBy(() -> command().advance(true)).isInstanceOf(InputException.class)
                .hasMessageContaining("No rollout of churn:candidate is stored");
    }

    @Test
    void shouldRefuseARoundOfADryRunOrAnAbort() {
        assertThatThrownBy(() -> command().dryRun(true).advance()).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("dry run");
        assertThatThrownBy(() -> command().abort(true).advance()).isInstanceOf(InvalidSettingsException.class);
        assertThat(folder.resolve("state.json")).doesNotExist();
    }
}
