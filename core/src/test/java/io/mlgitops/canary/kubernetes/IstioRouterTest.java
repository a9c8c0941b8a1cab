package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.RoutedObject;
import io.mlgitops.gitops.IgnoredDifference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.mlgitops.canary.kubernetes.MockCluster.NAMESPACE;
import static io.mlgitops.canary.kubernetes.MockCluster.userFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Istio router against fabric8's mock API server in CRUD mode: exact weights after every step, nothing else in
 * the object touched, the patch itself, missing objects and destinations, and concurrent writers.
 */
@ExtendWith(MockClusterExtension.class)
class IstioRouterTest {
    private static final ResourceKind VIRTUAL_SERVICE = ResourceKind.VIRTUAL_SERVICE;
    private static final String NAME = "churn-model";
    private static final String STABLE = "/spec/http/1/route/0/weight";
    private static final String CANARY = "/spec/http/1/route/1/weight";
    private static final KubernetesRoute ROUTE = KubernetesRoute.of(NAMESPACE, NAME).withSection("primary")
            .withBackends(Backend.named("churn-model-stable"), Backend.named("churn-model-canary"));

    private MockCluster cluster;

    private KubernetesTrafficRouter router(final KubernetesRoute route) throws MlGitOpsException {
        return KubernetesRouting.istio(cluster.api(), route);
    }

    @Test
    void shouldWriteExactlyTheWeightsOfEachStepAndNothingElse() throws Exception {
        ObjectNode original = cluster.create("virtual-service.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.weight()).isZero();
            cluster.assertSteps(router, original, "v1", step -> Map.of(STABLE, 100 - step, CANARY, step));
        }
        assertThat(cluster.sleeps).isEmpty();
    }

    @Test
    void shouldSendAJsonPatchAsFieldManagerMlgitopsAndNothingWhenTheWeightIsSet() throws Exception {
        ObjectNode original = cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter router = router(ROUTE)) {
            cluster.patches();

            router.setWeight(25);
            String afterFirst = cluster.get(VIRTUAL_SERVICE, "v1", NAME).at("/metadata/resourceVersion").asText();
            router.setWeight(25);

            assertThat(cluster.get(VIRTUAL_SERVICE, "v1", NAME).at("/metadata/resourceVersion").asText())
                    .isEqualTo(afterFirst).isNotEqualTo(original.at("/metadata/resourceVersion").asText());
        }

