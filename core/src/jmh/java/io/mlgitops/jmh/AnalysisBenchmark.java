package io.mlgitops.jmh;

import io.mlgitops.canary.AnalysisRound;
import io.mlgitops.canary.Analyst;
import io.mlgitops.canary.CheckSpec;
import io.mlgitops.canary.Comparison;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.MetricQuery;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.Threshold;
import io.mlgitops.canary.Variant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the canary analysis per check, without the metric provider (it hands out measurements made in the
 * set-up): threshold checks, and checks that also compare canary and stable series of {@code points} points with
 * Mann-Whitney U (6 points take the exact distribution, more the normal approximation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalysisBenchmark {
    private static final int CHECKS = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Param({"6", "60", "600"})
    public int points;

    private Analyst thresholds;
    private Analyst comparisons;

    @Setup
    public void setUp() {
        Random random = new Random(points);
        Measurement canary = measurement(random, 101);
        Measurement stable = measurement(random, 100);
        MetricProvider provider = new Fixed(canary, stable);
        List<CheckSpec> thresholdChecks = new ArrayList<>();
        List<CheckSpec> comparedChecks = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            MetricQuery query = new MetricQuery("check-" + i, "value", "samples");
            Threshold threshold = new Threshold(null, 150.0);
            thresholdChecks.add(new CheckSpec(query.name(), query, threshold, null, false, null));
            comparedChecks.add(new CheckSpec(query.name(), query, threshold,
                    new Comparison(Comparison.Direction.INCREASE, 0.1, null, 0.05), false, null));
        }
        RouteTargets targets = new RouteTargets("ml-serving", "model", "model-canary");
        Clock clock = Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);
        thresholds = new Analyst(thresholdChecks, 20, provider, targets, clock);
        comparisons = new Analyst(comparedChecks, 20, provider, targets, clock);
    }

    private Measurement measurement(final Random random, final double mean) {
        List<Double> series = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            series.add(mean + 5 * random.nextGaussian());
        }
        return new Measurement(mean, series, 500);
    }

    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public AnalysisRound thresholdCheck() {
        return thresholds.analyse(5, WINDOW);
    }

    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public AnalysisRound comparedCheck() {
        return comparisons.analyse(5, WINDOW);
    }

    /** Hands out the same measurements for every query. */
    private record Fixed(Measurement canary, Measurement stable)
            implements MetricProvider {
        @Override
        public Measurement measure(final MetricQuery query, final RouteTargets targets,
                final Variant variant, final Instant end, final Duration window) {
            return variant == Variant.CANARY ? canary : stable;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
