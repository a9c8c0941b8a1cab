package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.BenchmarkCommand;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.GateMode;
import io.mlgitops.benchmark.MissingChampionPolicy;
import io.mlgitops.benchmark.SignificanceMethod;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.metrics.Task;
import io.mlgitops.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code mlBenchmark}, named as the command line's options in camelCase (docs/steps/mlBenchmark.md),
 * and their translation into the engine's {@link BenchmarkCommand}. Text values stay text until {@link #command} runs
 * on the agent, so a wrong value becomes an {@code ERROR} outcome with a message naming the parameter.
 */
public final class BenchmarkRequest implements EngineRun {
    private static final long serialVersionUID = 1L;
    static final String KIND = "benchmark";

    private String dataset;
    private String target;
    private String champion;
    private String candidate;
    private ArrayList<String> features = new ArrayList<>();
    private String positiveLabel;
    private String task;
    private ArrayList<String> metrics = new ArrayList<>();
    private ArrayList<GateSpec> gates = new ArrayList<>();
    private String gateMode;
    private String test;
    private double confidence = BenchmarkCommand.DEFAULT_CONFIDENCE;
    private int resamples = BenchmarkCommand.DEFAULT_RESAMPLES;
    private long seed = BenchmarkCommand.DEFAULT_SEED;
    private ArrayList<String> slices = new ArrayList<>();
    private String onMissingChampion;
    private Double maxLatencyRegression;
    private int latencySamples = BenchmarkCommand.DEFAULT_LATENCY_SAMPLES;
    private int batchSize = 1024;
    private int threads;
    private String delimiter;
    private String mlflowUrl;
    private String report;

    public BenchmarkRequest dataset(final String value) {
        this.dataset = value;
        return this;
    }

    public BenchmarkRequest target(final String value) {
        this.target = value;
        return this;
    }

    public BenchmarkRequest champion(final String value) {
        this.champion = value;
        return this;
    }

    public BenchmarkRequest candidate(final String value) {
        this.candidate = value;
        return this;
    }

    public BenchmarkRequest features(final List<String> values) {
        this.features = Values.list(values);
        return this;
    }

    public BenchmarkRequest positiveLabel(final String value) {
        this.positiveLabel = value;
        return this;
    }

    /** {@code binary}, {@code multiclass} or {@code regression}; blank to infer. */
    public BenchmarkRequest task(final String value) {
        this.task = value;
        return this;
    }

    public BenchmarkRequest metrics(final List<String> values) {
        this.metrics = Values.list(values);
        return this;
    }

    public BenchmarkRequest gates(final List<GateSpec> values) {
        this.gates = values == null ? new ArrayList<>() : new ArrayList<>(values);
        return this;
    }

    /** {@code any} or {@code all}; blank for {@code all}. */
    public BenchmarkRequest gateMode(final String value) {
        this.gateMode = value;
        return this;
    }

    /** {@code bootstrap}, {@code mcnemar}, {@code delong} or {@code none}; blank for {@code bootstrap}. */
    public BenchmarkRequest test(final String value) {
        this.test = value;
        return this;
    }

    public BenchmarkRequest confidence(final double value) {
        this.confidence = value;
        return this;
    }

    public BenchmarkRequest resamples(final int value) {
        this.resamples = value;
        return this;
    }

    public BenchmarkRequest seed(final long value) {
        this.seed = value;
        return this;
    }

    public BenchmarkRequest slices(final List<String> values) {
        this.slices = Values.list(values);
        return this;
    }

    /** {@code pass} or {@code fail}; blank for {@code pass}. */
    public BenchmarkRequest onMissingChampion(final String value) {
        this.onMissingChampion = value;
        return this;
    }

    public BenchmarkRequest maxLatencyRegression(final Double value) {
        this.maxLatencyRegression = value;
        return this;
    }

    public BenchmarkRequest latencySamples(final int value) {
        this.latencySamples = value;
        return this;
    }

    public BenchmarkRequest batchSize(final int value) {
        this.batchSize = value;
        return this;
    }

    public BenchmarkRequest threads(final int value) {
        this.threads = value;
        return this;
    }

    public BenchmarkRequest delimiter(final String value) {
        this.delimiter = value;
        return this;
    }

    public BenchmarkRequest mlflowUrl(final String value) {
        this.mlflowUrl = value;
        return this;
    }

    /** A workspace path to write a copy of the JSON report to, besides the one kept with the build. */
    public BenchmarkRequest report(final String value) {
        this.report = value;
        return this;
    }

    /**
     * The engine command for these parameters, with every path resolved against the workspace.
     *
     * @throws InvalidSettingsException when a parameter's value is not one the engine accepts
     */
    public BenchmarkCommand command(final Path workspace, final SecretSource secrets, final ProgressListener progress)
            throws InvalidSettingsException {
        BenchmarkCommand command = MlGitOps.benchmark()
                .dataset(WorkspacePaths.file(workspace, dataset))
                .csvOptions(CsvOptions.defaults().withDelimiter(Choices.delimiter(delimiter)))
                .target(Values.blankToNull(target))
                .champion(WorkspacePaths.modelReference(workspace, champion))
                .candidate(WorkspacePaths.modelReference(workspace, candidate))
                .features(features).positiveLabel(Values.blankToNull(positiveLabel))
                .task(Choices.choice("task", task, Task.class, null))
                .gateMode(Choices.choice("gateMode", gateMode, GateMode.class, GateMode.ALL))
                .test(Choices.choice("test", test, SignificanceMethod.class, SignificanceMethod.BOOTSTRAP))
                .confidence(confidence).resamples(resamples).seed(seed)
                .onMissingChampion(Choices.choice("onMissingChampion", onMissingChampion,
                        MissingChampionPolicy.class, MissingChampionPolicy.PASS))
                .maxLatencyRegression(maxLatencyRegression).latencySamples(latencySamples).batchSize(batchSize)
                .threads(threads).mlflowUrl(Choices.url("mlflowUrl", mlflowUrl)).secrets(secrets)
                .progress(progress);
        metrics.forEach(command::metric);
        slices.forEach(command::slice);
        for (GateSpec gate : gates) {
            command.gate(gate.toGate());
        }
        return command;
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        try {
            Report<BenchmarkResults> result = command(workspace, secrets, progress).call();
            return Outcomes.benchmark(result, Outcomes.json(result, WorkspacePaths.file(workspace, report)));
        }
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }
}
