package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.ModelRunnerFactory;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs champion and candidate on the same evaluation rows, computes the metrics, compares them with paired
 * statistics, applies the gates, and returns the benchmark report.
 */
public final class Benchmark {
    private final BenchmarkSettings settings;
    private final ModelRunnerFactory runners;
    private final ProgressListener progress;
    private final Clock clock;

    public Benchmark(final BenchmarkSettings settings, final ModelRunnerFactory runners,
            final ProgressListener progress, final Clock clock) {
        this.settings = settings;
        this.runners = runners;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Benchmarks the models on the data set.
     *
     * @throws MlGitOpsException when an input is wrong; nothing is reported as complete then
     */
    public Report<BenchmarkResults> run(final Dataset dataset) throws MlGitOpsException {
        String startedAt = clock.instant().toString();
        Column target = dataset.column(settings.target());
        dataset.columns(settings.features());
        dataset.columns(settings.slices());
        MetricPlan.validateNames(settings.task(), settings.extraMetrics(), settings.gates());
        RunLog log = new RunLog(progress);
        PredictionRequest request = new PredictionRequest(settings.target(), settings.features(),
                settings.batchSize(), settings.threads());
        try (ModelRunner candidate = runners.open(settings.candidate());
                OptionalRunner champion = openChampion(log)) {
            requireMeasurableLatency(candidate, champion);
            ModelOutput candidateOutput = predict(candidate, "candidate", dataset, request);
            Optional<ModelOutput> championOutput = champion.runner().isPresent()
                    ? Optional.of(predict(champion.runner().get(), "champion", dataset, request))
                    : Optional.empty();
            LatencyComparison latency = measureLatency(candidate, champion, candidateOutput, championOutput, dataset,
                    request, log);
            Evaluation evaluation = evaluate(dataset, target, candidateOutput, championOutput, log);
            List<GateResult> gates = new ArrayList<>(evaluation.gates());
            latencyGate(latency).ifPresent(gates::add);
            List<SliceResult> slices = slices(dataset, evaluation);
            BenchmarkResults results = new BenchmarkResults(evaluation.task().name().toLowerCase(Locale.ROOT),
                    settings.target(), evaluation.positiveLabel(), evaluation.labels(), dataset.rowCount(),
                    championOutput.isPresent(), evaluation.comparisons(),
                    evaluation.plan().gateMode().name().toLowerCase(Locale.ROOT), gates, statisticsSettings(),
                    latency, slices);
            BenchmarkVerdict verdict = new BenchmarkVerdict(evaluation.plan().gateMode(), settings.onMissingChampion());
            return new BenchmarkReportBuilder(dataset, candidate.description(),
                    champion.runner().map(ModelRunner::description), settings.champion())
                    .build(verdict.status(results, evaluation.plan().gates().size()), startedAt,
                            clock.instant().toString(), results, log.messages());
        }
    }

    private OptionalRunner openChampion(final RunLog log) throws MlGitOpsException {
        try {
            return new OptionalRunner(Optional.of(runners.open(settings.champion())));
        }
        catch (AliasNotFoundException noChampion) {
            String consequence = settings.onMissingChampion() == MissingChampionPolicy.PASS
                    ? "the candidate is judged on its own (absolute thresholds only)"
                    : "the benchmark fails (--on-missing-champion fail)";
            log.warning("No champion: " + noChampion.getMessage() + " " + consequence + ".");
            return new OptionalRunner(Optional.empty());
        }
    }

    private void requireMeasurableLatency(final ModelRunner candidate, final OptionalRunner champion)
            throws InputException {
        if (settings.maxLatencyRegression() == null) {
            return;
        }
        boolean precomputed = "predictions".equals(candidate.description().kind()) || champion.runner()
                .map(runner -> "predictions".equals(runner.description().kind())).orElse(false);
        if (precomputed || settings.latencySamples() == 0) {
            throw new InputException("--max-latency-regression needs both models to run (not predictions: files) "
                    + "and latency samples above 0.");
        }
    }

    private ModelOutput predict(final ModelRunner runner, final String role, final Dataset dataset,
            final PredictionRequest request) throws MlGitOpsException {
        progress.info(String.format("Predicting %d rows with the %s (%s)", dataset.rowCount(), role,
                runner.description().reference()));
        long start = System.nanoTime();
        ModelOutput output = runner.predict(dataset, request, progress);
        if (output.predictions().size() != dataset.rowCount()) {
            throw new InputException(String.format("The %s (%s) returned %d predictions for %d rows of %s.", role,
                    runner.description().reference(), output.predictions().size(), dataset.rowCount(),
                    dataset.source()));
        }
        progress.info(String.format(Locale.ROOT, "The %s predicted %d rows in %.1f s", role, dataset.rowCount(),
                (System.nanoTime() - start) / 1e9));
        return output;
    }

    private LatencyComparison measureLatency(final ModelRunner candidate, final OptionalRunner champion,
            final ModelOutput candidateOutput, final Optional<ModelOutput> championOutput, final Dataset dataset,
            final PredictionRequest request, final RunLog log) throws MlGitOpsException {
        if (candidateOutput.timings().isEmpty()) {
            log.info("Latency not measured: the candidate's predictions were precomputed.");
            return null;
        }
        List<ModelRunner> measured = new ArrayList<>();
        measured.add(candidate);
        boolean withChampion = championOutput.isPresent() && !championOutput.get().timings().isEmpty();
        if (withChampion) {
            measured.add(champion.runner().get());
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

    private Optional<GateResult> latencyGate(final LatencyComparison latency) {
        Double limit = settings.maxLatencyRegression();
        if (limit == null) {
            return Optional.empty();
        }
        String rule = "candidate p95 single-row latency <= " + limit + " x champion's";
        if (latency == null || latency.rowP95Ratio() == null) {
            return Optional.of(new GateResult("latency", rule, false,
                    "latency could not be compared: there is no champion latency to compare with"));
        }
        boolean passed = latency.rowP95Ratio() <= limit;
        String message = String.format(Locale.ROOT, "latency p95 candidate %.3f ms vs champion %.3f ms (x%.2f): %s",
                latency.candidate().rowP95Ms(), latency.champion().rowP95Ms(), latency.rowP95Ratio(),
                passed ? "passed" : "failed: slower than x" + limit);
        return Optional.of(new GateResult("latency", rule, passed, message));
    }

    private Evaluation evaluate(final Dataset dataset, final Column target, final ModelOutput candidateOutput,
            final Optional<ModelOutput> championOutput, final RunLog log) throws MlGitOpsException {
        EvaluationEncoder encoder = new EvaluationEncoder(target, dataset.source());
        Task task = encoder.task(settings.task(), candidateOutput, championOutput);
        MetricPlan plan = MetricPlan.of(task, settings.extraMetrics(), settings.gates(), settings.gateMode());
        String positiveLabel = null;
        EvaluationData candidateData;
        Optional<EvaluationData> championData;
        if (task.isClassification()) {
            List<ModelOutput> outputs = new ArrayList<>();
            outputs.add(candidateOutput);
            championOutput.ifPresent(outputs::add);
            positiveLabel = task == Task.BINARY ? encoder.positiveLabel(settings.positiveLabel(), outputs) : null;
            candidateData = encoder.classification(task, candidateOutput, positiveLabel, "the candidate");
            championData = championOutput.isPresent()
                    ? Optional.of(encoder.classification(task, championOutput.get(), positiveLabel, "the champion"))
                    : Optional.empty();
        }
        else {
            candidateData = encoder.regression(candidateOutput, "the candidate");
            championData = championOutput.isPresent()
                    ? Optional.of(encoder.regression(championOutput.get(), "the champion"))
                    : Optional.empty();
        }
        Map<String, PreparedMetric> candidateMetrics = new LinkedHashMap<>();
        Map<String, PreparedMetric> championMetrics = championData.isPresent() ? new LinkedHashMap<>() : null;
        for (Metric metric : plan.metrics()) {
            if (metric.needsProbabilities() && !plan.isExplicit(metric) && (!candidateData.hasProbabilities()
                    || championData.map(data -> !data.hasProbabilities()).orElse(false))) {
                log.info(metric.name() + " skipped: a model gave no probabilities.");
                continue;
            }
            String where = " on column '" + settings.target() + "' of " + dataset.source();
            candidateMetrics.put(metric.name(), prepare(metric, candidateData, "the candidate" + where));
            if (championData.isPresent()) {
                championMetrics.put(metric.name(), prepare(metric, championData.get(), "the champion" + where));
            }
        }
        List<MetricComparison> comparisons = new MetricComparator(settings, plan, log).compare(candidateData,
                championData, candidateMetrics, championMetrics);
        List<GateResult> gates = new ArrayList<>();
        GateEvaluator evaluator = new GateEvaluator();
        for (Gate gate : plan.gates()) {
            MetricComparison comparison = comparisons.stream().filter(c -> c.name().equals(gate.metric()))
                    .findFirst().orElseThrow();
            gates.add(evaluator.evaluate(gate, comparison, championData.isPresent()));
        }
        List<String> labels = task.isClassification() ? candidateData.labels().asList() : List.of();
        return new Evaluation(task, positiveLabel, labels, plan, comparisons, gates, candidateMetrics,
                championMetrics);
    }

    private static PreparedMetric prepare(final Metric metric, final EvaluationData data, final String what)
            throws InputException {
        try {
            return metric.prepare(data);
        }
        catch (InputException undefined) {
            throw new InputException("Cannot compute " + metric.name() + " for " + what + ": "
                    + undefined.getMessage(), undefined);
        }
    }

    private List<SliceResult> slices(final Dataset dataset, final Evaluation evaluation) throws InputException {
        List<SliceResult> slices = new ArrayList<>();
        SliceEvaluator evaluator = new SliceEvaluator(dataset.source());
        for (String column : settings.slices()) {
            slices.addAll(evaluator.evaluate(dataset.column(column), evaluation.championMetrics(),
                    evaluation.candidateMetrics()));
        }
        return slices;
    }

    private StatisticsSettings statisticsSettings() {
        return new StatisticsSettings(settings.test().id(), settings.confidence(), settings.resamples(),
                settings.seed(), settings.test() == StatisticalTest.NONE ? "none" : "holm");
    }

    /** What the evaluation of both models produced. */
    private record Evaluation(Task task, String positiveLabel, List<String> labels, MetricPlan plan,
            List<MetricComparison> comparisons, List<GateResult> gates, Map<String, PreparedMetric> candidateMetrics,
            Map<String, PreparedMetric> championMetrics) {
    }

    /** A champion runner that may be absent, closable in a try-with-resources. */
    private record OptionalRunner(Optional<ModelRunner> runner) implements AutoCloseable {
        @Override
        public void close() {
            runner.ifPresent(ModelRunner::close);
        }
    }
}
