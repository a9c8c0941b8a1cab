package io.mlgitops.api;

import io.mlgitops.canary.Faults;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.WeightField;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.RepositorySettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Where a canary's traffic is shifted, and by whom. */
public sealed interface CanaryRouting {
    /** The routed object kinds we drive. */
    enum Kind {
        ISTIO,
        GATEWAY_API,
        SMI,
        KSERVE;

        /** {@code istio}, {@code gateway-api}, {@code smi}, {@code kserve}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The rollout controllers we watch. */
    enum Controller {
        FLAGGER,
        ARGO_ROLLOUTS
    }

    /**
     * In-process model servers for both versions behind a weighted split, fed by a replayed labelled data set: for
     * the demo and for trying a canary without a cluster.
     *
     * @param stable       the stable model's reference
     * @param candidate    the candidate's reference
     * @param traffic      the labelled CSV replayed as requests
     * @param targetColumn its label column
     * @param features     the feature columns fed to the models, in order; empty for every column but the label
     * @param rate         requests per second
     * @param stateFile    the rollout's state file
     * @param faults       faults injected into the candidate (for trying a bad canary)
     */
    record Local(String stable, String candidate, Path traffic, String targetColumn, List<String> features,
            double rate, Path stateFile, Faults faults) implements CanaryRouting {
        public Local {
            features = List.copyOf(features);
            Objects.requireNonNull(stable, "stable");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(traffic, "traffic");
            Objects.requireNonNull(stateFile, "stateFile");
            Objects.requireNonNull(faults, "faults");
        }
    }

    /**
     * A routed object in the cluster that we patch (mode {@code direct}).
     *
     * @param kind       the object's kind
     * @param route      the object and its destinations
     * @param kubernetes how to reach the API
     */
    record Cluster(Kind kind, KubernetesRoute route, KubernetesSettings kubernetes) implements CanaryRouting {
        public Cluster {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(kubernetes, "kubernetes");
        }
    }

    /**
     * A routed object whose weights live in the GitOps repository (mode {@code gitops}): each change is a commit, and
     * counts once Argo CD applied it.
     *
     * @param cluster     the object in the cluster, read for the current weight and the state
     * @param repository  the GitOps repository
     * @param branch      its branch
     * @param fields      the manifest fields that hold the weights
     * @param application the Argo CD Application that applies them, or {@code null} to count a change once pushed
     * @param syncTimeout how long to wait for each change
     */
    record ThroughGit(Cluster cluster, RepositorySettings repository, String branch, List<WeightField> fields,
            String application, Duration syncTimeout) implements CanaryRouting {
        public ThroughGit {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(branch, "branch");
            fields = List.copyOf(fields);
            Objects.requireNonNull(syncTimeout, "syncTimeout");
        }
    }

    /**
     * A rollout that Flagger or Argo Rollouts drives; we follow it.
     *
     * @param controller   which controller
     * @param namespace    the object's namespace
     * @param name         the Canary or Rollout name
     * @param kubernetes   how to reach the API
     * @param pollInterval how often its state is read
     */
    record Watched(Controller controller, String namespace, String name, KubernetesSettings kubernetes,
            Duration pollInterval) implements CanaryRouting {
        public Watched {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kubernetes, "kubernetes");
            Objects.requireNonNull(pollInterval, "pollInterval");
        }
    }
}
