package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.ApplicationSync;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.ManifestCommits;
import io.mlgitops.gitops.ManifestEdit;
import io.mlgitops.gitops.SyncOutcome;
import io.mlgitops.report.ReportLog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gitops} router mode: every weight change is a commit to the GitOps repository through the promotion
 * engine's safe push, and the change counts once Argo CD has applied it. The routed object in the cluster is only
 * read (the current weight, the metric targets) and carries the durable state.
 */
public final class GitOpsTrafficRouter implements TrafficRouter {
    private final TrafficRouter cluster;
    private final GitOpsRepository repository;
    private final String branch;
    private final List<WeightField> fields;
    private final Optional<ApplicationSync> sync;
    private final String application;
    private final Duration syncTimeout;
    private final String candidate;
    private final String authorName;
    private final String authorEmail;
    private final Clock clock;
    private final ReportLog log;

    /**
     * @param cluster     the router of the same object in the cluster, read-only here
     * @param fields      the manifest fields that hold the weights
     * @param sync        Argo CD, to wait for each change; empty to count a change once pushed
     * @param application the Argo CD Application that applies the manifests
     * @param candidate   the candidate, for commit messages
     */
    public GitOpsTrafficRouter(final TrafficRouter cluster, final GitOpsRepository repository, final String branch,
            final List<WeightField> fields, final Optional<ApplicationSync> sync, final String application,
            final Duration syncTimeout, final String candidate, final String authorName, final String authorEmail,
            final Clock clock, final ReportLog log) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.branch = Objects.requireNonNull(branch, "branch");
        this.fields = List.copyOf(fields);
        if (this.fields.isEmpty()) {
            throw new IllegalArgumentException("the gitops router mode needs at least one weight field");
        }
        this.sync = sync;
        this.application = application;
        this.syncTimeout = syncTimeout;
        this.candidate = candidate;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public String description() {
        return cluster.description() + " (weights through git, branch " + branch + ")";
    }

    @Override
    public RouteTargets targets() {
        return cluster.targets();
    }

    @Override
    public int weight() throws MlGitOpsException {
        return cluster.weight();
    }

    @Override
    public void setWeight(final int canaryWeight) throws MlGitOpsException {
        List<ManifestEdit> edits = new ArrayList<>();
        for (WeightField field : fields) {
            edits.add(field.edit(canaryWeight));
        }
        String id = "canary-" + candidate + "-" + canaryWeight + "-" + clock.millis();
        ManifestCommits.Landed landed = ManifestCommits.commit(repository, branch, edits, id,
                "Canary " + candidate + ": " + canaryWeight + "% of the traffic",
                Map.of("ML-Canary", candidate, "ML-Canary-Weight", Integer.toString(canaryWeight)), authorName,
                authorEmail, log);
        String commit = landed.outcome().commit();
        if (sync.isEmpty()) {
            return;
        }
        SyncOutcome outcome = sync.get().await(application, commit,
                reported -> reported.equalsIgnoreCase(commit) || repository.contains(branch, reported, commit),
                syncTimeout, log.asListener());
        if (!outcome.synced()) {
            throw new InputException(String.format("Argo CD did not apply the weight %d%% (commit %s) to %s: sync "
                    + "%s, health %s. %s", canaryWeight, commit, application, outcome.syncStatus(),
                    outcome.healthStatus(), String.join(" ", outcome.messages())));
        }
    }

    @Override
    public RolloutStateStore stateStore() {
        return cluster.stateStore();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
