package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.Backoff;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.NetworkFailures;
import io.mlgitops.net.Sleeper;
import io.mlgitops.net.Urls;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Reads Argo CD {@code Application} objects ({@code argoproj.io/v1alpha1}) of one namespace as generic resources, so
 * that no Argo CD model classes are needed and unknown fields are kept. Connection failures, 429 and 5xx answers are
 * retried with jittered backoff, up to a bounded number of attempts; every other failure ends the read with a
 * message that names the namespace, the application and what to check.
 */
final class Applications {
    /** The custom resource, named fully so that no API discovery call (and no permission for it) is needed. */
    static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_HINT = "Check the kubeconfig (KUBECONFIG or the configured file and "
            + "context) or, inside a cluster, the pod's service account.";

    private final KubernetesClient client;
    private final String namespace;
    private final HttpSettings settings;
    private final Backoff backoff;
    private final Sleeper sleeper;

    /**
     * @param settings only the attempts are read here (timeouts are the client's); they also word network failures
     */
    Applications(final KubernetesClient client, final String namespace, final HttpSettings settings,
            final Backoff backoff, final Sleeper sleeper) {
        this.client = client;
        this.namespace = namespace;
        this.settings = settings;
        this.backoff = backoff;
        this.sleeper = sleeper;
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
        for (int attempt = 1; ; attempt++) {
            try {
                GenericKubernetesResource application = client.genericKubernetesResources(APPLICATION)
                        .inNamespace(namespace).withName(name).get();
                if (application == null) {
                    throw new InputException(String.format("Argo CD has no Application '%s' in namespace '%s' of "
                            + "the Kubernetes API %s. Check the application name and its namespace (Argo CD's own "
                            + "namespace is argocd), and that Argo CD is installed in this cluster.", name,
                            namespace, server()));
                }
                return JSON.valueToTree(application.getAdditionalProperties());
            }
            catch (KubernetesClientException failure) {
                if (!isRetryable(failure) || attempt >= settings.maxAttempts()) {
                    throw explain(failure, name, attempt);
                }
                pause(attempt, name);
            }
        }
    }

    private void pause(final int attempt, final String name) throws InputException {
        try {
            sleeper.sleep(backoff.delay(attempt));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while reading Argo CD Application " + qualified(name),
                    interrupted);
        }
    }

    private static boolean isRetryable(final KubernetesClientException failure) {
        int code = failure.getCode();
        return code == 429 || code >= 500 || code <= 0 && hasIoCause(failure);
    }

    private static boolean hasIoCause(final Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private InputException explain(final KubernetesClientException failure, final String name, final int attempts) {
        String application = String.format("Argo CD Application '%s' in namespace '%s'", name, namespace);
        int code = failure.getCode();
        String detail = code <= 0 ? NetworkFailures.describe(failure, settings) : detail(failure);
        String message;
        if (code == 401) {
            message = String.format("The Kubernetes API %s rejected the credentials used to read %s (HTTP 401: %s). "
                    + "%s", server(), application, detail, CONFIG_HINT);
        }
        else if (code == 403) {
            message = String.format("The Kubernetes API %s does not let these credentials read %s (HTTP 403: %s). "
                    + "Grant them get on applications.argoproj.io in namespace '%s' (a Role and RoleBinding).",
                    server(), application, detail, namespace);
        }
        else if (code <= 0) {
            message = String.format("Cannot reach the Kubernetes API %s to read %s (%s; %d attempt%s). %s", server(),
                    application, detail, attempts, attempts == 1 ? "" : "s", CONFIG_HINT);
        }
        else {
            message = String.format("The Kubernetes API %s answered HTTP %d to reading %s (%s; %d attempt%s).",
                    server(), code, application, detail, attempts, attempts == 1 ? "" : "s");
        }
        return new InputException(message, failure);
    }

    private static String detail(final KubernetesClientException failure) {
        if (failure.getStatus() != null && failure.getStatus().getMessage() != null) {
            return failure.getStatus().getMessage();
        }
        return failure.getMessage();
    }

    private String server() {
        try {
            return Urls.redact(client.getMasterUrl().toURI());
        }
        catch (URISyntaxException unusual) {
            return Urls.redact(String.valueOf(client.getMasterUrl()));
        }
    }
}
