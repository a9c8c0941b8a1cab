package io.mlgitops.canary.local;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.LocalModel;
import io.mlgitops.canary.LocalServing;
import io.mlgitops.canary.LocalServingSpec;
import io.mlgitops.canary.TrafficReplay;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightedSplitTest {
    private static ModelRunner champion;
    private static ModelRunner candidate;
    private static Dataset rows;

    @TempDir
    private Path folder;

    @BeforeAll
    static void openModels() throws MlGitOpsException {
        champion = Churn.runner("champion");
        candidate = Churn.runner("candidate");
        rows = Churn.rows();
    }

    @AfterAll
    static void closeModels() {
        champion.close();
        candidate.close();
    }

    private LocalDeployment serve() throws MlGitOpsException {
        return LocalDeployment.start(LocalServingSpec.of(new LocalModel(champion, "churn", "1"),
                new LocalModel(candidate, "churn", "2"), folder.resolve("state.json")));
    }

    @Test
    void shouldSendExactlyTheWeightOfEveryHundredRequests() {
        for (int weight : new int[] {0, 1, 5, 25, 30, 50, 99, 100}) {
            int canary = 0;
            for (long n = 0; n < 10_000; n++) {
                canary += WeightedSplit.choose(n, weight) == Variant.CANARY ? 1 : 0;
            }
            assertThat(canary).as("weight %d", weight).isEqualTo(100 * weight);
        }
        assertThat(WeightedSplit.choose(0, 1)).isEqualTo(Variant.CANARY);
        assertThat(WeightedSplit.choose(1, 1)).isEqualTo(Variant.STABLE);
    }

    @Test
    void shouldRouteRequestsByTheRoutersWeight() throws Exception {
        try (LocalDeployment serving = serve()) {
            assertThat(serving.router().weight()).isZero();
            serving.router().setWeight(25);
            for (int row = 0; row < 200; row++) {
                HttpResponse<String> answer = Churn.post(serving.endpoint(), rows, row);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue(WeightedSplit.VARIANT_HEADER))
                        .contains(row % 4 == 0 ? "canary" : "stable");
            }

            serving.router().setWeight(0);
            Churn.post(serving.endpoint(), rows, 0);

            assertThat(serving.routed(Variant.CANARY)).isEqualTo(50);
            assertThat(serving.routed(Variant.STABLE)).isEqualTo(151);
            assertThat(serving.router().targets().canary()).isEqualTo("churn-canary");
            assertThat(serving.router().description()).startsWith("local split http://127.0.0.1:")
                    .endsWith("/invocations (stable churn-stable, canary churn-canary)");
        }
    }

    @Test
    void shouldKeepTheWeightUnderConcurrentTraffic() throws Exception {
        try (LocalServing serving = serve()) {
            serving.router().setWeight(10);
            TrafficReplay traffic = TrafficReplay.start(serving.endpoint(), rows, Churn.TARGET, 200);
            try {
                Thread.sleep(2500);
            }
            finally {
                traffic.close();
            }
            TrafficReplay.Statistics statistics = traffic.statistics();

            assertThat(statistics.succeeded()).isGreaterThan(300).isEqualTo(statistics.sent());
            assertThat((double) statistics.canary() / statistics.succeeded()).isCloseTo(0.10, within(0.01));
        }
    }

    @Test
    void shouldRefuseAWeightOutsideZeroToHundred() throws MlGitOpsException {
        try (LocalServing serving = serve()) {
            assertThatThrownBy(() -> serving.router().setWeight(101)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("canary weight must be 0 to 100: 101");
            assertThat(serving.router().stateStore()).hasToString("state file " + folder.resolve("state.json"));
        }
    }

    @Test
    void shouldAnswerBadGatewayWhenAServerIsGone() throws Exception {
        LocalDeployment gone = serve();
        URI stable = gone.metricsEndpoint(Variant.STABLE).resolve("/");
        URI canary = gone.metricsEndpoint(Variant.CANARY).resolve("/");
        gone.close();
        try (WeightedSplit split = WeightedSplit.start(stable, canary)) {
            split.setWeight(100);
            HttpResponse<String> answer = Churn.post(split.uri("/invocations"), rows, 0);

            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.body()).contains("the canary server did not answer");
        }
    }
}
