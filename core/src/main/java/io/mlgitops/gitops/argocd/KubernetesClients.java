package io.mlgitops.gitops.argocd;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.KubernetesSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a fabric8 client from {@link KubernetesSettings}: an explicit kubeconfig file and context, or fabric8's
 * discovery ({@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service account). fabric8's own retries
 * are off: {@link io.mlgitops.gitops.KubernetesApi} retries only what may succeed again, with jitter.
 */
public final class KubernetesClients {
    private KubernetesClients() {
    }

    /**
     * @throws InputException when the kubeconfig file is missing or unreadable, or has no such context
     */
    public static KubernetesClient create(final KubernetesSettings settings) throws InputException {
        Config config = settings.kubeconfig() == null ? Config.autoConfigure(settings.context())
                : fromFile(settings.kubeconfig(), settings.context());
        requireContext(config, settings);
        config.setConnectionTimeout(Math.toIntExact(settings.http().connectTimeout().toMillis()));
        config.setRequestTimeout(Math.toIntExact(settings.http().requestTimeout().toMillis()));
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** fabric8 falls back to its defaults for a context the kubeconfig lacks; that would talk to another cluster. */
    private static void requireContext(final Config config, final KubernetesSettings settings) throws InputException {
        String wanted = settings.context();
        NamedContext current = config.getCurrentContext();
        if (wanted == null || current != null && wanted.equals(current.getName())) {
            return;
        }
        List<String> known = config.getContexts() == null ? List.of()
                : config.getContexts().stream().map(NamedContext::getName).sorted().toList();
        throw new InputException(String.format("The kubeconfig %s has no context '%s' (it has: %s). Check the "
                + "context name (kubectl config get-contexts).", settings.kubeconfig() == null
                ? "found through KUBECONFIG or ~/.kube/config" : "file " + settings.kubeconfig(), wanted,
                known.isEmpty() ? "none" : String.join(", ", known)));
    }

    private static Config fromFile(final Path kubeconfig, final String context) throws InputException {
        if (!Files.isRegularFile(kubeconfig) || !Files.isReadable(kubeconfig)) {
            throw new InputException(String.format("The kubeconfig file %s does not exist or cannot be read. Check "
                    + "the path, or leave it unset to use KUBECONFIG, ~/.kube/config or the in-cluster service "
                    + "account.", kubeconfig));
        }
        try {
            return Config.fromKubeconfig(context, kubeconfig.toFile());
        }
        catch (KubernetesClientException unusable) {
            throw new InputException(String.format("Cannot use the kubeconfig file %s%s: %s", kubeconfig,
                    context == null ? "" : " with context '" + context + "'", unusable.getMessage()), unusable);
        }
    }
}
