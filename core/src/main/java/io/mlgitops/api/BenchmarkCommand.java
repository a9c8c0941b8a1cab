package io.mlgitops.api;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.benchmark.Benchmark;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.BenchmarkSettings;
import io.mlgitops.benchmark.Gate;
import io.mlgitops.benchmark.GateMode;
import io.mlgitops.benchmark.MissingChampionPolicy;
import io.mlgitops.benchmark.SignificanceMethod;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelRunners;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.metrics.Task;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.report.Report;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Benchmarks a candidate model against the champion: both run on the same rows, metrics are compared with paired
 * statistics, and gates decide. Single use: {@link #call()} may be called once.
 */
public final class BenchmarkCommand {
    /** Default seed of the paired bootstrap, so that reruns give the same intervals. */
    public static final long DEFAULT_SEED = 20_240_229L;
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_LATENCY_SAMPLES = 100;

    private Path dataset;
    private CsvOptions csvOptions = CsvOptions.defaults();
    private String target;
    private String champion;
    private String candidate;
    private List<String> features = List.of();
    private String positiveLabel;
    private Task task;
    private final List<String> metrics = new ArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private GateMode gateMode = GateMode.ALL;
    private SignificanceMethod test = SignificanceMethod.BOOTSTRAP;
    private double confidence = DEFAULT_CONFIDENCE;
    private int resamples = DEFAULT_RESAMPLES;
    private long seed = DEFAULT_SEED;
    private final List<String> slices = new ArrayList<>();
    private MissingChampionPolicy onMissingChampion = MissingChampionPolicy.PASS;
    private int latencySamples = DEFAULT_LATENCY_SAMPLES;
    private Double maxLatencyRegression;
    private int batchSize = PredictionRequest.DEFAULT_BATCH_SIZE;
    private int threads;
    private URI mlflowUrl;
    private SecretSource secrets = SecretSource.ENVIRONMENT;
    private Path cacheDirectory;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private boolean called;

    BenchmarkCommand() {
    }

    /** The evaluation data set (CSV with a header row). */
    public BenchmarkCommand dataset(final Path csv) {
        this.dataset = csv;
        return this;
    }

    public BenchmarkCommand csvOptions(final CsvOptions options) {
        this.csvOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    public BenchmarkCommand target(final String column) {
        this.target = column;
        return this;
    }

    /** The current production model's reference. */
    public BenchmarkCommand champion(final String reference) {
        this.champion = reference;
        return this;
    }

    /** The reference of the model that wants to replace the champion. */
    public BenchmarkCommand candidate(final String reference) {
        this.candidate = reference;
        return this;
    }

    /** Columns packed into a single model input, in order; default every column except the target. */
    public BenchmarkCommand features(final List<String> columns) {
        this.features = List.copyOf(columns);
        return this;
    }

    public BenchmarkCommand positiveLabel(final String label) {
        this.positiveLabel = label;
        return this;
    }

    /** The task; inferred from the target and the candidate's output when not set. */
    public BenchmarkCommand task(final Task value) {
        this.task = value;
        return this;
    }

    /** A metric computed in addition to the task's default set. */
    public BenchmarkCommand metric(final String name) {
        metrics.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** A gate; without gates the seed's rule applies (accuracy or weighted F1 improves by 0.01). */
    public BenchmarkCommand gate(final Gate gate) {
        gates.add(Objects.requireNonNull(gate, "gate"));
        return this;
    }

    public BenchmarkCommand gateMode(final GateMode mode) {
        this.gateMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    public BenchmarkCommand test(final SignificanceMethod value) {
        this.test = Objects.requireNonNull(value, "test");
        return this;
    }

    public BenchmarkCommand confidence(final double level) {
        this.confidence = level;
        return this;
    }

    public BenchmarkCommand resamples(final int count) {
        this.resamples = count;
        return this;
    }

    public BenchmarkCommand seed(final long value) {
        this.seed = value;
        return this;
    }

    /** A column whose values split the metrics into slices. */
    public BenchmarkCommand slice(final String column) {
        slices.add(Objects.requireNonNull(column, "column"));
        return this;
    }

    public BenchmarkCommand onMissingChampion(final MissingChampionPolicy policy) {
        this.onMissingChampion = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Single-row calls per model for the latency figures; 0 skips them. */
    public BenchmarkCommand latencySamples(final int count) {
        this.latencySamples = count;
        return this;
    }

    /** Fails when the candidate's p95 single-row latency exceeds this factor times the champion's. */
    public BenchmarkCommand maxLatencyRegression(final Double factor) {
        this.maxLatencyRegression = factor;
        return this;
    }

    public BenchmarkCommand batchSize(final int rows) {
        this.batchSize = rows;
        return this;
    }

    public BenchmarkCommand threads(final int count) {
        this.threads = count;
        return this;
    }

    /** The MLflow tracking server for {@code models:/} references; default {@code MLFLOW_TRACKING_URI}. */
    public BenchmarkCommand mlflowUrl(final URI url) {
        this.mlflowUrl = url;
        return this;
    }

    /** Where credentials come from ({@code MLFLOW_TRACKING_USERNAME}, ...); default the environment. */
    public BenchmarkCommand secrets(final SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    /** Where registry models are downloaded; default {@code $XDG_CACHE_HOME/mlgitops/models}. */
    public BenchmarkCommand cacheDirectory(final Path directory) {
        this.cacheDirectory = directory;
        return this;
    }

    public BenchmarkCommand progress(final ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The clock that stamps the report; for tests. */
    public BenchmarkCommand clock(final Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Runs the benchmark.
     *
     * @return the report; its status says whether the gates passed
     * @throws MlGitOpsException when an input is wrong or missing; the message names it and the fix
     */
    public Report<BenchmarkResults> call() throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A BenchmarkCommand runs once; get a new one from MlGitOps.benchmark()");
        }
        called = true;
        require(dataset, "dataset");
        require(target, "target column");
        require(champion, "champion reference");
        require(candidate, "candidate reference");
        BenchmarkSettings settings = settings();
        ModelRunners runners = new ModelRunners(RegistryConnection.url(mlflowUrl, secrets), secrets,
                RegistryConnection.modelCache(cacheDirectory), csvOptions, threads,
                HttpSettings.DEFAULTS, progress);
        return new Benchmark(settings, runners, progress, clock).run(this::readDataset);
    }

    private Dataset readDataset(final Set<String> columns) throws InputException {
        Dataset data = CsvReader.read(dataset, csvOptions, columns);
        progress.info(String.format("Read %s: %d rows, %d columns", dataset, data.rowCount(),
                data.columnNames().size()));
        return data;
    }

    private BenchmarkSettings settings() throws InvalidSettingsException {
        try {
            return new BenchmarkSettings(target, champion, candidate, features, positiveLabel, task, metrics, gates,
                    gateMode, test, confidence, resamples, seed, slices, onMissingChampion, latencySamples,
                    maxLatencyRegression, batchSize, threads);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private static void require(final Object value, final String what) throws InvalidSettingsException {
        if (value == null) {
            throw new InvalidSettingsException("The benchmark needs a " + what + ".");
        }
    }
}
