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

/** The KServe router against the mock API server in CRUD mode. */
@ExtendWith(MockClusterExtension.class)
class KServeRouterTest {
    private static final String NAME = "churn-model";
    private static final String PERCENT = "/spec/predictor/canaryTrafficPercent";
    private static final KubernetesRoute ROUTE = KubernetesRoute.of(NAMESPACE, NAME);

    private MockCluster cluster;

    private KubernetesTrafficRouter router(final KubernetesRoute route) throws MlGitOpsException {
        return KubernetesRouting.kserve(cluster.api(), route);
    }

    @Test
    void shouldWriteExactlyTheCanaryTrafficPercent() throws Exception {
        ObjectNode original = cluster.create("inference-service.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.description()).isEqualTo("KServe InferenceService ml-serving/churn-model");
            assertThat(router.weight()).isZero();
            cluster.assertSteps(router, original, "v1beta1", step -> Map.of(PERCENT, step));
            assertThat(router.routedObject()).isEqualTo(new RoutedObject("serving.kserve.io", "v1beta1",
                    "InferenceService", NAMESPACE, NAME, List.of(PERCENT)));
        }
    }

    @Test
    void shouldNameThePredictorRevisionsForMetricQueries() throws Exception {
        cluster.create("inference-service.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "churn-model-predictor-00001",
                    "churn-model-predictor-00002"));

            cluster.edit(ResourceKind.INFERENCE_SERVICE, "v1beta1", NAME, kserve -> ((ObjectNode) kserve.at(
                    "/status/components/predictor")).put("latestReadyRevision", "churn-model-predictor-00003"));
            router.weight();

            assertThat(router.targets().canary()).as("as of the last read").isEqualTo(
                    "churn-model-predictor-00003");
        }
    }

    @Test
    void shouldReadAMissingPercentAsAllTrafficOnTheLatestRevision() throws Exception {
        cluster.create("inference-service.yaml");
        cluster.edit(ResourceKind.INFERENCE_SERVICE, "v1beta1", NAME, kserve -> {
            ((ObjectNode) kserve.at("/spec/predictor")).remove("canaryTrafficPercent");
            ((ObjectNode) kserve.path("status")).remove("components");
        });

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.weight()).isEqualTo(100);
            assertThat(router.targets()).as("before the status names revisions").isEqualTo(new RouteTargets(
                    NAMESPACE, "churn-model-predictor", "churn-model-predictor"));
        }
    }

    @Test
    void shouldNameAnInferenceServiceWithoutPredictor() {
        cluster.create((ObjectNode) MockCluster.json("{\"apiVersion\": \"serving.kserve.io/v1beta1\", \"kind\": "
                + "\"InferenceService\", \"metadata\": {\"name\": \"churn-model\", \"namespace\": \"ml-serving\"}, "
                + "\"spec\": {\"transformer\": {\"containers\": []}}}"));

        assertThatThrownBy(() -> router(ROUTE))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("KServe InferenceService ml-serving/churn-model: spec.predictor is missing. An "
                        + "InferenceService needs a predictor; check that the object is the one that serves the "
                        + "model.");
    }

    @Test
    void shouldRefuseBackends() {
        assertThatThrownBy(() -> router(ROUTE.withBackends(Backend.named("a"), Backend.named("b"))))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("The KServe router takes no stable and canary backends");
    }
}
