package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.gitops.KubernetesApi.Request;
import io.mlgitops.gitops.KubernetesApi.Verb;

/**
 * Reads Argo CD {@code Application} objects ({@code argoproj.io/v1alpha1}) of one namespace as generic resources, so
 * that no Argo CD model classes are needed and unknown fields are kept. Retries and failure messages are
 * {@link KubernetesApi}'s.
 */
final class Applications {
    /** The custom resource, named fully so that no API discovery call (and no permission for it) is needed. */
    static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesApi api;
    private final String namespace;

    Applications(final KubernetesApi api, final String namespace) {
        this.api = api;
        this.namespace = namespace;
    }

    /** The namespace and name, as shown in messages. */
    String qualified(final String name) {
        return namespace + "/" + name;
    }

    /**
     * The application as JSON ({@code spec}, {@code status}, ...).
     *
     * @throws InputException when it does not exist, may not be read, or the API fails on every attempt
     */
    JsonNode read(final String name) throws InputException {
        Request request = new Request(Verb.READ, String.format("Argo CD Application '%s' in namespace '%s'", name,
                namespace), "applications.argoproj.io", namespace);
        GenericKubernetesResource application = api.call(request, client -> client.genericKubernetesResources(
                APPLICATION).inNamespace(namespace).withName(name).get());
        if (application == null) {
            throw new InputException(String.format("Argo CD has no Application '%s' in namespace '%s' of the "
                    + "Kubernetes API %s. Check the application name and its namespace (Argo CD's own namespace is "
                    + "argocd), and that Argo CD is installed in this cluster.", name, namespace, api.server()));
        }
        return JSON.valueToTree(application.getAdditionalProperties());
    }
}
