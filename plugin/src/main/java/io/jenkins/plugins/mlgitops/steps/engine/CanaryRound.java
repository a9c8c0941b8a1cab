package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of a {@link CanaryRequest} on the agent, with what the request must not keep in the build's program state:
 * the GitOps repository's credential and the configured cluster's kubeconfig, resolved on the controller for this
 * round, and the build's variables for the commits. Made for each round and sent with it; never stored. Its secret values are masked in what the round prints.
 */
public final class CanaryRound implements EngineRun {
    private static final long serialVersionUID = 1L;
    /** The build's variables a round takes: the commits' {@code Build-Url} trailer and default author. */
    public static final List<String> BUILD_VARIABLES = List.of("BUILD_URL", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL");

    private final CanaryRequest request;
    private final GitCredentials credentials;
    private final KubernetesAccess cluster;
    private final TreeMap<String, String> variables = new TreeMap<>();

    CanaryRound(final CanaryRequest request, final GitCredentials credentials, final KubernetesAccess cluster,
            final Map<String, String> buildVariables) {
        this.request = Objects.requireNonNull(request, "request");
        this.credentials = credentials == null ? GitCredentials.NONE : credentials;
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        for (String name : BUILD_VARIABLES) {
            String value = buildVariables.get(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        return request.run(workspace, secrets, progress, credentials, cluster, variables);
    }

    @Override
    public List<String> secretValues() {
        List<String> values = new ArrayList<>(credentials.secretValues());
        values.addAll(cluster.secretValues());
        return values;
    }
}
