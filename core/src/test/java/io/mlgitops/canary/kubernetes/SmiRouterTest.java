package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RouteTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMI router against the mock API server in CRUD mode. */
@ExtendWith(MockClusterExtension.class)
class SmiRouterTest {
    private static final String NAME = "churn-model";
    private static final KubernetesRoute ROUTE = KubernetesRoute.of(NAMESPACE, NAME)
            .withBackends(Backend.named("churn-model-stable"), Backend.named("churn-model-canary"));

    private MockCluster cluster;

    private KubernetesTrafficRouter router(final KubernetesRoute route) throws MlGitOpsException {
        return KubernetesRouting.smi(cluster.api(), route);
    }

    @Test
    void shouldWriteExactlyTheBackendWeightsOfAV1alpha2Split() throws Exception {
        ObjectNode original = cluster.create("traffic-split.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.description()).isEqualTo("SMI TrafficSplit ml-serving/churn-model");
            assertThat(router.routedObject().apiVersion()).isEqualTo("split.smi-spec.io/v1alpha2");
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "churn-model-stable",
                    "churn-model-canary"));
            cluster.assertSteps(router, original, "v1alpha2", step -> Map.of("/spec/backends/0/weight",
                    100 - step, "/spec/backends/1/weight", step));
        }
    }

    @Test
    void shouldFindAV1alpha4SplitAndReadRelativeWeights() throws Exception {
        ObjectNode split = (ObjectNode) MockCluster.json("{\"apiVersion\": \"split.smi-spec.io/v1alpha4\", "
                + "\"kind\": \"TrafficSplit\", \"metadata\": {\"name\": \"churn-model\", \"namespace\": "
                + "\"ml-serving\"}, \"spec\": {\"service\": \"churn-model\", \"backends\": [{\"service\": "
                + "\"churn-model-canary\", \"weight\": 1}, {\"service\": \"churn-model-stable\", \"weight\": 3}]}}");
        cluster.create(split);

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.routedObject().version()).isEqualTo("v1alpha4");
            assertThat(router.weight()).as("1 of 4").isEqualTo(25);

            router.setWeight(5);

            ObjectNode stored = cluster.get(ResourceKind.TRAFFIC_SPLIT, "v1alpha4", NAME);
            assertThat(stored.at("/spec/backends/0/weight").intValue()).isEqualTo(5);
            assertThat(stored.at("/spec/backends/1/weight").intValue()).isEqualTo(95);
        }
    }

    @Test
    void shouldRefuseTheQuantityWeightsOfV1alpha1() {
        cluster.create((ObjectNode) MockCluster.json("{\"apiVersion\": \"split.smi-spec.io/v1alpha3\", \"kind\": "
                + "\"TrafficSplit\", \"metadata\": {\"name\": \"churn-model\", \"namespace\": \"ml-serving\"}, "
                + "\"spec\": {\"service\": \"churn-model\", \"backends\": [{\"service\": \"churn-model-stable\", "
                + "\"weight\": \"900m\"}, {\"service\": \"churn-model-canary\", \"weight\": \"100m\"}]}}"));

        assertThatThrownBy(() -> router(ROUTE))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("SMI TrafficSplit ml-serving/churn-model: spec.backends[0].weight is not an integer: "
                        + "\"900m\". Write a whole number there in git.");
    }
}
