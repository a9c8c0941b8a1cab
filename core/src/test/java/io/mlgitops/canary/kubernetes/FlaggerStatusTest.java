package io.mlgitops.canary.kubernetes;

import io.mlgitops.canary.RolloutSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How Flagger's step plans map to steps done and step count. */
class FlaggerStatusTest {
    private static RolloutSnapshot snapshot(final String analysis, final String status) {
        return FlaggerStatus.snapshot(MockCluster.json("{\"spec\": {\"analysis\": " + analysis + "}, \"status\": "
                + status + "}"));
    }

    @Test
    void shouldCountLinearStepsUpToTheMaximumWeight() {
        RolloutSnapshot snapshot = snapshot("{\"stepWeight\": 10, \"maxWeight\": 50}",
                "{\"phase\": \"Progressing\", \"canaryWeight\": 20}");

        assertThat(snapshot.stepIndex()).isEqualTo(2);
        assertThat(snapshot.stepCount()).isEqualTo(5);
        assertThat(snapshot.canaryWeight()).isEqualTo(20);
    }

    @Test
    void shouldCountIterationsOfAnABTest() {
        RolloutSnapshot snapshot = snapshot("{\"iterations\": 10, \"match\": [{\"headers\": {\"x-canary\": "
                + "{\"exact\": \"insider\"}}}]}", "{\"phase\": \"Progressing\", \"canaryWeight\": 0, \"iterations\": "
                + "3}");

        assertThat(snapshot.stepIndex()).isEqualTo(3);
        assertThat(snapshot.stepCount()).isEqualTo(10);
    }

    @Test
    void shouldReadTheOlderCanaryAnalysisFieldAndADeletion() {
        RolloutSnapshot snapshot = FlaggerStatus.snapshot(MockCluster.json("{\"spec\": {\"canaryAnalysis\": "
                + "{\"stepWeight\": 25, \"threshold\": 5}}, \"status\": {\"phase\": \"Terminating\", \"canaryWeight\": "
                + "50, \"failedChecks\": 1}}"));

        assertThat(snapshot.failed()).isTrue();
        assertThat(snapshot.canaryWeight()).isZero();
        assertThat(snapshot.stepCount()).isEqualTo(4);
        assertThat(snapshot.messages()).containsExactly("failed checks 1 of 5", "the Canary is being deleted");
    }
}
