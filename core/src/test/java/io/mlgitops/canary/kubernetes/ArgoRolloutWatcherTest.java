package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutWatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static io.mlgitops.canary.kubernetes.MockCluster.userFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Argo Rollouts watcher against the mock API server in CRUD mode; the test applies a new revision and plays the
 * Argo Rollouts controller by rewriting the Rollout's status.
 */
@ExtendWith(MockClusterExtension.class)
class ArgoRolloutWatcherTest {
    private static final String NAME = "churn-model";
    private static final ResourceKind ROLLOUT = ResourceKind.ARGO_ROLLOUT;
    private static final String STABLE = "6d5f4c8b7";
    private static final String NEW = "7f9c6d5b4";

    private MockCluster cluster;

    @BeforeEach
    void createRollout() {
        cluster.create("argo-rollout.yaml");
    }

    private RolloutWatcher watcher() {
        return KubernetesRouting.argoRollouts(cluster.api(), NAMESPACE, NAME);
    }

    private ObjectNode stored() {
        return cluster.get(ROLLOUT, "v1alpha1", NAME);
    }

    /** Git (through Argo CD) applies the new model image: a new generation of the spec. */
    private String release() {
        return cluster.edit(ROLLOUT, "v1alpha1", NAME, rollout -> ((ObjectNode) rollout.at(
                "/spec/template/spec/containers/0")).put("image", "registry.example.com/churn-prediction:v7"))
                .at("/metadata/generation").asText();
    }

    /** The controller writes its status for the new revision. */
    private void argo(final String generation, final String phase, final String message, final int step,
            final int weight, final String more) {
        cluster.edit(ROLLOUT, "v1alpha1", NAME, rollout -> rollout.set("status", status(generation, phase, message,
                step, weight, more)));
    }

    private static JsonNode status(final String generation, final String phase, final String message,
            final int step, final int weight, final String more) {
        return MockCluster.json(String.format("{\"phase\": \"%s\", \"message\": \"%s\", \"currentPodHash\": "
                + "\"%s\", \"stableRS\": \"%s\", \"currentStepIndex\": %d, \"observedGeneration\": \"%s\", "
                + "\"canary\": {\"weights\": {\"canary\": {\"weight\": %d, \"podTemplateHash\": \"%s\"}, "
                + "\"stable\": {\"weight\": %d, \"podTemplateHash\": \"%s\"}}}%s}", phase, message, NEW,
                step >= 6 ? NEW : STABLE, step, generation, weight, NEW, 100 - weight, STABLE,
                more.isEmpty() ? "" : ", " + more));
    }

    private static String paused(final String reason) {
        return "\"pauseConditions\": [{\"reason\": \"" + reason + "\", \"startTime\": \"2026-11-28T10:01:00Z\"}], "
                + "\"controllerPause\": true";
    }

    @Test
    void shouldFollowTheStepsOfANewRevisionUntilItIsPromoted() throws Exception {
        List<String> lines = new ArrayList<>();
        try (RolloutWatcher watcher = watcher()) {
            assertThat(watcher.description()).isEqualTo("Argo Rollouts Rollout ml-serving/churn-model");
            assertThat(watcher.snapshot().succeeded()).as("at rest on the previous revision").isTrue();
            String generation = release();
            RolloutSnapshot unseen = watcher.snapshot();
            assertThat(unseen.succeeded()).as("the status is still the previous revision's").isFalse();
            lines.add(unseen.summary());
            argo(generation, "Progressing", "more replicas need to be updated", 0, 1, "");
            lines.add(watcher.snapshot().summary());
            argo(generation, "Paused", "CanaryPauseStep", 1, 1, paused("CanaryPauseStep"));
            lines.add(watcher.snapshot().summary());
            argo(generation, "Paused", "CanaryPauseStep", 3, 5, paused("CanaryPauseStep"));
            lines.add(watcher.snapshot().summary());
            argo(generation, "Progressing", "", 4, 25, "\"canary\": {\"weights\": {\"canary\": {\"weight\": 25}}, "
                    + "\"currentStepAnalysisRunStatus\": {\"name\": \"churn-model-7f9c6d5b4-2\", \"status\": "
                    + "\"Running\"}}");
            lines.add(watcher.snapshot().summary());
            argo(generation, "Healthy", "", 6, 0, "");
            RolloutSnapshot done = watcher.snapshot();
            assertThat(done.succeeded()).isTrue();
            lines.add(done.summary());
        }
        assertThat(lines).containsExactly(
                "phase Healthy, canary 0%, step 6 of 6: the controller has not yet seen generation 2",
                "phase Progressing, canary 1%, step 0 of 6: more replicas need to be updated",
                "phase Paused, canary 1%, step 1 of 6: CanaryPauseStep; paused: CanaryPauseStep",
                "phase Paused, canary 5%, step 3 of 6: CanaryPauseStep; paused: CanaryPauseStep",
                "phase Progressing, canary 25%, step 4 of 6: step analysis churn-model-7f9c6d5b4-2: Running",
                "phase Healthy, canary 100%, step 6 of 6");
    }

    @Test
    void shouldPromoteAPausedStepByClearingThePauseConditionsAndTheManualPause() throws Exception {
        String generation = release();
        argo(generation, "Paused", "CanaryPauseStep", 1, 1, paused("CanaryPauseStep"));
        cluster.edit(ROLLOUT, "v1alpha1", NAME, rollout -> ((ObjectNode) rollout.path("spec")).put("paused", true));
        ObjectNode before = stored();

        try (RolloutWatcher watcher = watcher()) {
            watcher.promote();
        }

        ObjectNode expected = userFields(before);
        ((ObjectNode) expected.path("status")).remove("pauseConditions");
        ((ObjectNode) expected.path("spec")).put("paused", false);
        assertThat(userFields(stored())).isEqualTo(expected);
    }

