package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedRolloutControllerTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    private final SleepingClock clock = new SleepingClock(START);
    private final List<String> asked = new ArrayList<>();

    /** Plays Flagger: one snapshot per poll, the last one repeated. */
    private RolloutWatcher playing(final RolloutSnapshot... snapshots) {
        return new RolloutWatcher() {
            private int next;

            @Override
            public String description() {
                return "Flagger Canary ml/churn";
            }

            @Override
            public RolloutSnapshot snapshot() {
                return snapshots[Math.min(next++, snapshots.length - 1)];
            }

            @Override
            public void promote() {
                asked.add("promote");
            }

            @Override
            public void abort() {
                asked.add("abort");
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private static RolloutSnapshot at(final String phase, final int weight, final RolloutSnapshot.Outcome outcome,
            final String... messages) {
        return new RolloutSnapshot(phase, weight, 0, 0, outcome, null, List.of(messages));
    }

    private Report<CanaryResults> follow(final RolloutWatcher watcher, final Duration timeout, final boolean abort)
            throws MlGitOpsException {
        return new WatchedRolloutController(watcher, "churn:7", Duration.ofSeconds(10), timeout, clock, clock,
                new ReportLog(ProgressListener.NONE)).run(false, abort);
    }

    @Test
    void shouldStreamEveryChangeAndEndWithTheController() throws MlGitOpsException {
        RolloutWatcher flagger = playing(at("Progressing", 10, RolloutSnapshot.Outcome.RUNNING),
                at("Progressing", 10, RolloutSnapshot.Outcome.RUNNING),
                at("Progressing", 20, RolloutSnapshot.Outcome.RUNNING),
                at("Succeeded", 100, RolloutSnapshot.Outcome.SUCCEEDED));

        Report<CanaryResults> report = follow(flagger, Duration.ofMinutes(5), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(report.results().decisions()).extracting(Decision::weight).containsExactly(10, 20, 100);
        assertThat(report.results().steps()).extracting(CanaryResults.StepResult::weight)
                .containsExactly(10, 20, 100);
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .isEqualTo("Flagger Canary ml/churn: phase Progressing, canary 20%"));
    }

    @Test
    void shouldFailWhenTheControllerRollsBack() throws MlGitOpsException {
        Report<CanaryResults> report = follow(playing(at("Progressing", 10, RolloutSnapshot.Outcome.RUNNING),
                at("Failed", 0, RolloutSnapshot.Outcome.FAILED, "Halt advancement request-success-rate 91 < 99")),
                Duration.ofMinutes(5), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().reason()).contains("request-success-rate 91 < 99");
        assertThat(report.results().decisions()).last().extracting(Decision::decision).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldAbortThroughTheControllerOnOurTimeout() throws MlGitOpsException {
        Report<CanaryResults> report = follow(playing(at("Progressing", 10, RolloutSnapshot.Outcome.RUNNING)),
                Duration.ofMinutes(1), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().reason()).contains("did not finish within PT1M");
        assertThat(asked).containsExactly("abort");
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }
}
