package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutSnapshot.Outcome;
import io.mlgitops.canary.RolloutWatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static io.mlgitops.canary.kubernetes.MockCluster.userFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Flagger watcher against the mock API server in CRUD mode; the test plays Flagger by rewriting the Canary's
 * status between two snapshots, as Flagger does at each analysis interval.
 */
@ExtendWith(MockClusterExtension.class)
class FlaggerWatcherTest {
    private static final String NAME = "churn-model";
    private static final ResourceKind CANARY = ResourceKind.FLAGGER_CANARY;
    private static final String PROGRESSING = "\"conditions\": [{\"type\": \"Promoted\", \"status\": \"Unknown\", "
            + "\"reason\": \"Progressing\", \"message\": \"New revision detected, progressing canary analysis.\"}]";

    private MockCluster cluster;
    private ObjectNode original;

    @BeforeEach
    void createCanary() {
        original = cluster.create("flagger-canary.yaml");
    }

    private RolloutWatcher watcher() {
        return KubernetesRouting.flagger(cluster.api(), NAMESPACE, NAME);
    }

    /** Flagger writes its status. */
    private void flagger(final String phase, final int weight, final int failedChecks, final String more) {
        cluster.edit(CANARY, "v1beta1", NAME, canary -> canary.set("status", MockCluster.json(String.format(
                "{\"phase\": \"%s\", \"canaryWeight\": %d, \"failedChecks\": %d, \"iterations\": 0, "
                        + "\"lastTransitionTime\": \"2026-11-28T10:%02d:00Z\"%s}", phase, weight, failedChecks,
                weight % 60, more.isEmpty() ? "" : ", " + more))));
    }

    private ObjectNode stored() {
        return cluster.get(CANARY, "v1beta1", NAME);
    }

