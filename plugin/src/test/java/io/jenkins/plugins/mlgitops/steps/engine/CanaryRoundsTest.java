package io.jenkins.plugins.mlgitops.steps.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the step's rounds run and when the step ends, on a clock moved by hand (milliseconds). */
class CanaryRoundsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    private static StepOutcome inProgress() {
        return new StepOutcome("canary", CanaryRequest.IN_PROGRESS, null, new LinkedHashMap<>(), new ArrayList<>(),
                new ArrayList<>(List.of("Step 1 of 4, 1% of the traffic to churn:7; next analysis in one interval.")));
    }

    private static StepOutcome ended(final String status) {
        return new StepOutcome("canary", status, "{}", new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
    }

    @Test
    void shouldRunTheFirstRoundAtOnceAndTheNextOnesAnIntervalAfterEachStarted() {
        CanaryRounds rounds = new CanaryRounds(INTERVAL, 1_000);

        assertThat(rounds.delayMillis(1_000)).isZero();
        CanaryRounds.Next next = rounds.afterRound(1_000, 3_500, inProgress());

        assertThat(next.action()).isEqualTo(CanaryRounds.Action.AGAIN);
        assertThat(next.delayMillis()).as("a round that took 2.5 s").isEqualTo(57_500);
        assertThat(rounds.delayMillis(30_000)).isEqualTo(31_000);
        assertThat(rounds.status(30_000)).contains("1 round;", "Step 1 of 4", "next round in 31 s");
    }

    @Test
    void shouldFollowARoundThatTookTheWholeIntervalAtOnce() {
        CanaryRounds rounds = new CanaryRounds(INTERVAL, 0);

        CanaryRounds.Next next = rounds.afterRound(0, 61_200, inProgress());

        assertThat(next.delayMillis()).as("the local router's round waits its interval itself").isZero();
    }

    @Test
    void shouldRunAnOverdueRoundAtOnceAfterARestart() {
        CanaryRounds rounds = new CanaryRounds(INTERVAL, 0);
        rounds.afterRound(0, 1_000, inProgress());

        assertThat(rounds.delayMillis(600_000)).isZero();
    }

    @Test
    void shouldFinishOnAnEndedRolloutOrAnEngineError() {
        CanaryRounds rounds = new CanaryRounds(INTERVAL, 0);

        assertThat(rounds.afterRound(0, 10, ended(StepOutcome.PASSED)).action())
                .isEqualTo(CanaryRounds.Action.FINISH);
        assertThat(rounds.afterRound(0, 10, ended(StepOutcome.FAILED)).action())
                .isEqualTo(CanaryRounds.Action.FINISH);
        assertThat(rounds.afterRound(0, 10, StepOutcome.error("canary", "no router")).action())
                .isEqualTo(CanaryRounds.Action.FINISH);
        assertThat(rounds.rounds()).isEqualTo(3);
    }

    @Test
    void shouldRetryARoundThatCouldNotRunAndGiveUpAfterTheLimitInARow() {
        CanaryRounds rounds = new CanaryRounds(INTERVAL, 0);
        for (int attempt = 1; attempt < CanaryRounds.MAX_UNRUN_ROUNDS; attempt++) {
            CanaryRounds.Next next = rounds.afterUnrunRound(attempt * 60_000L, "agent offline");
            assertThat(next.action()).isEqualTo(CanaryRounds.Action.AGAIN);
            assertThat(next.delayMillis()).isEqualTo(60_000);
        }
        rounds.afterRound(0, 300_000, inProgress());
        for (int attempt = 1; attempt < CanaryRounds.MAX_UNRUN_ROUNDS; attempt++) {
            rounds.afterUnrunRound(400_000, "agent offline");
        }

        CanaryRounds.Next last = rounds.afterUnrunRound(500_000, "agent offline");

        assertThat(last.action()).isEqualTo(CanaryRounds.Action.GIVE_UP);
        assertThat(last.message()).contains("5 rounds in a row could not run", "agent offline", "state is kept");
    }

    @Test
    void shouldRefuseANonPositiveInterval() {
        assertThatThrownBy(() -> new CanaryRounds(Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
