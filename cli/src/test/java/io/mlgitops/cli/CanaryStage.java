package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.LocalModel;
import io.mlgitops.canary.LocalServing;
import io.mlgitops.canary.LocalServingSpec;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.TrafficReplay;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.LocalModelRunners;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.testing.PrometheusServer;
import io.mlgitops.testing.TestEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One canary's world for the end-to-end tests. An Istio VirtualService in fabric8's mock API server (CRUD mode);
 * local model servers for the stable and the canary version behind a split that follows the VirtualService's weights
 * as the mesh's proxies would (through a watch); labelled traffic replayed at a steady rate; and a real Prometheus
 * scraping both servers every second, behind a proxy that can be switched off. Records every weight and state
 * annotation the VirtualService held.
 */
final class CanaryStage implements AutoCloseable {
    static final String NAMESPACE = "ml-serving";
    static final String NAME = "churn-model";
    static final String STATE_ANNOTATION = "mlgitops.io/rollout-state";
    static final ResourceDefinitionContext VIRTUAL_SERVICES = new ResourceDefinitionContext.Builder()
            .withGroup("networking.istio.io").withVersion("v1").withKind("VirtualService")
            .withPlural("virtualservices").withNamespaced(true).build();

    private static final String CANARY_WEIGHT = "/spec/http/0/route/1/weight";
    private static final String STABLE_WEIGHT = "/spec/http/0/route/0/weight";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIRTUAL_SERVICE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: churn-model
              namespace: ml-serving
            spec:
              hosts: [churn-model.ml-serving.svc.cluster.local]
              http:
                - name: primary
                  route:
                    - destination: {host: churn-model-stable.ml-serving.svc.cluster.local}
                      weight: 100
                    - destination: {host: churn-model-canary.ml-serving.svc.cluster.local}
                      weight: 0
            """;

    /** A state of the VirtualService: the canary weight it routes, and the rollout state annotation, if any. */
    record Seen(Instant at, int canaryWeight, int stableWeight, String state) {
    }

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<Integer, Consumer<CanaryStage>> onWeight = new ConcurrentHashMap<>();
    private final KubernetesClient client;
    private final Path kubeconfig;
    private final Dataset rows;
    private LocalServing serving;
    private SwitchableProxy prometheus;

    private CanaryStage(final KubernetesClient client, final Path kubeconfig, final Dataset rows) {
        this.client = client;
        this.kubeconfig = kubeconfig;
        this.rows = rows;
    }

    /**
     * Creates the VirtualService and starts the servers (champion.onnx as the stable version, {@code canaryModel}
     * for the canary), the traffic and Prometheus.
     */
    static CanaryStage start(final KubernetesMockServer server, final KubernetesClient client, final Path folder,
            final String canaryModel, final double requestsPerSecond) throws Exception {
        CanaryStage stage = new CanaryStage(client, writeKubeconfig(server, folder), CsvReader.read(
                TestEnvironment.example("churn/test.csv")));
        try {
            stage.createVirtualService();
            stage.serve(folder, canaryModel);
            stage.watch();
            stage.replay(requestsPerSecond);
            PrometheusServer scraping = PrometheusServer.start(List.of(stage.serving.metricsEndpoint(Variant.STABLE),
                    stage.serving.metricsEndpoint(Variant.CANARY)));
            stage.opened.push(scraping);
            stage.prometheus = stage.keep(SwitchableProxy.to(scraping.uri()));
            return stage;
        }
        catch (Exception | AssertionError failure) {
            stage.close();
            throw failure;
        }
    }

    private static Path writeKubeconfig(final KubernetesMockServer server, final Path folder) throws Exception {
        return Files.writeString(folder.resolve("kubeconfig"), String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters:", "- name: mock", "  cluster:", "    server: " + server.url("/"), "contexts:",
                "- name: mesh", "  context: {cluster: mock, user: ci}", "current-context: mesh", "users:",
                "- name: ci", "  user: {token: kube-token}", ""));
    }

    private void createVirtualService() throws Exception {
        GenericKubernetesResource resource = new ObjectMapper(new YAMLFactory()).readValue(VIRTUAL_SERVICE,
                GenericKubernetesResource.class);
        client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE).resource(resource).create();
    }

    private void serve(final Path folder, final String canaryModel) throws Exception {
        ModelRunner stable = keep(LocalModelRunners.onnx(TestEnvironment.example("churn/champion.onnx"),
                "onnx:champion", 1));
        ModelRunner canary = keep(LocalModelRunners.onnx(TestEnvironment.example("churn/" + canaryModel),
                "onnx:" + canaryModel, 1));
        serving = keep(LocalServing.start(LocalServingSpec.of(new LocalModel(stable, "churn", "1"),
                        new LocalModel(canary, "churn", "2"), folder.resolve("split-state.json"))
                .withTargets(new RouteTargets(NAMESPACE, "churn-stable", "churn-canary"))
                .withRequest(PredictionRequest.forTarget("churned")).withDriftReference(rows)));
    }

    /** The mesh: every change of the VirtualService reaches the split at once. */
    private void watch() {
        Watch watch = client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE).withName(NAME)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(final Action action, final GenericKubernetesResource resource) {
                        if (action == Action.ADDED || action == Action.MODIFIED) {
                            apply(JSON.valueToTree(resource));
                        }
                    }

                    @Override
                    public void onClose(final WatcherException cause) {
                        // the stage closes the watch; an unexpected end shows as missing weights
                    }
                });
        opened.push(watch::close);
        apply(JSON.valueToTree(client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE)
                .withName(NAME).get()));
    }

    private synchronized void apply(final JsonNode virtualService) {
        int canary = virtualService.at(CANARY_WEIGHT).asInt(-1);
        int stable = virtualService.at(STABLE_WEIGHT).asInt(-1);
        String state = virtualService.path("metadata").path("annotations").path(STATE_ANNOTATION).asText(null);
        Optional<Seen> last = seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
        if (last.isPresent() && last.get().canaryWeight() == canary && last.get().stableWeight() == stable
                && Objects.equals(last.get().state(), state)) {
            return;
        }
        if (canary >= 0 && canary <= 100) {
            setSplit(canary);
        }
        seen.add(new Seen(Instant.now(), canary, stable, state));
        Consumer<CanaryStage> action = onWeight.remove(canary);
        if (action != null) {
            action.accept(this);
        }
    }

    private void setSplit(final int canary) {
        try {
            serving.router().setWeight(canary);
        }
        catch (Exception cannotSet) {
            throw new IllegalStateException("The local split refused weight " + canary, cannotSet);
        }
    }

    private void replay(final double requestsPerSecond) throws Exception {
        opened.push(TrafficReplay.start(serving.endpoint(), rows, "churned", requestsPerSecond));
    }

    /** More traffic on top of what runs, from now on. */
    void addTraffic(final double requestsPerSecond) throws Exception {
        replay(requestsPerSecond);
    }

    /** Runs {@code action} once, when the VirtualService first routes {@code weight} percent to the canary. */
    void onCanaryWeight(final int weight, final Consumer<CanaryStage> action) {
        onWeight.put(weight, action);
    }

    void inject(final Faults faults) {
        serving.inject(Variant.CANARY, faults);
    }

    void setPrometheusDown(final boolean down) {
        prometheus.setDown(down);
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    String prometheusUrl() {
        return prometheus.uri().toString();
    }

    /** The canary weights the VirtualService routed, in order, each once per change (the initial 0 left out). */
    List<Integer> canaryWeights() {
        List<Integer> weights = new ArrayList<>();
        for (Seen state : seen) {
            int last = weights.isEmpty() ? 0 : weights.get(weights.size() - 1);
            if (last != state.canaryWeight()) {
                weights.add(state.canaryWeight());
            }
        }
        return weights;
    }

    /** Every state the VirtualService held, in order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** When the VirtualService first routed {@code weight} percent to the canary after {@code after}. */
    Instant firstTime(final int weight, final Instant after) {
        return seen.stream().filter(state -> state.canaryWeight() == weight && !state.at().isBefore(after))
                .map(Seen::at).findFirst()
                .orElseThrow(() -> new AssertionError("The canary weight never was " + weight + " after " + after
                        + ": " + seen));
    }

    /** The VirtualService as stored now. */
    JsonNode virtualService() {
        return JSON.valueToTree(client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE)
                .withName(NAME).get());
    }

    /** Waits until the VirtualService routes {@code weight} percent to the canary. */
    void awaitCanaryWeight(final int weight, final Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.isEmpty() || seen.get(seen.size() - 1).canaryWeight() != weight) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The canary weight did not reach " + weight + " within " + timeout + ": "
                        + canaryWeights());
            }
            Thread.sleep(50);
        }
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public void close() {
        IllegalStateException failed = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            }
            catch (Exception closing) {
                failed = failed == null ? new IllegalStateException("Could not stop the stage", closing) : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
