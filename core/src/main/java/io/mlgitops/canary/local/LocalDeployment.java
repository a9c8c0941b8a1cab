package io.mlgitops.canary.local;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.LocalModel;
import io.mlgitops.canary.LocalServing;
import io.mlgitops.canary.LocalServingSpec;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.TrafficRouter;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelOutput;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link LocalServing}: the two model servers, the split in front of them, the router and the metric provider over
 * them, and the thread that snapshots the servers' counters every second.
 */
public final class LocalDeployment implements LocalServing {
    static final Duration RESOLUTION = Duration.ofSeconds(1);
    static final Duration RETENTION = Duration.ofHours(2);

    private final RouteTargets targets;
    private final Map<Variant, ModelServer> servers;
    private final WeightedSplit split;
    private final LocalTrafficRouter router;
    private final LocalMetricProvider metrics;
    private final ScheduledExecutorService sampler;

    private LocalDeployment(final RouteTargets targets, final Map<Variant, ModelServer> servers,
            final WeightedSplit split, final LocalTrafficRouter router, final LocalMetricProvider metrics,
            final ScheduledExecutorService sampler) {
        this.targets = targets;
        this.servers = servers;
        this.split = split;
        this.router = router;
        this.metrics = metrics;
        this.sampler = sampler;
    }

    /** See {@link LocalServing#start}. */
    public static LocalDeployment start(final LocalServingSpec spec) throws MlGitOpsException {
        Optional<long[]> reference = driftReference(spec);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Map<Variant, ModelServer> servers = new EnumMap<>(Variant.class);
            for (Variant variant : Variant.values()) {
                LocalModel model = variant == Variant.STABLE ? spec.stable() : spec.canary();
                ServerLabels labels = new ServerLabels(variant, spec.targets().namespace(),
                        spec.targets().name(variant), model.name(), model.version());
                ModelServer server = ModelServer.start(labels, model.runner(), spec.request(), reference);
                started.add(server);
                servers.put(variant, server);
            }
            WeightedSplit split = WeightedSplit.start(servers.get(Variant.STABLE).uri("/"),
                    servers.get(Variant.CANARY).uri("/"));
            started.add(split);
            LocalMetricProvider metrics = new LocalMetricProvider(servers, spec.targets(), spec.clock(), RESOLUTION,
                    RETENTION);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                    DaemonThreads.named("mlgitops-local-metrics"));
            sampler.scheduleAtFixedRate(metrics::record, RESOLUTION.toMillis(), RESOLUTION.toMillis(),
                    TimeUnit.MILLISECONDS);
            return new LocalDeployment(spec.targets(), servers, split,
                    new LocalTrafficRouter(split, spec.targets(), new JsonFileStateStore(spec.stateFile())), metrics,
                    sampler);
        }
        catch (MlGitOpsException | RuntimeException failure) {
            for (AutoCloseable server : started) {
                closeQuietly(server, failure);
            }
            throw failure;
        }
    }

    /** The bin counts of the stable model's predictions on the reference rows, when there are rows and bins. */
    private static Optional<long[]> driftReference(final LocalServingSpec spec) throws MlGitOpsException {
        if (spec.driftReference().isEmpty()) {
            return Optional.empty();
        }
        Dataset rows = spec.driftReference().get();
        ModelOutput output = spec.stable().runner().predict(rows, spec.request(), ProgressListener.NONE);
        return output.probabilities().map(PredictionBins::histogram);
    }

    private static void closeQuietly(final AutoCloseable resource, final Exception failure) {
        try {
            resource.close();
        }
        catch (Exception suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    @Override
    public RouteTargets targets() {
        return targets;
    }

    @Override
    public TrafficRouter router() {
        return router;
    }

    @Override
    public MetricProvider metrics() {
        return metrics;
    }

    @Override
    public URI endpoint() {
        return split.uri("/invocations");
    }

    @Override
    public URI metricsEndpoint(final Variant variant) {
        return servers.get(variant).uri("/metrics");
    }

    @Override
    public void inject(final Variant variant, final Faults faults) {
        servers.get(variant).inject(faults);
    }

    /** Requests the split sent to a variant so far. */
    long routed(final Variant variant) {
        return split.routed(variant);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        split.close();
        servers.values().forEach(ModelServer::close);
    }
}
