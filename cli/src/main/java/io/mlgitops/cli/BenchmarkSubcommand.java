package io.mlgitops.cli;

import io.mlgitops.api.BenchmarkCommand;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.Gate;
import io.mlgitops.benchmark.GateMode;
import io.mlgitops.benchmark.MissingChampionPolicy;
import io.mlgitops.benchmark.SignificanceMethod;
import io.mlgitops.metrics.Task;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mlgitops benchmark}: champion versus candidate on the same data, with paired statistics and gates. */
@Command(name = "benchmark", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Compare a candidate model with the champion on the same evaluation data and apply gates.%n"
                + "Model references: onnx:PATH (ONNX file or MLflow model directory), predictions:PATH (CSV with "
                + "prediction[,probability|probability_<label>...]), models:/NAME/VERSION, models:/NAME@ALIAS, "
                + "http:URL (MLflow /invocations or Open Inference Protocol /v2/models/NAME).")
final class BenchmarkSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "CSV",
            description = "Evaluation data (CSV with header).")
    private Path dataset;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "Target column.")
    private String target;

    @Option(names = "--champion", required = true, paramLabel = "REF", description = "The model in production.")
    private String champion;

    @Option(names = "--candidate", required = true, paramLabel = "REF", description = "The model to judge.")
    private String candidate;

    @Option(names = "--features", split = ",", paramLabel = "COL",
            description = "Columns packed into a single model input, in order (default: all but the target).")
    private List<String> features = new ArrayList<>();

    @Option(names = "--positive-label", paramLabel = "L",
            description = "Positive label of a binary task (default: the greatest label).")
    private String positiveLabel;

    @Option(names = "--task", paramLabel = "TASK", description = "binary, multiclass or regression (default: "
            + "inferred).")
    private Task task;

    @Option(names = "--metric", paramLabel = "NAME", description = "Extra metric (e.g. f1_macro, precision_weighted, "
            + "or a scikit-learn scorer name). Repeatable.")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--gate", paramLabel = "SPEC", converter = GateConverter.class,
            description = "NAME:threshold=..,minAbsoluteChange=..,minRelativeChange=..,greaterIsBetter=..,"
                    + "requireSignificance=.. Repeatable. Default: accuracy_score or f1_weighted improves by 0.01.")
    private List<Gate> gates = new ArrayList<>();

    @Option(names = "--gate-mode", paramLabel = "MODE", description = "any or all of the gates must pass "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "all")
    private GateMode gateMode;

    @Option(names = "--test", paramLabel = "TEST", defaultValue = "bootstrap",
            description = "bootstrap, mcnemar, delong or none (default: ${DEFAULT-VALUE}).")
    private SignificanceMethod test;

    @Option(names = "--confidence", paramLabel = "LEVEL", description = "Confidence level (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "" + BenchmarkCommand.DEFAULT_CONFIDENCE)
    private double confidence;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + BenchmarkCommand.DEFAULT_RESAMPLES)
    private int resamples;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + BenchmarkCommand.DEFAULT_SEED)
    private long seed;

    @Option(names = "--slice", paramLabel = "COL", description = "Report metrics per value of COL. Repeatable.")
    private List<String> slices = new ArrayList<>();

    @Option(names = "--on-missing-champion", paramLabel = "POLICY", defaultValue = "pass",
            description = "pass (with a warning) or fail when the champion alias does not exist yet "
                    + "(default: ${DEFAULT-VALUE}).")
    private MissingChampionPolicy onMissingChampion;

    @Option(names = "--max-latency-regression", paramLabel = "FACTOR",
            description = "Fail when the candidate's p95 single-row latency exceeds FACTOR x the champion's.")
    private Double maxLatencyRegression;

    @Option(names = "--latency-samples", paramLabel = "N", defaultValue = "" + BenchmarkCommand.DEFAULT_LATENCY_SAMPLES,
            description = "Single-row calls per model for latency percentiles; 0 skips (default: ${DEFAULT-VALUE}).")
    private int latencySamples;

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "Rows per inference call (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "1024")
    private int batchSize;

    @Mixin
    private ModelRunOptions run;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() throws MlGitOpsException {
        ReportJson.preload();
        BenchmarkCommand command = MlGitOps.benchmark()
                .dataset(dataset).csvOptions(run.csvOptions())
                .target(target).champion(champion).candidate(candidate).features(features)
                .positiveLabel(positiveLabel).task(task).gateMode(gateMode).test(test).confidence(confidence)
                .resamples(resamples).seed(seed).onMissingChampion(onMissingChampion)
                .maxLatencyRegression(maxLatencyRegression).latencySamples(latencySamples).batchSize(batchSize)
                .threads(run.threads()).mlflowUrl(registry.url()).cacheDirectory(run.cacheDir())
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        metrics.forEach(command::metric);
        gates.forEach(command::gate);
        slices.forEach(command::slice);
        Report<BenchmarkResults> report = command.call();
        return output.publish(report, spec.commandLine().getOut(),
                out -> new BenchmarkSummary(report).print(out));
    }
}
