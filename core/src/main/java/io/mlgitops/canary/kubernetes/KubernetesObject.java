package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.EditReplacePatchable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.IgnoreDifferences;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.gitops.KubernetesApi.Request;
import io.mlgitops.gitops.KubernetesApi.Verb;

import java.util.List;

/**
 * One named custom object in one namespace, read as JSON (unknown fields kept) and changed by JSON Patch with
 * optimistic concurrency: every change names the resource version it was computed from, and a conflict (someone
 * else changed the object in between) leads to a fresh read and a recomputed change, a bounded number of times.
 */
final class KubernetesObject implements AutoCloseable {
    /** Conflicts in a row before giving up: more means another writer keeps changing the object. */
    static final int CONFLICT_ATTEMPTS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchContext JSON_PATCH = new PatchContext.Builder().withPatchType(PatchType.JSON)
            .withFieldManager(IgnoreDifferences.FIELD_MANAGER).build();

    private final KubernetesApi api;
    private final ResourceKind kind;
    private final List<String> versions;
    private final String namespace;
    private final String name;
    private volatile String version;

    /**
     * @param apiVersion the version to use, or {@code null} to use the first of the kind's versions under which the
     *                   object is found
     */
    KubernetesObject(final KubernetesApi api, final ResourceKind kind, final String apiVersion,
            final String namespace, final String name) {
        this.api = api;
        this.kind = kind;
        this.versions = kind.versionsFor(apiVersion);
        this.namespace = namespace;
        this.name = name;
    }

    /** For messages and reports: {@code Istio VirtualService ml-serving/churn-model}. */
    String description() {
        return kind.label() + " " + namespace + "/" + name;
    }

    ResourceKind kind() {
        return kind;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    /** The API version in use: the one the object was found under, else the first candidate. */
    String version() {
        String found = version;
        return found == null ? versions.get(0) : found;
    }

    /**
     * The object now, with its metadata, spec and status.
     *
     * @throws InputException when it does not exist (under any candidate version) or cannot be read
     */
    ObjectNode read() throws InputException {
        List<String> candidates = version == null ? versions : List.of(version);
        for (String candidate : candidates) {
            GenericKubernetesResource found = api.call(request(Verb.READ, kind.resource()),
                    client -> resource(client, candidate).get());
            if (found != null) {
                version = candidate;
                return JSON.valueToTree(found);
            }
        }
        throw new InputException(String.format("There is no %s '%s' in namespace '%s' of the Kubernetes API %s "
                + "(looked for %s). Check the name and the namespace (kubectl get %s -n %s), that the object is "
                + "applied to this cluster, and that its custom resource definition is installed.", kind.label(),
                name, namespace, api.server(), String.join(" and ", candidates.stream()
                        .map(candidate -> kind.group() + "/" + candidate).toList()), kind.resource(), namespace));
    }

    /**
     * Reads the object, asks {@code change} for the JSON Patch operations to apply to what was read, and applies
     * them on the condition that the object is still that version; after a conflict, starts again.
     *
     * @return the object after the change, or as read when {@code change} had nothing to do
     * @throws InputException when the object is missing, {@code change} refuses its shape or state, the API refuses
     *                        the patch, or conflicts go on for {@value #CONFLICT_ATTEMPTS} attempts
     */
    ObjectNode modify(final Change change) throws InputException {
        return modify(null, change);
    }

    /**
     * Like {@link #modify(Change)}, for a subresource: {@code status} for the fields a controller reports and reads
     * back as requests ({@code status.abort}, {@code status.failedChecks}).
     *
     * @param subresource {@code status}, or {@code null} for the object itself
     */
    ObjectNode modify(final String subresource, final Change change) throws InputException {
        Request request = request(Verb.UPDATE, subresource == null ? kind.resource()
                : kind.resource() + "/" + subresource);
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = read();
            List<ObjectNode> operations = change.operations(current);
            if (operations.isEmpty()) {
                return current;
            }
            ArrayNode patch = JSON.createArrayNode();
            String resourceVersion = Fields.text(current.path("metadata").path("resourceVersion"));
            if (!resourceVersion.isEmpty()) {
                patch.add(JsonPatch.precondition(resourceVersion));
            }
            patch.addAll(operations);
            try {
                GenericKubernetesResource updated = api.call(request, client -> {
                    Resource<GenericKubernetesResource> object = resource(client, version());
                    EditReplacePatchable<GenericKubernetesResource> target = subresource == null ? object
                            : object.subresource(subresource);
                    return target.patch(JSON_PATCH, patch.toString());
                });
                return JSON.valueToTree(updated);
            }
            catch (InputException failure) {
                if (!KubernetesApi.isConflict(failure)) {
                    throw failure;
                }
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw new InputException(String.format("%s kept changing while mlgitops updated it: %d "
                            + "conflicting updates in a row (HTTP 409). Another controller may be writing the same "
                            + "fields (Flagger, Argo Rollouts, or Argo CD self-heal without an ignoreDifferences "
                            + "entry for them); let only one of them drive this object.", description(), attempt),
                            failure);
                }
                api.pause(attempt, request);
            }
        }
    }

    @Override
    public void close() {
        api.close();
    }

    private Request request(final Verb verb, final String rbacResource) {
        return new Request(verb, String.format("%s '%s' in namespace '%s'", kind.label(), name, namespace),
                rbacResource, namespace);
    }

    private Resource<GenericKubernetesResource> resource(final KubernetesClient client, final String apiVersion) {
        return client.genericKubernetesResources(kind.context(apiVersion)).inNamespace(namespace).withName(name);
    }

    /** A change computed from the object as read. */
    @FunctionalInterface
    interface Change {
        /**
         * @return the JSON Patch operations, empty when the object is already as wanted
         * @throws InputException when the object's shape does not allow the change
         */
        List<ObjectNode> operations(ObjectNode current) throws InputException;
    }
}
