package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.analysis.CheckJudge;
import io.mlgitops.canary.analysis.Observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the canary analysis: at each call, measures every check for the canary and the stable version over the window
 * ending now and judges it (threshold and comparative judges, minimum samples), one {@link Decision} per check. It
 * decides nothing about the rollout: the controller applies the step policy to the {@link AnalysisRound}.
 *
 * <p>A provider failure is an {@link Verdict#ERROR} with the provider's message, never a failed check. The stable
 * version is measured for every check, so that each decision line shows both values; its failure matters only to
 * checks that compare with it.</p>
 */
public final class Analyst {
    private final List<CheckSpec> checks;
    private final int minSamples;
    private final MetricProvider provider;
    private final RouteTargets targets;
    private final Clock clock;

    /**
     * @param checks     the checks, with distinct names
     * @param minSamples the fewest samples a version needs in the window to be judged, unless a check sets its own
     * @param provider   where the metrics come from
     * @param targets    the names the queries filter on
     * @param clock      the time of each analysis (the end of its window)
     */
    public Analyst(final List<CheckSpec> checks, final int minSamples, final MetricProvider provider,
            final RouteTargets targets, final Clock clock) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("The analysis needs at least one check");
        }
        if (checks.stream().map(CheckSpec::name).distinct().count() != checks.size()) {
            throw new IllegalArgumentException("Check names must be distinct, got "
                    + checks.stream().map(CheckSpec::name).collect(Collectors.joining(", ")));
        }
        if (minSamples < 0) {
            throw new IllegalArgumentException("minSamples must not be negative, got " + minSamples);
        }
        this.checks = List.copyOf(checks);
        this.minSamples = minSamples;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Measures and judges every check over the window that ends now.
     *
     * @param weight the canary's current traffic share, for the decision lines
     * @param window the length of the window
     */
    public AnalysisRound analyse(final int weight, final Duration window) {
        Instant end = clock.instant();
        CheckJudge judge = new CheckJudge(end, weight, window);
        List<Decision> decisions = new ArrayList<>(checks.size());
        for (CheckSpec check : checks) {
            Observation canary = observe(check, Variant.CANARY, end, window);
            Observation stable = observe(check, Variant.STABLE, end, window);
            decisions.add(judge.decide(check, minSamples, canary, stable));
        }
        Set<String> critical = checks.stream().filter(CheckSpec::critical).map(CheckSpec::name)
                .collect(Collectors.toSet());
        return new AnalysisRound(end, weight, decisions, critical);
    }

    /** The checks, in the order of the decisions. */
    public List<CheckSpec> checks() {
        return checks;
    }

    private Observation observe(final CheckSpec check, final Variant variant, final Instant end,
            final Duration window) {
        try {
            return Observation.measured(provider.measure(check.query(), targets, variant, end, window));
        }
        catch (MlGitOpsException failed) {
            return Observation.failed(failed.getMessage());
        }
        catch (RuntimeException broken) {
            // a provider bug must not be taken for a failed canary; the controller counts errors on their own
            return Observation.failed(broken.getClass().getSimpleName() + ": " + broken.getMessage());
        }
    }
}
