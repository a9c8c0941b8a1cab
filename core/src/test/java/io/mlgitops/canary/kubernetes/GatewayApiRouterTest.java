package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.RoutedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gateway API router against the mock API server in CRUD mode. */
@ExtendWith(MockClusterExtension.class)
class GatewayApiRouterTest {
    private static final String NAME = "churn-model";
    private static final String STABLE = "/spec/rules/1/backendRefs/0/weight";
    private static final String CANARY = "/spec/rules/1/backendRefs/1/weight";
    private static final KubernetesRoute ROUTE = KubernetesRoute.of(NAMESPACE, NAME).withSection("predict")
            .withBackends(Backend.named("churn-model-stable"), Backend.named("churn-model-canary"));

    private MockCluster cluster;

    private KubernetesTrafficRouter router(final KubernetesRoute route) throws MlGitOpsException {
        return KubernetesRouting.gatewayApi(cluster.api(), route);
    }

    @Test
    void shouldWriteExactlyTheBackendWeightsOfTheNamedRule() throws Exception {
        ObjectNode original = cluster.create("http-route.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.description()).isEqualTo("Gateway API HTTPRoute ml-serving/churn-model");
            assertThat(router.weight()).isZero();
            cluster.assertSteps(router, original, "v1", step -> Map.of(STABLE, 100 - step, CANARY, step));
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "churn-model-stable",
                    "churn-model-canary"));
            assertThat(router.routedObject()).isEqualTo(new RoutedObject("gateway.networking.k8s.io", "v1",
                    "HTTPRoute", NAMESPACE, NAME, List.of(STABLE, CANARY)));
        }
    }

    @Test
    void shouldReadBackendsWithoutWeightsAsTheApiDefinesThem() throws Exception {
        cluster.create((ObjectNode) MockCluster.json("{\"apiVersion\": \"gateway.networking.k8s.io/v1\", \"kind\": "
                + "\"HTTPRoute\", \"metadata\": {\"name\": \"churn-model\", \"namespace\": \"ml-serving\"}, \"spec\": "
                + "{\"rules\": [{\"backendRefs\": [{\"name\": \"churn-model-stable\", \"port\": 8080}, {\"name\": "
                + "\"churn-model-canary\", \"port\": 8080}]}]}}"));

        try (KubernetesTrafficRouter router = router(ROUTE.withSection(null))) {
            assertThat(router.weight()).as("weight 1 each").isEqualTo(50);

            router.setWeight(1);

            ObjectNode stored = cluster.get(ResourceKind.HTTP_ROUTE, "v1", NAME);
            assertThat(stored.at("/spec/rules/0/backendRefs/0/weight").intValue()).isEqualTo(99);
            assertThat(stored.at("/spec/rules/0/backendRefs/1/weight").intValue()).isEqualTo(1);
        }
    }

    @Test
    void shouldNameTheRuleWithoutTheCanaryBackend() {
        cluster.create("http-route.yaml");

        assertThatThrownBy(() -> router(ROUTE.withSection("health")))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Gateway API HTTPRoute ml-serving/churn-model: spec.rules[0].backendRefs has no "
                        + "backendRef 'churn-model-canary' (it has: churn-model-stable). Check the canary backendRef "
                        + "given to the router, or add it there in git (the canary with weight 0).");
    }

    @Test
    void shouldRefuseSubsets() {
        assertThatThrownBy(() -> router(ROUTE.withBackends(Backend.subset("churn", "v1"), Backend.named("c"))))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("Subsets are Istio's: the Gateway API router tells backends apart by name only.");
    }
}
