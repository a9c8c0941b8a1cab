package io.mlgitops.canary;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.gitops.KubernetesSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public factory: routers and watchers built from kubeconfig settings reach the cluster they name. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRoutersTest {
    private static final ResourceDefinitionContext SPLIT = new ResourceDefinitionContext.Builder()
            .withGroup("split.smi-spec.io").withVersion("v1alpha2").withKind("TrafficSplit")
            .withPlural("trafficsplits").withNamespaced(true).build();
    private static final ResourceDefinitionContext FLAGGER = new ResourceDefinitionContext.Builder()
            .withGroup("flagger.app").withVersion("v1beta1").withKind("Canary").withPlural("canaries")
            .withNamespaced(true).build();

    private KubernetesMockServer server;
    private KubernetesClient client;

    @TempDir
    private Path folder;

    private KubernetesSettings settings() throws IOException {
        Path kubeconfig = Files.writeString(folder.resolve("kubeconfig"), String.join("\n", "apiVersion: v1",
                "kind: Config", "clusters:", "- name: mock", "  cluster:", "    server: " + server.url("/"),
                "contexts:", "- name: prod", "  context: {cluster: mock, user: jenkins}", "current-context: prod",
                "users:", "- name: jenkins", "  user: {token: kube-secret-token}", ""));
        return KubernetesSettings.DEFAULTS.withKubeconfig(kubeconfig, "prod");
    }

    private static GenericKubernetesResource object(final String apiVersion, final String kind,
            final Map<String, Object> spec, final Map<String, Object> status) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(apiVersion);
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withName("churn-model")
                .withNamespace("ml-serving").build());
        object.setAdditionalProperty("spec", spec);
        object.setAdditionalProperty("status", status);
        return object;
    }

    @Test
    void shouldDriveASplitThroughTheConfiguredCluster() throws Exception {
        client.genericKubernetesResources(SPLIT).inNamespace("ml-serving").resource(object(
                "split.smi-spec.io/v1alpha2", "TrafficSplit", Map.of("service", "churn-model", "backends", List.of(
                        Map.of("service", "churn-stable", "weight", 100), Map.of("service", "churn-canary",
                                "weight", 0))), Map.of())).create();

        try (KubernetesTrafficRouter router = KubernetesRouters.smi(settings(), KubernetesRoute.of("ml-serving",
                "churn-model").withBackends(Backend.named("churn-stable"), Backend.named("churn-canary")))) {
            router.setWeight(5);

            assertThat(router.weight()).isEqualTo(5);
        }
        Object backends = client.genericKubernetesResources(SPLIT).inNamespace("ml-serving").withName("churn-model")
                .get().get("spec", "backends");
        assertThat(backends).isEqualTo(List.of(Map.of("service", "churn-stable", "weight", 95),
                Map.of("service", "churn-canary", "weight", 5)));
    }

    @Test
    void shouldWatchAFlaggerCanaryThroughTheConfiguredCluster() throws Exception {
        client.genericKubernetesResources(FLAGGER).inNamespace("ml-serving").resource(object("flagger.app/v1beta1",
                "Canary", Map.of("analysis", Map.of("stepWeights", List.of(1, 5, 25, 100))), Map.of("phase",
                        "Progressing", "canaryWeight", 25))).create();

        try (RolloutWatcher watcher = KubernetesRouters.flagger(settings(), "ml-serving", "churn-model")) {
            assertThat(watcher.snapshot().summary()).isEqualTo("phase Progressing, canary 25%, step 3 of 4");
        }
    }

    @Test
    void shouldNameTheMissingObjectWithoutCredentials() {
        assertThatThrownBy(() -> KubernetesRouters.kserve(settings(), KubernetesRoute.of("ml-serving", "churn")))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageStartingWith("There is no KServe InferenceService 'churn' in namespace 'ml-serving'")
                .hasMessageNotContaining("kube-secret-token");
    }
}