    @Test
    void shouldFollowFlaggerStepByStepUntilItPromotes() throws Exception {
        List<String> lines = new ArrayList<>();
        try (RolloutWatcher watcher = watcher()) {
            assertThat(watcher.description()).isEqualTo("Flagger Canary ml-serving/churn-model");
            RolloutSnapshot previous = watcher.snapshot();
            assertThat(previous.succeeded()).as("the last release").isTrue();
            assertThat(previous.lastTransition()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
            lines.add(previous.summary());
            flagger("Progressing", 0, 0, PROGRESSING);
            lines.add(watcher.snapshot().summary());
            flagger("Progressing", 1, 0, PROGRESSING);
            lines.add(watcher.snapshot().summary());
            flagger("Progressing", 5, 1, PROGRESSING);
            RolloutSnapshot atFive = watcher.snapshot();
            assertThat(atFive).isEqualTo(new RolloutSnapshot("Progressing", 5, 2, 4, Outcome.RUNNING,
                    Instant.parse("2026-11-28T10:05:00Z"), List.of("failed checks 1 of 2", "Promoted Unknown "
                            + "(Progressing): New revision detected, progressing canary analysis.")));
            lines.add(atFive.summary());
            flagger("Progressing", 25, 1, PROGRESSING);
            lines.add(watcher.snapshot().summary());
            flagger("Promoting", 100, 1, PROGRESSING);
            lines.add(watcher.snapshot().summary());
            flagger("Succeeded", 0, 0, "\"conditions\": [{\"type\": \"Promoted\", \"status\": \"True\", \"reason\": "
                    + "\"Succeeded\", \"message\": \"Canary analysis completed successfully, promotion "
                    + "finished.\"}]");
            RolloutSnapshot done = watcher.snapshot();
            assertThat(done.succeeded()).isTrue();
            lines.add(done.summary());
        }
        assertThat(lines).containsExactly(
                "phase Succeeded, canary 100%, step 4 of 4: Promoted True (Succeeded): Canary analysis completed "
                        + "successfully, promotion finished.",
                "phase Progressing, canary 0%, step 0 of 4: Promoted Unknown (Progressing): New revision detected, "
                        + "progressing canary analysis.",
                "phase Progressing, canary 1%, step 1 of 4: Promoted Unknown (Progressing): New revision detected, "
                        + "progressing canary analysis.",
                "phase Progressing, canary 5%, step 2 of 4: failed checks 1 of 2; Promoted Unknown (Progressing): "
                        + "New revision detected, progressing canary analysis.",
                "phase Progressing, canary 25%, step 3 of 4: failed checks 1 of 2; Promoted Unknown (Progressing): "
                        + "New revision detected, progressing canary analysis.",
                "phase Promoting, canary 100%, step 4 of 4: failed checks 1 of 2; Promoted Unknown (Progressing): "
                        + "New revision detected, progressing canary analysis.",
                "phase Succeeded, canary 100%, step 4 of 4: Promoted True (Succeeded): Canary analysis completed "
                        + "successfully, promotion finished.");
    }

    @Test
    void shouldPromoteBySkippingTheAnalysisAndRestoreTheFieldOnceFlaggerIsDone() throws Exception {
        flagger("Progressing", 5, 0, PROGRESSING);
        try (RolloutWatcher watcher = watcher()) {
            watcher.promote();

            ObjectNode promoted = stored();
            assertThat(promoted.at("/spec/skipAnalysis").booleanValue()).isTrue();
            assertThat(promoted.at("/metadata/annotations/mlgitops.io~1skip-analysis-before-promote").asText())
                    .isEqualTo("unset");
            String version = promoted.at("/metadata/resourceVersion").asText();
            watcher.promote();
            assertThat(stored().at("/metadata/resourceVersion").asText()).as("already asked").isEqualTo(version);

            flagger("Succeeded", 0, 0, "");
            assertThat(watcher.snapshot().succeeded()).isTrue();
        }
        ObjectNode restored = userFields(stored());
        restored.remove("status");
        ObjectNode expected = userFields(original);
        expected.remove("status");
        assertThat(restored).as("skipAnalysis and the annotation gone").isEqualTo(expected);
    }

    @Test
    void shouldPutBackAnExplicitSkipAnalysisValue() throws Exception {
        cluster.edit(CANARY, "v1beta1", NAME, canary -> ((ObjectNode) canary.path("spec"))
                .put("skipAnalysis", false));
        flagger("WaitingPromotion", 100, 0, "");
        try (RolloutWatcher watcher = watcher()) {
            watcher.promote();
            flagger("Failed", 0, 0, "");

            assertThat(watcher.snapshot().failed()).isTrue();
        }
        assertThat(stored().at("/spec/skipAnalysis").isBoolean()).isTrue();
        assertThat(stored().at("/spec/skipAnalysis").booleanValue()).isFalse();
        assertThat(stored().at("/metadata/annotations").size()).isZero();
    }

    @Test
    void shouldAbortByRaisingTheFailedChecksToFlaggersThreshold() throws Exception {
        flagger("Progressing", 25, 0, PROGRESSING);
        try (RolloutWatcher watcher = watcher()) {
            ObjectNode before = stored();

            watcher.abort();

            ObjectNode expected = userFields(before);
            ((ObjectNode) expected.path("status")).put("failedChecks", 2);
            assertThat(userFields(stored())).as("only status.failedChecks changed").isEqualTo(expected);

            flagger("Failed", 0, 2, "\"conditions\": [{\"type\": \"Promoted\", \"status\": \"False\", \"reason\": "
                    + "\"Failed\", \"message\": \"Canary analysis failed, Deployment scaled to zero.\"}]");
            RolloutSnapshot failed = watcher.snapshot();
            assertThat(failed.failed()).isTrue();
            assertThat(failed.canaryWeight()).isZero();
            assertThat(failed.messages()).containsExactly("failed checks 2 of 2", "Promoted False (Failed): Canary "
                    + "analysis failed, Deployment scaled to zero.");
            watcher.abort();
        }
    }

    @Test
    void shouldSayWhyFlaggerCannotRollBackNow() throws Exception {
        try (RolloutWatcher watcher = watcher()) {
            assertThatThrownBy(watcher::abort)
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Flagger Canary ml-serving/churn-model is Succeeded: Flagger has already promoted the "
                            + "canary, so it can no longer be rolled back through Flagger. Revert the release in "
                            + "git.");
            flagger("Waiting", 0, 0, "");
            assertThatThrownBy(watcher::abort)
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Flagger Canary ml-serving/churn-model is Waiting, and Flagger rolls back only while "
                            + "Progressing or WaitingPromotion: the canary receives no traffic yet. Keep its "
                            + "confirm-rollout gate closed, or revert the release in git.");
            flagger("Failed", 0, 2, "");
            assertThatThrownBy(watcher::promote)
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Flagger Canary ml-serving/churn-model is Failed: Flagger has already rolled it back "
                            + "and starts a new analysis only when its target changes. Push the release again to "
                            + "retry it.");
        }
        assertThat(stored().at("/spec/skipAnalysis").isMissingNode()).isTrue();
    }
}
