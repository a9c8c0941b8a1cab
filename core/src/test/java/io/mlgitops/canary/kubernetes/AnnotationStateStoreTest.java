package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RolloutStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static io.mlgitops.canary.kubernetes.MockCluster.userFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rollout state in an annotation of the routed object, against the mock API server in CRUD mode. */
@ExtendWith(MockClusterExtension.class)
class AnnotationStateStoreTest {
    private static final String NAME = "churn-model";
    private static final String POINTER = "/metadata/annotations/mlgitops.io~1rollout-state";
    private static final String TRACKING = "/metadata/annotations/argocd.argoproj.io~1tracking-id";
    private static final String AT_5 = "{\"step\": 1, \"weight\": 5, \"stepStartedAt\": \"2026-11-28T10:00:00Z\", "
            + "\"failedChecks\": 0}";
    private static final String AT_25 = "{\"step\": 2, \"weight\": 25, \"stepStartedAt\": \"2026-11-28T10:10:00Z\", "
            + "\"failedChecks\": 1}";
    private static final KubernetesRoute ROUTE = KubernetesRoute.of(NAMESPACE, NAME).withSection("primary")
            .withBackends(Backend.named("churn-model-stable"), Backend.named("churn-model-canary"));

    private MockCluster cluster;

    private KubernetesTrafficRouter router() throws MlGitOpsException {
        return KubernetesRouting.istio(cluster.api(), ROUTE);
    }

    private ObjectNode stored() {
        return cluster.get(ResourceKind.VIRTUAL_SERVICE, "v1", NAME);
    }

    @Test
    void shouldSaveReadBackAfterARestartAndClearTheState() throws Exception {
        ObjectNode original = cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter first = router()) {
            assertThat(first.stateStore().load()).isEmpty();
            first.stateStore().save(AT_5);
            first.stateStore().save(AT_25);
        }
        assertThat(stored().at(POINTER).asText()).isEqualTo(AT_25);
        assertThat(stored().at(TRACKING).asText()).as("Argo CD's annotation kept")
                .isEqualTo(original.at(TRACKING).asText());

        try (KubernetesTrafficRouter restarted = router()) {
            RolloutStateStore store = restarted.stateStore();
            assertThat(store.load()).contains(AT_25);

            store.clear();

            assertThat(store.load()).isEmpty();
            store.clear();
        }
        assertThat(stored().at(POINTER).isMissingNode()).isTrue();
        assertThat(userFields(stored())).as("as created once the state is gone").isEqualTo(userFields(original));
    }

    @Test
    void shouldCreateTheAnnotationsOfAnObjectThatHasNone() throws Exception {
        cluster.create("virtual-service-subsets.yaml");
        KubernetesRoute route = KubernetesRoute.of(NAMESPACE, "fraud-model")
                .withBackends(Backend.subset("fraud-model", "v7"), Backend.subset("fraud-model", "v8"));

        try (KubernetesTrafficRouter router = KubernetesRouting.istio(cluster.api(), route)) {
            router.stateStore().save(AT_5);

            assertThat(router.stateStore().load()).contains(AT_5);
        }
        assertThat(cluster.get(ResourceKind.VIRTUAL_SERVICE, "v1beta1", "fraud-model").at("/metadata/annotations")
                .size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToOverwriteTheStateOfAnotherRun() throws Exception {
        cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter ours = router(); KubernetesTrafficRouter theirs = router()) {
            ours.stateStore().load();
            theirs.stateStore().save(AT_25);

            assertThatThrownBy(() -> ours.stateStore().save(AT_5))
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("The rollout state in annotation mlgitops.io/rollout-state of Istio VirtualService "
                            + "ml-serving/churn-model changed since this run last read or wrote it: another run may "
                            + "be driving the same rollout. Stop the other run; then start this one again, and it "
                            + "resumes from the stored state.");
            assertThatThrownBy(() -> ours.stateStore().clear()).isExactlyInstanceOf(InputException.class);
        }
        assertThat(stored().at(POINTER).asText()).isEqualTo(AT_25);
    }

    @Test
    void shouldSaveAfterAConcurrentChangeOfTheObject() throws Exception {
        cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter router = router()) {
            router.stateStore().save(AT_5);
            cluster.changeAfterNextRead(ResourceKind.VIRTUAL_SERVICE, "v1", NAME, other -> ((ObjectNode) other.at(
                    "/metadata/labels")).put("team", "churn"), false);

            router.stateStore().save(AT_25);
        }
        assertThat(stored().at(POINTER).asText()).isEqualTo(AT_25);
        assertThat(stored().at("/metadata/labels/team").asText()).isEqualTo("churn");
        assertThat(cluster.sleeps).hasSize(1);
    }

    @Test
    void shouldRefuseAStateLargerThanKubernetesAllowsForAnnotations() throws Exception {
        cluster.create("virtual-service.yaml");
        String huge = "{\"decisions\": \"" + "x".repeat(263_000) + "\"}";

        try (KubernetesTrafficRouter router = router()) {
            assertThatThrownBy(() -> router.stateStore().save(huge))
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessageStartingWith("The rollout state (263017 bytes) does not fit into annotation "
                            + "mlgitops.io/rollout-state of Istio VirtualService ml-serving/churn-model: with the "
                            + "object's other annotations it would take ")
                    .hasMessageEndingWith(" bytes, and Kubernetes allows 262144. Keep the stored state small "
                            + "(counters and the current step, not every decision).");
        }
        assertThat(stored().at(POINTER).isMissingNode()).isTrue();
    }
}
