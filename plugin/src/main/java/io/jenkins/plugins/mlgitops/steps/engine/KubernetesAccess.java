package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.KubernetesSettings;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes cluster of one step call as configured in <em>Manage Jenkins</em>: a kubeconfig's content resolved
 * on the controller from a Secret file credential, or none (the agent's own discovery: {@code KUBECONFIG},
 * {@code ~/.kube/config}, else the pod's service account), and a context. On the agent {@link #open(Path)} writes the
 * kubeconfig to an owner-only file that {@link Opened#close()} deletes. Only {@link #toString()} appears in messages;
 * it shows no content.
 */
public final class KubernetesAccess implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FILE_NAME = "kubeconfig";

    private final String credentialsId;
    private final String kubeconfig;
    private final String context;

    private KubernetesAccess(final String credentialsId, final String kubeconfig, final String context) {
        this.credentialsId = credentialsId;
        this.kubeconfig = kubeconfig;
        this.context = context;
    }

    /** The agent's own discovery, with the context or {@code null} for the current one. */
    public static KubernetesAccess discovery(final String context) {
        return new KubernetesAccess(null, null, context);
    }

    /**
     * The kubeconfig of a Secret file credential.
     *
     * @throws IllegalArgumentException when the content is blank
     */
    public static KubernetesAccess kubeconfig(final String credentialsId, final String content, final String context) {
        Objects.requireNonNull(credentialsId, "credentialsId");
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("The Secret file of credentials '" + credentialsId + "' is empty: "
                    + "upload the kubeconfig into it.");
        }
        return new KubernetesAccess(credentialsId, content, context);
    }

    /**
     * The cluster on this machine: the kubeconfig written to an owner-only file (when there is one) and the context.
     *
     * @throws InputException when the private file cannot be written
     */
    public Opened open(final Path workspace) throws InputException {
        if (kubeconfig == null) {
            return new Opened(null, null, context);
        }
        Path folder = PrivateFiles.write(workspace, "mlgitops-kube", FILE_NAME, kubeconfig,
                "the kubeconfig of credentials '" + credentialsId + "'");
        return new Opened(folder.resolve(FILE_NAME), folder, context);
    }

    /** The kubeconfig's content, for masking: whole and line by line (see {@link SecretMasker}). */
    public List<String> secretValues() {
        return kubeconfig == null ? List.of() : List.of(kubeconfig);
    }

    @Override
    public String toString() {
        return "KubernetesAccess[" + (credentialsId == null ? "discovery" : "kubeconfig of " + credentialsId)
                + (context == null ? "" : ", context " + context) + "]";
    }

    /**
     * The cluster as the engine reaches it from this machine; closing deletes the kubeconfig file.
     *
     * @param kubeconfig the private kubeconfig file, or {@code null} for discovery
     * @param folder     its private folder, or {@code null}
     * @param context    the context, or {@code null}
     */
    public record Opened(Path kubeconfig, Path folder, String context) implements AutoCloseable {
        /** The engine's settings with this kubeconfig and context. */
        public KubernetesSettings applyTo(final KubernetesSettings settings) {
            return settings.withKubeconfig(kubeconfig, context);
        }

        @Override
        public void close() {
            PrivateFiles.delete(folder);
        }
    }
}
