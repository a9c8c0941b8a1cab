package io.mlgitops.api;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.GitOpsTrafficRouter;
import io.mlgitops.canary.IgnoreDifferences;
import io.mlgitops.canary.KubernetesRouters;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.LocalModel;
import io.mlgitops.canary.LocalServing;
import io.mlgitops.canary.LocalServingSpec;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.MetricProviders;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RolloutWatcher;
import io.mlgitops.canary.TrafficReplay;
import io.mlgitops.canary.TrafficRouter;
import io.mlgitops.canary.Variant;
import io.mlgitops.canary.WatchedRolloutController;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.gitops.ApplicationSync;
import io.mlgitops.gitops.ApplicationSyncs;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.IgnoredDifference;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.inference.ModelRunners;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.Sleeper;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The router and the metric source of one canary run, with everything they hold open (model servers, replayed
 * traffic, Kubernetes and git clients), closed in reverse order.
 */
final class CanaryEnvironment implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ReportLog log;
    private TrafficRouter router;
    private MetricProvider metrics;
    private KubernetesTrafficRouter cluster;
    private KubernetesSettings kubernetes;

    private CanaryEnvironment(final ReportLog log) {
        this.log = log;
    }

    static CanaryEnvironment open(final CanaryRouting routing, final PrometheusSettings prometheus,
            final SecretSource secrets, final String candidate, final Clock clock, final ReportLog log)
            throws MlGitOpsException {
        CanaryEnvironment environment = new CanaryEnvironment(log);
        try {
            environment.connect(routing, prometheus, secrets, candidate, clock);
            return environment;
        }
        catch (MlGitOpsException | RuntimeException failure) {
            environment.close();
            throw failure;
        }
    }

    private void connect(final CanaryRouting routing, final PrometheusSettings prometheus, final SecretSource secrets,
            final String candidate, final Clock clock) throws MlGitOpsException {
        if (routing instanceof CanaryRouting.Local local) {
            startLocal(local, secrets, clock);
            if (prometheus != null) {
                metrics = keep(MetricProviders.prometheus(prometheus, secrets));
            }
            return;
        }
        if (prometheus == null) {
            throw new InvalidSettingsException("A canary in a cluster needs its metrics: pass --prometheus-url URL.");
        }
        metrics = keep(MetricProviders.prometheus(prometheus, secrets));
        if (routing instanceof CanaryRouting.Cluster direct) {
            cluster = keep(open(direct));
            router = cluster;
            kubernetes = direct.kubernetes();
            return;
        }
        CanaryRouting.ThroughGit git = (CanaryRouting.ThroughGit) routing;
        cluster = keep(open(git.cluster()));
        kubernetes = git.cluster().kubernetes();
        GitOpsRepository repository = keep(GitOpsRepositories.open(git.repository().withSecrets(secrets)
                .withProgress(log.asListener())));
        Optional<ApplicationSync> sync = git.application() == null ? Optional.empty()
                : Optional.of(keep(ApplicationSyncs.argoCd(kubernetes)));
        Author author = Author.fromEnvironment();
        router = new GitOpsTrafficRouter(cluster, repository, git.branch(), git.fields(), sync, git.application(),
                git.syncTimeout(), candidate, author.name(), author.email(), clock, log);
    }

    private static KubernetesTrafficRouter open(final CanaryRouting.Cluster cluster) throws MlGitOpsException {
        return switch (cluster.kind()) {
            case ISTIO -> KubernetesRouters.istio(cluster.kubernetes(), cluster.route());
            case GATEWAY_API -> KubernetesRouters.gatewayApi(cluster.kubernetes(), cluster.route());
            case SMI -> KubernetesRouters.smi(cluster.kubernetes(), cluster.route());
            case KSERVE -> KubernetesRouters.kserve(cluster.kubernetes(), cluster.route());
        };
    }

    private void startLocal(final CanaryRouting.Local local, final SecretSource secrets, final Clock clock)
            throws MlGitOpsException {
        ModelRunners runners = new ModelRunners(RegistryConnection.url(null, secrets), secrets,
                RegistryConnection.modelCache(null), CsvOptions.defaults(), 0,
                HttpSettings.DEFAULTS, log.asListener());
        LocalModel stable = new LocalModel(keep(runners.open(local.stable())), modelName(local.stable()), "stable");
        LocalModel candidate = new LocalModel(keep(runners.open(local.candidate())), modelName(local.candidate()),
                "candidate");
        Dataset traffic = CsvReader.read(local.traffic());
        LocalServing serving = keep(LocalServing.start(LocalServingSpec.of(stable, candidate, local.stateFile())
                .withRequest(new PredictionRequest(local.targetColumn(), local.features(),
                        PredictionRequest.DEFAULT_BATCH_SIZE, 0)).withDriftReference(traffic)
                .withClock(clock)));
        serving.inject(Variant.CANARY, local.faults());
        keep(TrafficReplay.start(serving.endpoint(), traffic, local.targetColumn(), local.rate()));
        log.info(String.format("Serving %s (stable) and %s (candidate) at %s, replaying %s at %.0f requests/s.",
                local.stable(), local.candidate(), serving.endpoint(), local.traffic(), local.rate()));
        router = serving.router();
        metrics = serving.metrics();
    }

    /** The model's name for metric labels: the file name without extension, or the registry model's name. */
    private static String modelName(final String reference) {
        String tail = reference.replaceAll("[/\\\\]+$", "");
        tail = tail.substring(Math.max(tail.lastIndexOf('/'), tail.lastIndexOf(':')) + 1);
        int dot = tail.lastIndexOf('.');
        String name = (dot > 0 ? tail.substring(0, dot) : tail).replaceAll("[^A-Za-z0-9-]", "-");
        return name.isEmpty() ? "model" : name;
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        resources.push(resource);
        return resource;
    }

    TrafficRouter router() {
        return router;
    }

    MetricProvider metrics() {
        return metrics;
    }

    /** Warns when Argo CD would undo our weight patches: the Application lacks an ignoreDifferences entry. */
    void warnAboutIgnoreDifferences(final String application) throws MlGitOpsException {
        if (application == null || cluster == null || router != cluster) {
            return;
        }
        try (ApplicationSync argo = ApplicationSyncs.argoCd(kubernetes)) {
            List<IgnoredDifference> ignored = argo.ignoredDifferences(application);
            Optional<IgnoredDifference> missing = cluster.missingIgnoreDifference(ignored);
            missing.ifPresent(entry -> log.warning("Argo CD Application " + application + " does not ignore the "
                    + "weights this canary patches, so a sync would undo them. Add to its spec.ignoreDifferences:\n"
                    + IgnoreDifferences.yaml(entry)));
        }
    }

    /** Follows a rollout driven by Flagger or Argo Rollouts. */
    static Report<CanaryResults> watch(final CanaryRouting.Watched watched, final String candidate,
            final Duration timeout, final Clock clock, final Sleeper sleeper, final ReportLog log,
            final boolean promote, final boolean abort) throws MlGitOpsException {
        try (RolloutWatcher watcher = watched.controller() == CanaryRouting.Controller.FLAGGER
                ? KubernetesRouters.flagger(watched.kubernetes(), watched.namespace(), watched.name())
                : KubernetesRouters.argoRollouts(watched.kubernetes(), watched.namespace(), watched.name())) {
            return new WatchedRolloutController(watcher, candidate, watched.pollInterval(), timeout, clock, sleeper,
                    log).run(promote, abort);
        }
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            }
            catch (Exception closing) {
                log.warning("Could not close " + closing.getMessage());
            }
        }
    }
}
