package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.report.ReportLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The latency part of a benchmark: checks that latency can be measured when a latency gate asks for it, measures
 * both models, and judges the candidate's slowdown against {@code --max-latency-regression}.
 */
final class LatencyCheck {
    static final String GATE = "latency";

    private final BenchmarkSettings settings;
    private final ProgressListener progress;

    LatencyCheck(final BenchmarkSettings settings, final ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Fails early when a latency gate is asked for but a model's predictions are precomputed. */
    void requireMeasurable(final ModelRunner candidate, final Optional<ModelRunner> champion) throws InputException {
        if (settings.maxLatencyRegression() == null) {
            return;
        }
        boolean precomputed = isPrecomputed(candidate) || champion.map(LatencyCheck::isPrecomputed).orElse(false);
        if (precomputed || settings.latencySamples() == 0) {
            throw new InputException("--max-latency-regression needs both models to run (not predictions: files) "
                    + "and latency samples above 0.");
        }
    }

    private static boolean isPrecomputed(final ModelRunner runner) {
        return "predictions".equals(runner.description().kind());
    }

    /** Both models' latency, or {@code null} when the candidate did not run (a predictions file). */
    LatencyComparison measure(final ModelRunner candidate, final Optional<ModelRunner> champion,
            final ModelOutput candidateOutput, final Optional<ModelOutput> championOutput, final Dataset dataset,
            final PredictionRequest request, final ReportLog log) throws MlGitOpsException {
        if (candidateOutput.timings().isEmpty()) {
            log.info("Latency not measured: the candidate's predictions were precomputed.");
            return null;
        }
        List<ModelRunner> measured = new ArrayList<>();
        measured.add(candidate);
        boolean withChampion = championOutput.isPresent() && !championOutput.get().timings().isEmpty();
        if (withChampion) {
            measured.add(champion.orElseThrow());
        }
        if (settings.latencySamples() > 0) {
            progress.info("Measuring single-row latency on " + Math.min(settings.latencySamples(),
                    dataset.rowCount()) + " rows");
        }
        double[][] millis = new LatencyMeter(settings.latencySamples()).singleRowMillis(measured, dataset, request);
        LatencySummary candidateLatency = LatencyMeter.summarize(candidateOutput.timings(), millis[0]);
        LatencySummary championLatency = withChampion
                ? LatencyMeter.summarize(championOutput.get().timings(), millis[1])
                : null;
        Double ratio = championLatency != null && championLatency.rowP95Ms() != null
                && candidateLatency.rowP95Ms() != null && championLatency.rowP95Ms() > 0
                ? candidateLatency.rowP95Ms() / championLatency.rowP95Ms()
                : null;
        return new LatencyComparison(championLatency, candidateLatency, ratio);
    }

    /** The latency gate, when one was asked for. */
    Optional<GateResult> gate(final LatencyComparison latency) {
        Double limit = settings.maxLatencyRegression();
        if (limit == null) {
            return Optional.empty();
        }
        String rule = "candidate p95 single-row latency <= " + limit + " x champion's";
        if (latency == null || latency.rowP95Ratio() == null) {
            return Optional.of(new GateResult(GATE, rule, false,
                    "latency could not be compared: there is no champion latency to compare with"));
        }
        boolean passed = latency.rowP95Ratio() <= limit;
        String message = String.format(Locale.ROOT, "latency p95 candidate %.3f ms vs champion %.3f ms (x%.2f): %s",
                latency.candidate().rowP95Ms(), latency.champion().rowP95Ms(), latency.rowP95Ratio(),
                passed ? "passed" : "failed: slower than x" + limit);
        return Optional.of(new GateResult(GATE, rule, passed, message));
    }
}