    @Test
    void shouldSkipTheCurrentStepWhenNothingIsPaused() throws Exception {
        String generation = release();
        argo(generation, "Progressing", "", 4, 25, "");
        ObjectNode before = stored();

        try (RolloutWatcher watcher = watcher()) {
            watcher.promote();
        }

        ObjectNode expected = userFields(before);
        ((ObjectNode) expected.path("status")).put("currentStepIndex", 5);
        assertThat(userFields(stored())).isEqualTo(expected);
    }

    @Test
    void shouldRecomputeThePromotionWhenTheControllerMovedOnMeanwhile() throws Exception {
        String generation = release();
        argo(generation, "Progressing", "", 4, 25, "");
        cluster.changeAfterNextRead(ROLLOUT, "v1alpha1", NAME, rollout -> rollout.set("status", status(generation,
                "Paused", "CanaryPauseStep", 5, 25, paused("CanaryPauseStep"))), false);

        try (RolloutWatcher watcher = watcher()) {
            watcher.promote();
        }

        ObjectNode status = (ObjectNode) stored().path("status");
        assertThat(status.path("currentStepIndex").intValue()).as("not moved on from the stale step 4")
                .isEqualTo(5);
        assertThat(status.has("pauseConditions")).isFalse();
        assertThat(cluster.sleeps).hasSize(1);
    }

    @Test
    void shouldMovePastAnInconclusiveAnalysisThatPausedTheController() throws Exception {
        String generation = release();
        argo(generation, "Paused", "InconclusiveAnalysisRun", 4, 25, paused("InconclusiveAnalysisRun")
                + ", \"canary\": {\"weights\": {\"canary\": {\"weight\": 25}}, \"currentStepAnalysisRunStatus\": "
                + "{\"name\": \"churn-model-7f9c6d5b4-2\", \"status\": \"Inconclusive\", \"message\": \"metric "
                + "accuracy assessed Inconclusive\"}}");

        try (RolloutWatcher watcher = watcher()) {
            assertThat(watcher.snapshot().messages()).contains("step analysis churn-model-7f9c6d5b4-2: "
                    + "Inconclusive (metric accuracy assessed Inconclusive)");
            watcher.promote();
        }

        ObjectNode status = (ObjectNode) stored().path("status");
        assertThat(status.has("pauseConditions")).isFalse();
        assertThat(status.path("controllerPause").booleanValue()).isFalse();
        assertThat(status.path("currentStepIndex").intValue()).isEqualTo(5);
    }

    @Test
    void shouldAbortThroughTheStatusAndReportTheDegradedRollout() throws Exception {
        String generation = release();
        argo(generation, "Paused", "CanaryPauseStep", 3, 5, paused("CanaryPauseStep"));
        ObjectNode before = stored();

        try (RolloutWatcher watcher = watcher()) {
            watcher.abort();

            ObjectNode expected = userFields(before);
            ((ObjectNode) expected.path("status")).put("abort", true);
            assertThat(userFields(stored())).isEqualTo(expected);

            argo(generation, "Degraded", "RolloutAborted: Rollout aborted update to revision 2", 3, 0,
                    "\"abort\": true, \"abortedAt\": \"2026-11-28T10:07:00Z\"");
            RolloutSnapshot aborted = watcher.snapshot();
            assertThat(aborted.failed()).isTrue();
            assertThat(aborted.canaryWeight()).isZero();
            assertThat(aborted.messages()).containsExactly("RolloutAborted: Rollout aborted update to revision 2");
            watcher.abort();
            assertThatThrownBy(watcher::promote)
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Argo Rollouts Rollout ml-serving/churn-model was aborted, and promoting does not "
                            + "resume it. Run kubectl argo rollouts retry rollout churn-model -n ml-serving to start "
                            + "it again, or push a new revision.");
        }
    }

    @Test
    void shouldRefuseToAbortARolloutAtRest() {
        try (RolloutWatcher watcher = watcher()) {
            assertThatThrownBy(watcher::abort)
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Argo Rollouts Rollout ml-serving/churn-model is fully promoted: there is no update "
                            + "in progress to abort. Revert the release in git (or run kubectl argo rollouts undo).");
        }
        assertThat(stored().at("/status/abort").isMissingNode()).isTrue();
    }

    @Test
    void shouldTakeTheWeightFromTheStepsWithoutATrafficRouterAndScaleFineWeights() throws Exception {
        String generation = release();
        argo(generation, "Paused", "CanaryPauseStep", 3, 0, paused("CanaryPauseStep"));
        cluster.edit(ROLLOUT, "v1alpha1", NAME, rollout -> {
            ((ObjectNode) rollout.at("/spec/strategy/canary")).remove("trafficRouting");
            ((ObjectNode) rollout.at("/status/canary")).remove("weights");
        });
        try (RolloutWatcher watcher = watcher()) {
            assertThat(watcher.snapshot().canaryWeight()).as("setWeight of step 2").isEqualTo(5);

            cluster.edit(ROLLOUT, "v1alpha1", NAME, rollout -> {
                ((ObjectNode) rollout.at("/spec/strategy/canary")).putObject("trafficRouting")
                        .put("maxTrafficWeight", 1000);
                ((ArrayNode) rollout.at("/spec/strategy/canary/steps")).forEach(step -> {
                    if (step.has("setWeight")) {
                        ((ObjectNode) step).put("setWeight", step.path("setWeight").intValue() * 10);
                    }
                });
                ((ObjectNode) rollout.at("/status/canary")).putObject("weights").putObject("canary")
                        .put("weight", 50);
            });
            assertThat(watcher.snapshot().canaryWeight()).as("50 of 1000").isEqualTo(5);
        }
    }
}
