package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.net.Backoff;
import io.mlgitops.net.HttpSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects in fabric8's mock API server (CRUD mode) for the router and watcher tests, created from the YAML fixtures
 * beside this class and read back as JSON. The test plays the other parties (a concurrent writer, Flagger, Argo
 * Rollouts) through {@link #edit}.
 */
final class MockCluster implements AutoCloseable {
    static final String NAMESPACE = "ml-serving";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ResourceKind> KINDS = List.of(ResourceKind.VIRTUAL_SERVICE, ResourceKind.HTTP_ROUTE,
            ResourceKind.TRAFFIC_SPLIT, ResourceKind.INFERENCE_SERVICE, ResourceKind.FLAGGER_CANARY,
            ResourceKind.ARGO_ROLLOUT);

    /** The waits of every connection from {@link #api()}, in order. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    MockCluster(final KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    /** The server, for scripted answers ({@code expect()}) and its address. */
    KubernetesMockServer server() {
        return server;
    }

    /** Stops the server and its client. */
    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    /** A connection of its own, as a router owns it, whose waits are recorded instead of slept. */
    KubernetesApi api() {
        return new KubernetesApi(server.createClient(), HttpSettings.DEFAULTS.withMaxAttempts(3),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(11)), sleeps::add);
    }

    /** The PATCH requests the server received since the last call, in order; drains the server's record. */
    List<RecordedRequest> patches() throws InterruptedException {
        List<RecordedRequest> patches = new ArrayList<>();
        for (RecordedRequest request = server.takeRequest(10, TimeUnit.MILLISECONDS); request != null;
                request = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            if ("PATCH".equals(request.getMethod())) {
                patches.add(request);
            }
        }
        return patches;
    }

    /** Creates the object of a fixture file under its own {@code apiVersion}; returns it as stored. */
    ObjectNode create(final String fixture) {
        try (InputStream text = Objects.requireNonNull(getClass().getResourceAsStream(fixture), fixture)) {
            ObjectNode object = (ObjectNode) YAML.readTree(text);
            return create(object);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    ObjectNode create(final ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        ResourceKind kind = kind(object.path("kind").asText());
        GenericKubernetesResource created = client.genericKubernetesResources(kind.context(version(apiVersion)))
                .inNamespace(object.path("metadata").path("namespace").asText()).resource(resource(object))
                .create();
        return JSON.valueToTree(created);
    }

    /** The object as stored now, read under {@code version}. */
    ObjectNode get(final ResourceKind kind, final String version, final String name) {
        return JSON.valueToTree(client.genericKubernetesResources(kind.context(version)).inNamespace(NAMESPACE)
                .withName(name).get());
    }

    /** Another party changes the object: a full update from a fresh read, as a controller would write it. */
    ObjectNode edit(final ResourceKind kind, final String version, final String name,
            final Consumer<ObjectNode> change) {
        ObjectNode object = get(kind, version, name);
        change.accept(object);
        return JSON.valueToTree(client.genericKubernetesResources(kind.context(version)).inNamespace(NAMESPACE)
                .resource(resource(object)).update());
    }

    /**
     * Drives the seed's steps (1, 5, 25, 100 percent) and back to 0; after each, the stored object must be
     * {@code original} with exactly the weight fields that {@code weights} gives for that step (pointer to value),
     * and the router must read the step's weight back.
     */
    void assertSteps(final KubernetesTrafficRouter router, final ObjectNode original, final String version,
            final IntFunction<Map<String, Integer>> weights) throws MlGitOpsException {
        ResourceKind kind = kind(original.path("kind").asText());
        String name = original.path("metadata").path("name").asText();
        for (int step : new int[] {1, 5, 25, 100, 0}) {
            router.setWeight(step);

            ObjectNode stored = get(kind, version, name);
            ObjectNode expected = userFields(original);
            weights.apply(step).forEach((pointer, value) -> {
                assertThat(stored.at(pointer).isInt()).as("%s at step %d", pointer, step).isTrue();
                assertThat(stored.at(pointer).intValue()).as("%s at step %d", pointer, step).isEqualTo(value);
                int slash = pointer.lastIndexOf('/');
                ((ObjectNode) expected.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
            });
            assertThat(userFields(stored)).as("all but the weights as created, at step %d", step)
                    .isEqualTo(expected);
            assertThat(router.weight()).isEqualTo(step);
        }
    }

    /**
     * Another party changes the object right after the next read of the code under test: that read (or, with
     * {@code always}, every read) still answers with the object as it is now, while the change is stored.
     */
    void changeAfterNextRead(final ResourceKind kind, final String version, final String name,
            final Consumer<ObjectNode> change, final boolean always) {
        ObjectNode stale = get(kind, version, name);
        edit(kind, version, name, change);
        var answer = server.expect().get().withPath(path(kind, version, name)).andReturn(200, stale.toString());
        if (always) {
            answer.always();
        }
        else {
            answer.once();
        }
    }

    /** The URL path of one object, for scripted answers of the mock server. */
    static String path(final ResourceKind kind, final String version, final String name) {
        return String.format("/apis/%s/%s/namespaces/%s/%s/%s", kind.group(), version, NAMESPACE, kind.plural(),
                name);
    }

    /** The object without what the server changes on every write (resource version, generation). */
    static ObjectNode userFields(final JsonNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.path("metadata");
        metadata.remove(List.of("resourceVersion", "generation"));
        return copy;
    }

    static JsonNode json(final String text) {
        try {
            return JSON.readTree(text);
        }
        catch (JsonProcessingException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static GenericKubernetesResource resource(final JsonNode object) {
        try {
            return JSON.treeToValue(object, GenericKubernetesResource.class);
        }
        catch (JsonProcessingException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static ResourceKind kind(final String name) {
        return KINDS.stream().filter(kind -> kind.kind().equals(name)).findFirst().orElseThrow();
    }

    private static String version(final String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }
}
