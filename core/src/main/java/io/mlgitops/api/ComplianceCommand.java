package io.mlgitops.api;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.compliance.ComplianceEvaluator;
import io.mlgitops.compliance.ComplianceReports;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Policy;
import io.mlgitops.compliance.PolicyPacks;
import io.mlgitops.compliance.PolicyReader;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.FileDigests;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.ModelRunners;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.report.Report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a model release against compliance policies (files and built-in packs): model card, fairness, data
 * expectations, drift, vulnerability reports, SBOM licences, model files, approval. Every policy is read and validated
 * before any evidence is, so thresholds are fixed before testing. Single use: {@link #call()} may be called once.
 */
public final class ComplianceCommand {
    private final List<Path> policyFiles = new ArrayList<>();
    private final List<String> packs = new ArrayList<>();
    private String modelType;
    private String region;
    private Path dataset;
    private String target;
    private Path referenceDataset;
    private CsvOptions csvOptions = CsvOptions.defaults();
    private String predictions;
    private final List<String> features = new ArrayList<>();
    private final List<String> sensitive = new ArrayList<>();
    private Path modelCard;
    private final List<Path> securityReports = new ArrayList<>();
    private Path sbom;
    private Path modelDirectory;
    private Path benchmarkReport;
    private String approvedBy;
    private int threads;
    private URI mlflowUrl;
    private SecretSource secrets = SecretSource.ENVIRONMENT;
    private Path cacheDirectory;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private boolean called;

    ComplianceCommand() {
    }

    /** A policy file ({@code kind: CompliancePolicy}). */
    public ComplianceCommand policy(final Path file) {
        policyFiles.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** A built-in policy pack by name (see {@link PolicyPacks#names()}). */
    public ComplianceCommand pack(final String name) {
        packs.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** The model's type; policies whose {@code appliesTo.modelTypes} does not list it do not apply. */
    public ComplianceCommand modelType(final String type) {
        this.modelType = type;
        return this;
    }

    /** The region of the release; policies whose {@code appliesTo.regions} does not list it do not apply. */
    public ComplianceCommand region(final String value) {
        this.region = value;
        return this;
    }

    /** The evaluation data set (CSV) and its label column ({@code null} when it has none). */
    public ComplianceCommand dataset(final Path csv, final String targetColumn) {
        this.dataset = csv;
        this.target = targetColumn;
        return this;
    }

    /** The reference (training) data set drift is measured against. */
    public ComplianceCommand referenceDataset(final Path csv) {
        this.referenceDataset = csv;
        return this;
    }

    public ComplianceCommand csvOptions(final CsvOptions options) {
        this.csvOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /** The model (or predictions file) whose predicted labels fairness and declared metrics are computed from. */
    public ComplianceCommand predictions(final String reference) {
        this.predictions = reference;
        return this;
    }

    /** The model's input columns; default the model's per-column input names, else every other column. */
    public ComplianceCommand features(final List<String> columns) {
        features.addAll(columns);
        return this;
    }

    /** A sensitive column: used to test fairness, never a feature. */
    public ComplianceCommand sensitive(final String column) {
        sensitive.add(Objects.requireNonNull(column, "column"));
        return this;
    }

    /** A model card: Model Card Toolkit YAML or JSON, or a Hugging Face README.md. */
    public ComplianceCommand modelCard(final Path file) {
        this.modelCard = file;
        return this;
    }

    /** A Trivy or Grype JSON report. */
    public ComplianceCommand securityReport(final Path file) {
        securityReports.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** A CycloneDX JSON SBOM. */
    public ComplianceCommand sbom(final Path file) {
        this.sbom = file;
        return this;
    }

    /** The folder (or file) of model artifacts to scan. */
    public ComplianceCommand modelDirectory(final Path folder) {
        this.modelDirectory = folder;
        return this;
    }

    /** A benchmark report whose candidate metrics the declared metrics are compared with. */
    public ComplianceCommand benchmarkReport(final Path file) {
        this.benchmarkReport = file;
        return this;
    }

    /** Who approved the release (EU AI Act Art. 14). */
    public ComplianceCommand approvedBy(final String approver) {
        this.approvedBy = approver;
        return this;
    }

    public ComplianceCommand threads(final int count) {
        this.threads = count;
        return this;
    }

    /** The MLflow tracking server for {@code models:/} references; default {@code MLFLOW_TRACKING_URI}. */
    public ComplianceCommand mlflowUrl(final URI url) {
        this.mlflowUrl = url;
        return this;
    }

    public ComplianceCommand secrets(final SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    /** Where registry models are downloaded; default {@code $XDG_CACHE_HOME/mlgitops/models}. */
    public ComplianceCommand cacheDirectory(final Path directory) {
        this.cacheDirectory = directory;
        return this;
    }

    public ComplianceCommand progress(final ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The clock that stamps the report and dates the waivers; for tests. */
    public ComplianceCommand clock(final Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Evaluates the policies.
     *
     * @return the report; its status is passed when no rule failed or could not be evaluated
     * @throws MlGitOpsException when a policy or an input is wrong or missing; the message names it and the fix
     */
    public Report<ComplianceResults> call() throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A ComplianceCommand runs once; get a new one from MlGitOps.compliance()");
        }
        called = true;
        Instant started = clock.instant();
        if (policyFiles.isEmpty() && packs.isEmpty()) {
            throw new InvalidSettingsException("The compliance check needs at least one policy file or pack. Packs: "
                    + String.join(", ", PolicyPacks.names()) + ".");
        }
        if (dataset != null && target == null && predictions != null) {
            throw new InvalidSettingsException("The data set needs its target column to be judged with the model's "
                    + "predictions.");
        }
        List<Policy> policies = policies();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("policies", policies.stream().map(policy -> Map.of("source", policy.source(), "name",
                policy.name(), "sha256", policy.sha256())).toList());
        Evidence.Builder evidence = Evidence.builder().sensitive(sensitive).features(features)
                .approvedBy(approvedBy).modelCard(digested(inputs, "modelCard", modelCard))
                .sbom(digested(inputs, "sbom", sbom)).benchmarkReport(digested(inputs, "benchmarkReport",
                        benchmarkReport)).modelDirectory(existing(modelDirectory, "model folder"));
        List<Path> reports = new ArrayList<>();
        for (Path report : securityReports) {
            reports.add(digested(inputs, "securityReport" + (reports.size() + 1), report));
        }
        evidence.securityReports(reports);
        Dataset evaluation = dataset == null ? null : read(dataset, inputs, "dataset");
        evidence.dataset(evaluation, target);
        if (referenceDataset != null) {
            evidence.referenceDataset(read(referenceDataset, inputs, "referenceDataset"));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("model", predictions);
        subject.put("modelType", modelType);
        subject.put("region", region);
        ComplianceEvaluator evaluator = new ComplianceEvaluator(Optional.ofNullable(region),
                Optional.ofNullable(modelType), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), progress);
        ComplianceResults results;
        if (predictions == null) {
            results = evaluator.evaluate(policies, evidence.build());
        }
        else {
            try (ModelRunner model = runners().open(predictions)) {
                inputs.put("model", model.description());
                evidence.modelInputs(model.inputColumns());
                if (evaluation != null) {
                    PredictionRequest request = new PredictionRequest(target, modelFeatures(evaluation, model),
                            PredictionRequest.DEFAULT_BATCH_SIZE, threads);
                    evidence.predictions(() -> model.predict(evaluation, request, progress).predictions());
                }
                results = evaluator.evaluate(policies, evidence.build());
            }
        }
        return ComplianceReports.report(results, subject, inputs, started, clock.instant());
    }

    /** The declared features; for a model with one packed input, every column but the target and sensitive ones. */
    private List<String> modelFeatures(final Dataset evaluation, final ModelRunner model) {
        if (!features.isEmpty() || !model.inputColumns().isEmpty()) {
            return features;
        }
        List<String> columns = new ArrayList<>(evaluation.columnNames());
        columns.remove(target);
        columns.removeAll(sensitive);
        return columns;
    }

    private List<Policy> policies() throws InputException {
        List<Policy> policies = new ArrayList<>();
        for (String pack : packs) {
            policies.add(PolicyPacks.load(pack));
        }
        for (Path file : policyFiles) {
            try {
                policies.add(PolicyReader.read(file.toString(), Files.readAllBytes(file)));
            }
            catch (IOException unreadable) {
                throw new InputException("Policy file " + file + " cannot be read (" + unreadable.getMessage()
                        + "). Check the path given as --policy.", unreadable);
            }
        }
        for (Policy policy : policies) {
            progress.info(String.format("Policy %s (%s): %d rules, %d waivers, sha256 %s", policy.name(),
                    policy.source(), policy.rules().size(), policy.waivers().size(), policy.sha256()));
        }
        return policies;
    }

    private Dataset read(final Path csv, final Map<String, Object> inputs, final String name)
            throws InputException {
        Dataset data = CsvReader.read(csv, csvOptions);
        progress.info(String.format("Read %s: %d rows, %d columns", csv, data.rowCount(), data.columnNames().size()));
        inputs.put(name, Map.of("path", csv.toString(), "sha256", data.sha256(), "rows", data.rowCount()));
        return data;
    }

    private static Path digested(final Map<String, Object> inputs, final String name, final Path file)
            throws InputException {
        if (file != null) {
            inputs.put(name, FileDigests.of(existing(file, name), file.toString()));
        }
        return file;
    }

    private static Path existing(final Path path, final String what) throws InputException {
        if (path != null && !Files.exists(path)) {
            throw new InputException("The " + what + " " + path + " does not exist. Check the path.");
        }
        return path;
    }

    private ModelRunners runners() throws InputException {
        return new ModelRunners(RegistryConnection.url(mlflowUrl, secrets), secrets,
                RegistryConnection.modelCache(cacheDirectory), csvOptions, threads, HttpSettings.DEFAULTS, progress);
    }
}
