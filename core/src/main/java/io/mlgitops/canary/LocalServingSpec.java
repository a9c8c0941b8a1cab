package io.mlgitops.canary;

import io.mlgitops.data.Dataset;
import io.mlgitops.inference.PredictionRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LocalServing} serves and where it keeps its state.
 *
 * @param stable         the model serving production
 * @param canary         the candidate
 * @param targets        the namespace and workload names the servers' metrics carry
 * @param request        how request rows feed the models: the feature columns (empty: every column sent), and the
 *                       target column to leave out of {@code driftReference}
 * @param driftReference rows on which the stable model's predictions form the reference distribution of the drift
 *                       score; without it each server takes its own first predictions as the reference
 * @param stateFile      the rollout's durable state (JSON, written atomically)
 * @param clock          the time of metric snapshots
 */
public record LocalServingSpec(LocalModel stable, LocalModel canary, RouteTargets targets, PredictionRequest request,
        Optional<Dataset> driftReference, Path stateFile, Clock clock) {
    public LocalServingSpec {
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(driftReference, "driftReference");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Namespace {@code local}, workloads {@code <stable name>-stable} and {@code <canary name>-canary}, every sent
     * column a feature, no drift reference, the system clock.
     */
    public static LocalServingSpec of(final LocalModel stable, final LocalModel canary, final Path stateFile) {
        return new LocalServingSpec(stable, canary,
                new RouteTargets("local", stable.name() + "-stable", canary.name() + "-canary"),
                PredictionRequest.forTarget(null), Optional.empty(), stateFile, Clock.systemUTC());
    }

    public LocalServingSpec withTargets(final RouteTargets newTargets) {
        return new LocalServingSpec(stable, canary, newTargets, request, driftReference, stateFile, clock);
    }

    public LocalServingSpec withRequest(final PredictionRequest newRequest) {
        return new LocalServingSpec(stable, canary, targets, newRequest, driftReference, stateFile, clock);
    }

    public LocalServingSpec withDriftReference(final Dataset reference) {
        return new LocalServingSpec(stable, canary, targets, request, Optional.of(reference), stateFile, clock);
    }

    public LocalServingSpec withClock(final Clock newClock) {
        return new LocalServingSpec(stable, canary, targets, request, driftReference, stateFile, newClock);
    }
}
