package io.mlgitops.gitops;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.argocd.KubernetesClients;
import io.mlgitops.net.Backoff;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.NetworkFailures;
import io.mlgitops.net.Sleeper;
import io.mlgitops.net.Urls;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A connection to the Kubernetes API that retries what may succeed again and explains the rest. Connection failures,
 * 429 and 5xx answers are retried with jittered backoff, up to {@link HttpSettings#maxAttempts()}; every other
 * failure ends the call with a one-line message that names the API server, the object, what was attempted and what
 * to check or grant. Credentials never appear in messages.
 */
public final class KubernetesApi implements AutoCloseable {
    private static final String CONFIG_HINT = "Check the kubeconfig (KUBECONFIG or the configured file and "
            + "context) or, inside a cluster, the pod's service account.";
    private static final int CONFLICT = 409;

    private final KubernetesClient client;
    private final HttpSettings http;
    private final Backoff backoff;
    private final Sleeper sleeper;

    /**
     * @param client  a client whose own retries are off (see {@link #connect(KubernetesSettings)})
     * @param http    the attempts per call (timeouts are the client's); also words network failures
     * @param backoff the waits between attempts
     * @param sleeper how to wait (tests record the waits instead)
     */
    public KubernetesApi(final KubernetesClient client, final HttpSettings http, final Backoff backoff,
            final Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * A connection to the cluster that {@code settings} names (kubeconfig file and context, else {@code KUBECONFIG},
     * {@code ~/.kube/config} or the in-cluster service account), with its timeouts and retry policy. Close it when
     * done.
     *
     * @throws InputException when the kubeconfig file is missing or unreadable, or has no such context
     */
    public static KubernetesApi connect(final KubernetesSettings settings) throws InputException {
        HttpSettings http = settings.http();
        return new KubernetesApi(KubernetesClients.create(settings), http,
                new Backoff(http.initialBackoff(), http.maxBackoff(), new SplittableRandom()), Sleeper.THREAD);
    }

    /** The fabric8 client, for building calls. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * Runs {@code call}, again after a retryable failure.
     *
     * @param request what the call does, for messages
     * @throws InputException when the call fails for good: refused credentials (401), a missing permission (403,
     *                        naming the one to grant), a conflict (409, see {@link #isConflict(InputException)}),
     *                        another answer, or no answer on any attempt
     */
    public <T> T call(final Request request, final Call<T> call) throws InputException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run(client);
            }
            catch (KubernetesClientException failure) {
                if (!isRetryable(failure) || attempt >= http.maxAttempts()) {
                    throw explain(failure, request, attempt);
                }
                pause(attempt, request);
            }
        }
    }

    /**
     * Waits before attempt {@code attempt + 1} of {@code request} (jittered, growing with {@code attempt}); also for
     * callers that repeat a whole read-modify-write after a conflict.
     *
     * @throws InputException when interrupted (the thread's interrupt flag is set again)
     */
    public void pause(final int attempt, final Request request) throws InputException {
        try {
            sleeper.sleep(backoff.delay(attempt));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while " + request.verb().gerund + " " + request.subject(),
                    interrupted);
        }
    }

    /**
     * Whether a failure of {@link #call} was a conflict: the object changed since the version the call was based on
     * (HTTP 409), so reading it again and repeating the change may succeed.
     */
    public static boolean isConflict(final InputException failure) {
        return failure.getCause() instanceof KubernetesClientException cause && cause.getCode() == CONFLICT;
    }

    /** The API server's address, without credentials. */
    public String server() {
        try {
            return Urls.redact(client.getMasterUrl().toURI());
        }
        catch (URISyntaxException unusual) {
            return Urls.redact(String.valueOf(client.getMasterUrl()));
        }
    }

    @Override
    public void close() {
        client.close();
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

    private InputException explain(final KubernetesClientException failure, final Request request,
            final int attempts) {
        int code = failure.getCode();
        String detail = code <= 0 ? NetworkFailures.describe(failure, http) : detail(failure);
        Verb verb = request.verb();
        String message;
        if (code == 401) {
            message = String.format("The Kubernetes API %s rejected the credentials used to %s %s (HTTP 401: %s). "
                    + "%s", server(), verb.infinitive, request.subject(), detail, CONFIG_HINT);
        }
        else if (code == 403) {
            message = String.format("The Kubernetes API %s does not let these credentials %s %s (HTTP 403: %s). "
                    + "Grant them %s on %s in namespace '%s' (a Role and RoleBinding).", server(), verb.infinitive,
                    request.subject(), detail, verb.permission, request.resource(), request.namespace());
        }
        else if (code <= 0) {
            message = String.format("Cannot reach the Kubernetes API %s to %s %s (%s; %d attempt%s). %s", server(),
                    verb.infinitive, request.subject(), detail, attempts, attempts == 1 ? "" : "s", CONFIG_HINT);
        }
        else {
            message = String.format("The Kubernetes API %s answered HTTP %d to %s %s (%s; %d attempt%s).",
                    server(), code, verb.gerund, request.subject(), detail, attempts, attempts == 1 ? "" : "s");
        }
        return new InputException(message, failure);
    }

    private static String detail(final KubernetesClientException failure) {
        if (failure.getStatus() != null && failure.getStatus().getMessage() != null) {
            return failure.getStatus().getMessage();
        }
        return failure.getMessage();
    }

    /** What a call does to an object, in the words of messages and of the RBAC verb it needs. */
    public enum Verb {
        /** A GET: needs {@code get}. */
        READ("read", "reading", "get"),
        /** A PATCH of the object or of a subresource: needs {@code patch}. */
        UPDATE("update", "updating", "patch");

        private final String infinitive;
        private final String gerund;
        private final String permission;

        Verb(final String infinitive, final String gerund, final String permission) {
            this.infinitive = infinitive;
            this.gerund = gerund;
            this.permission = permission;
        }
    }

    /**
     * A call, described for messages.
     *
     * @param verb      read or update
     * @param subject   the object in words, e.g. {@code Istio VirtualService 'churn' in namespace 'ml-serving'}
     * @param resource  the resource an RBAC rule names, e.g. {@code virtualservices.networking.istio.io} or
     *                  {@code rollouts.argoproj.io/status}
     * @param namespace the object's namespace
     */
    public record Request(Verb verb, String subject, String resource, String namespace) {
        public Request {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** One call through the client; fabric8 reports failures as {@link KubernetesClientException}. */
    @FunctionalInterface
    public interface Call<T> {
        T run(KubernetesClient client);
    }
}