        List<RecordedRequest> patches = cluster.patches();
        assertThat(patches).as("the second call finds the weights already set").hasSize(1);
        assertThat(patches.get(0).getPath()).isEqualTo(MockCluster.path(VIRTUAL_SERVICE, "v1", NAME)
                + "?fieldManager=mlgitops");
        assertThat(patches.get(0).getHeader("Content-Type")).startsWith("application/json-patch+json");
    }

    @Test
    void shouldDescribeTheObjectItsTargetsAndItsWeightFields() throws Exception {
        cluster.create("virtual-service.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            assertThat(router.description()).isEqualTo("Istio VirtualService ml-serving/churn-model");
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "churn-model-stable",
                    "churn-model-canary"));
            assertThat(router.routedObject()).isEqualTo(new RoutedObject("networking.istio.io", "v1",
                    "VirtualService", NAMESPACE, NAME, List.of(STABLE, CANARY)));
        }
        try (KubernetesTrafficRouter router = router(ROUTE.withWorkloads("churn-v6", "churn-v7"))) {
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "churn-v6", "churn-v7"));
        }
    }

    @Test
    void shouldTellWhichIgnoreDifferencesEntryTheArgoCdApplicationLacks() throws Exception {
        cluster.create("virtual-service.yaml");

        try (KubernetesTrafficRouter router = router(ROUTE)) {
            IgnoredDifference needed = new IgnoredDifference("networking.istio.io", "VirtualService", NAME,
                    NAMESPACE, List.of(STABLE, CANARY), List.of(), List.of());
            assertThat(router.missingIgnoreDifference(List.of())).contains(needed);
            assertThat(router.missingIgnoreDifference(List.of(new IgnoredDifference("networking.istio.io",
                    "VirtualService", NAME, "", List.of("/spec/http/1/route"), List.of(), List.of())))).isEmpty();
        }
    }

    @Test
    void shouldFindTheVersionAnOlderIstioServesAndTellSubsetsApart() throws Exception {
        ObjectNode original = cluster.create("virtual-service-subsets.yaml");
        KubernetesRoute route = KubernetesRoute.of(NAMESPACE, "fraud-model")
                .withBackends(Backend.subset("fraud-model", "v7"), Backend.subset("fraud-model", "v8"));

        try (KubernetesTrafficRouter router = router(route)) {
            assertThat(router.weight()).as("a destination without weight has none").isZero();
            assertThat(router.routedObject().version()).isEqualTo("v1beta1");
            assertThat(router.targets()).isEqualTo(new RouteTargets(NAMESPACE, "fraud-model-v7", "fraud-model-v8"));

            router.setWeight(5);

            ObjectNode expected = userFields(original);
            ((ObjectNode) expected.at("/spec/http/0/route/0")).put("weight", 95);
            ((ObjectNode) expected.at("/spec/http/0/route/1")).put("weight", 5);
            assertThat(userFields(cluster.get(VIRTUAL_SERVICE, "v1beta1", "fraud-model"))).isEqualTo(expected);
        }
    }

    @Test
    void shouldNameAMissingObjectAndTheVersionsTried() {
        assertThatThrownBy(() -> router(ROUTE))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("There is no Istio VirtualService 'churn-model' in namespace 'ml-serving' of the "
                        + "Kubernetes API %s (looked for networking.istio.io/v1 and networking.istio.io/v1beta1). "
                        + "Check the name and the namespace (kubectl get virtualservices.networking.istio.io -n "
                        + "ml-serving), that the object is applied to this cluster, and that its custom resource "
                        + "definition is installed.", cluster.server().url("/"));
    }

    @Test
    void shouldNameTheRouteThatLacksTheCanaryDestination() {
        cluster.create("virtual-service.yaml");
        KubernetesRoute route = ROUTE.withBackends(Backend.named("churn-model-stable"),
                Backend.named("churn-model-v7"));

        assertThatThrownBy(() -> router(route))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Istio VirtualService ml-serving/churn-model: spec.http[1].route has no destination "
                        + "'churn-model-v7' (it has: churn-model-stable.ml-serving.svc.cluster.local, "
                        + "churn-model-canary.ml-serving.svc.cluster.local). Check the canary destination given to "
                        + "the router, or add it there in git (the canary with weight 0).");
    }

    @Test
    void shouldNameAMissingRouteAndTheRoutesThereAre() {
        cluster.create("virtual-service.yaml");

        assertThatThrownBy(() -> router(ROUTE.withSection("main")))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Istio VirtualService ml-serving/churn-model: spec.http has no HTTP route named 'main' "
                        + "(it has: debug, primary). Check the HTTP route name given to the router.");
    }

    @Test
    void shouldRefuseARouteWhoseOnlyDestinationIsBothVariants() {
        cluster.create("virtual-service.yaml");

        assertThatThrownBy(() -> router(ROUTE.withSection("debug").withBackends(Backend.named("churn-model-canary"),
                Backend.named("churn-model-canary"))))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Istio VirtualService ml-serving/churn-model: spec.http[0].route[0] "
                        + "(churn-model-canary.ml-serving.svc.cluster.local) is both the stable and the canary "
                        + "destination. Give the router two different destinations.");
    }

    @Test
    void shouldRefuseAThirdDestinationThatCarriesTraffic() {
        ObjectNode object = (ObjectNode) MockCluster.json("{\"apiVersion\": \"networking.istio.io/v1\", \"kind\": "
                + "\"VirtualService\", \"metadata\": {\"name\": \"churn-model\", \"namespace\": \"ml-serving\"}, "
                + "\"spec\": {\"hosts\": [\"churn-model\"], \"http\": [{\"route\": [{\"destination\": {\"host\": "
                + "\"churn-model-stable\"}, \"weight\": 90}, {\"destination\": {\"host\": \"churn-model-shadow\"}, "
                + "\"weight\": 10}, {\"destination\": {\"host\": \"churn-model-canary\"}, \"weight\": 0}]}]}}");
        cluster.create(object);

        assertThatThrownBy(() -> router(ROUTE.withSection(null)))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Istio VirtualService ml-serving/churn-model: spec.http[0].route[1] (churn-model-shadow) "
                        + "carries weight 10 but is neither the stable nor the canary destination. The router "
                        + "drives exactly two destinations: remove the others from git or give them weight 0.");
    }

    @Test
    void shouldRecomputeTheChangeAfterAConcurrentUpdateAndKeepTheOtherWriters() throws Exception {
        cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter router = router(ROUTE)) {
            cluster.changeAfterNextRead(VIRTUAL_SERVICE, "v1", NAME, other -> ((ObjectNode) other.at(
                    "/metadata/labels")).put("team", "fraud-and-churn"), false);
            cluster.patches();

            router.setWeight(25);

            ObjectNode stored = cluster.get(VIRTUAL_SERVICE, "v1", NAME);
            assertThat(stored.at(STABLE).intValue()).isEqualTo(75);
            assertThat(stored.at(CANARY).intValue()).isEqualTo(25);
            assertThat(stored.at("/metadata/labels/team").asText()).as("the other write").isEqualTo(
                    "fraud-and-churn");
            assertThat(cluster.patches()).as("refused on the stale version, then applied").hasSize(2);
            assertThat(cluster.sleeps).hasSize(1);
        }
    }

    @Test
    void shouldGiveUpWhenTheObjectKeepsChanging() throws Exception {
        cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter router = router(ROUTE)) {
            cluster.changeAfterNextRead(VIRTUAL_SERVICE, "v1", NAME, other -> ((ObjectNode) other.at("/spec/http/1"))
                    .put("timeout", "20s"), true);

            assertThatThrownBy(() -> router.setWeight(5))
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("Istio VirtualService ml-serving/churn-model kept changing while mlgitops updated "
                            + "it: 5 conflicting updates in a row (HTTP 409). Another controller may be writing the "
                            + "same fields (Flagger, Argo Rollouts, or Argo CD self-heal without an ignoreDifferences "
                            + "entry for them); let only one of them drive this object.");
            assertThat(cluster.sleeps).hasSize(4);
        }
        assertThat(cluster.get(VIRTUAL_SERVICE, "v1", NAME).at(CANARY).intValue()).isZero();
    }

    @Test
    void shouldSayWhatToGrantWhenThePatchIsForbidden() throws Exception {
        cluster.create("virtual-service.yaml");
        try (KubernetesTrafficRouter router = router(ROUTE)) {
            cluster.server().expect().patch().withPath(MockCluster.path(VIRTUAL_SERVICE, "v1", NAME)
                    + "?fieldManager=mlgitops").andReturn(403, "{\"kind\": \"Status\", \"apiVersion\": \"v1\", \"status\": \"Failure\", "
                            + "\"message\": \"virtualservices.networking.istio.io \\\"churn-model\\\" is forbidden: "
                            + "User \\\"jenkins\\\" cannot patch resource\", \"reason\": \"Forbidden\", \"code\": 403}")
                    .always();

            assertThatThrownBy(() -> router.setWeight(5))
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessage("The Kubernetes API %s does not let these credentials update Istio VirtualService "
                            + "'churn-model' in namespace 'ml-serving' (HTTP 403: virtualservices.networking.istio.io "
                            + "\"churn-model\" is forbidden: User \"jenkins\" cannot patch resource). Grant them patch "
                            + "on virtualservices.networking.istio.io in namespace 'ml-serving' (a Role and "
                            + "RoleBinding).", cluster.server().url("/"));
        }
    }

    @Test
    void shouldRefuseSettingsTheIstioRouterCannotUse() {
        assertThatThrownBy(() -> router(KubernetesRoute.of(NAMESPACE, NAME)))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("The Istio router needs the stable and canary destinations (host, and subset when both "
                        + "share a host) of ml-serving/churn-model.");
        assertThatThrownBy(() -> router(ROUTE.withApiVersion("gateway.networking.k8s.io/v1")))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("The Istio VirtualService router cannot use API version gateway.networking.k8s.io/v1 is "
                        + "not of group networking.istio.io (the Istio VirtualService group).");
    }
}
