package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.DatasetSource;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelReference;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.ModelRunnerFactory;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * Benchmarks the models on the data set. Reading the data overlaps opening the models.
     *
     * @throws MlGitOpsException when an input is wrong; nothing is reported as complete then
     */
    public Report<BenchmarkResults> run(final DatasetSource source) throws MlGitOpsException {
        String startedAt = clock.instant().toString();
        MetricPlan.validateNames(settings.task(), settings.extraMetrics(), settings.gates());
        ReportLog log = new ReportLog(progress);
        Set<String> columns = neededColumns();
        Concurrently.Both<Dataset, Models> opened = Concurrently.run(() -> source.read(columns), unused -> { },
                () -> openModels(log), Models::close);
        try (Models models = opened.second()) {
            Dataset dataset = opened.first();
            Column target = dataset.column(settings.target());
            dataset.columns(settings.features());
            dataset.columns(settings.slices());
            LatencyCheck latencyCheck = new LatencyCheck(settings, progress);
            latencyCheck.requireMeasurable(models.candidate(), models.champion());
            PredictionRequest request = new PredictionRequest(settings.target(), settings.features(),
                    settings.batchSize(), settings.threads());
            ModelOutput candidateOutput = predict(models.candidate(), "candidate", dataset, request);
            Optional<ModelOutput> championOutput = models.champion().isPresent()
                    ? Optional.of(predict(models.champion().get(), "champion", dataset, request))
                    : Optional.empty();
            LatencyComparison latency = latencyCheck.measure(models.candidate(), models.champion(), candidateOutput,
                    championOutput, dataset, request, log);
            Evaluation evaluation = evaluate(dataset, target, candidateOutput, championOutput, log);
            List<GateResult> gates = new ArrayList<>(evaluation.gates());
            latencyCheck.gate(latency).ifPresent(gates::add);
            List<SliceResult> slices = slices(dataset, evaluation);
            BenchmarkResults results = new BenchmarkResults(evaluation.task().name().toLowerCase(Locale.ROOT),
                    settings.target(), evaluation.positiveLabel(), evaluation.labels(), dataset.rowCount(),
                    championOutput.isPresent(), evaluation.comparisons(),
                    evaluation.plan().gateMode().name().toLowerCase(Locale.ROOT), gates, statisticsSettings(),
                    latency, slices);
            BenchmarkVerdict verdict = new BenchmarkVerdict(evaluation.plan().gateMode(), settings.onMissingChampion());
            return new BenchmarkReportBuilder(dataset, models.candidate().description(),
                    models.champion().map(ModelRunner::description), settings.champion())
                    .build(verdict.status(results, evaluation.plan().gates().size()), startedAt,
                            clock.instant().toString(), results, log.messages());
        }
    }

    /**
     * The columns the run reads: every column when a model runs on the data; only the target, features and slices
     * when both models are predictions files.
     */
    private Set<String> neededColumns() throws InputException {
        boolean precomputed = ModelReference.parse(settings.candidate()) instanceof ModelReference.Predictions
                && ModelReference.parse(settings.champion()) instanceof ModelReference.Predictions;
        if (!precomputed) {
            return Set.of();
        }
        Set<String> columns = new LinkedHashSet<>();
        columns.add(settings.target());
        columns.addAll(settings.features());
        columns.addAll(settings.slices());
        return columns;
    }

    private Models openModels(final ReportLog log) throws MlGitOpsException {
        Concurrently.Both<ModelRunner, Optional<ModelRunner>> opened = Concurrently.run(
                () -> runners.open(settings.candidate()), ModelRunner::close,
                () -> openChampion(log), champion -> champion.ifPresent(ModelRunner::close));
        return new Models(opened.first(), opened.second());
    }

    private Optional<ModelRunner> openChampion(final ReportLog log) throws MlGitOpsException {
        try {
            return Optional.of(runners.open(settings.champion()));
        }
        catch (AliasNotFoundException noChampion) {
            String consequence = settings.onMissingChampion() == MissingChampionPolicy.PASS
                    ? "the candidate is judged on its own (absolute thresholds only)"
                    : "the benchmark fails (--on-missing-champion fail)";
            log.warning("No champion: " + noChampion.getMessage() + " " + consequence + ".");
            return Optional.empty();
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

    private Evaluation evaluate(final Dataset dataset, final Column target, final ModelOutput candidateOutput,
            final Optional<ModelOutput> championOutput, final ReportLog log) throws MlGitOpsException {
        EvaluationEncoder encoder = new EvaluationEncoder(target, dataset.source());
        Task task = encoder.task(settings.task(), candidateOutput, championOutput);
        MetricPlan plan = MetricPlan.of(task, settings.extraMetrics(), settings.gates(), settings.gateMode());
        String positiveLabel = null;
        if (task == Task.BINARY) {
            List<ModelOutput> outputs = new ArrayList<>();
            outputs.add(candidateOutput);
            championOutput.ifPresent(outputs::add);
            positiveLabel = encoder.positiveLabel(settings.positiveLabel(), outputs);
        }
        boolean allHaveProbabilities = candidateOutput.probabilities().isPresent()
                && championOutput.map(output -> output.probabilities().isPresent()).orElse(true);
        List<Metric> metrics = new ArrayList<>();
        for (Metric metric : plan.metrics()) {
            if (metric.needsProbabilities() && !allHaveProbabilities && !plan.isExplicit(metric)) {
                log.info(metric.name() + " skipped: a model gave no probabilities.");
            }
            else {
                metrics.add(metric);
            }
        }
        ModelPreparer preparer = new ModelPreparer(encoder, task, positiveLabel, metrics,
                "on column '" + settings.target() + "' of " + dataset.source());
        Concurrently.Both<PreparedModel, Optional<PreparedModel>> prepared = Concurrently.run(
                () -> preparer.prepare(candidateOutput, "the candidate"),
                () -> championOutput.isPresent()
                        ? Optional.of(preparer.prepare(championOutput.get(), "the champion"))
                        : Optional.empty());
        PreparedModel candidate = prepared.first();
        Optional<PreparedModel> champion = prepared.second();
        List<MetricComparison> comparisons = new MetricComparator(settings, plan, log).compare(candidate.data(),
                champion.map(PreparedModel::data), candidate.metrics(),
                champion.map(PreparedModel::metrics).orElse(null));
        List<GateResult> gates = new ArrayList<>();
        GateEvaluator evaluator = new GateEvaluator();
        for (Gate gate : plan.gates()) {
            MetricComparison comparison = comparisons.stream().filter(c -> c.name().equals(gate.metric()))
                    .findFirst().orElseThrow();
            gates.add(evaluator.evaluate(gate, comparison, champion.isPresent()));
        }
        List<String> labels = task.isClassification() ? candidate.data().labels().asList() : List.of();
        return new Evaluation(task, positiveLabel, labels, plan, comparisons, gates, candidate.metrics(),
                champion.map(PreparedModel::metrics).orElse(null));
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
                settings.seed(), settings.test() == SignificanceMethod.NONE ? "none" : "holm");
    }

    /** What the evaluation of both models produced. */
    private record Evaluation(Task task, String positiveLabel, List<String> labels, MetricPlan plan,
            List<MetricComparison> comparisons, List<GateResult> gates, Map<String, PreparedMetric> candidateMetrics,
            Map<String, PreparedMetric> championMetrics) {
    }

    /** The opened runners; the champion is absent when its alias does not exist yet. */
    private record Models(ModelRunner candidate, Optional<ModelRunner> champion) implements AutoCloseable {
        @Override
        public void close() {
            try {
                candidate.close();
            }
            finally {
                champion.ifPresent(ModelRunner::close);
            }
        }
    }
}
