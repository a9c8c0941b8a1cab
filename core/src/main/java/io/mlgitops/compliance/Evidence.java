package io.mlgitops.compliance;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy is judged against. Every part is optional: a rule whose evidence is missing is not applicable (or an
 * error when the rule is {@code required}). The model's predictions are computed once, on first use.
 */
public final class Evidence {
    /** Computes the model's predicted labels for every row of the evaluation data set, in row order. */
    @FunctionalInterface
    public interface PredictionSource {
        Column predict() throws MlGitOpsException;
    }

    private final Dataset dataset;
    private final String target;
    private final Dataset referenceDataset;
    private final List<String> sensitive;
    private final List<String> declaredFeatures;
    private final List<String> modelInputs;
    private final PredictionSource predictionSource;
    private final Path modelCard;
    private final List<Path> securityReports;
    private final Path sbom;
    private final Path modelDirectory;
    private final Path benchmarkReport;
    private final String approvedBy;
    private Column predictions;

    private Evidence(final Builder builder) {
        this.dataset = builder.dataset;
        this.target = builder.target;
        this.referenceDataset = builder.referenceDataset;
        this.sensitive = List.copyOf(builder.sensitive);
        this.declaredFeatures = List.copyOf(builder.features);
        this.modelInputs = List.copyOf(builder.modelInputs);
        this.predictionSource = builder.predictionSource;
        this.modelCard = builder.modelCard;
        this.securityReports = List.copyOf(builder.securityReports);
        this.sbom = builder.sbom;
        this.modelDirectory = builder.modelDirectory;
        this.benchmarkReport = builder.benchmarkReport;
        this.approvedBy = builder.approvedBy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The evaluation (current) data set. */
    public Optional<Dataset> dataset() {
        return Optional.ofNullable(dataset);
    }

    /** The label column of the evaluation data set. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** The reference (training) data set drift is measured against. */
    public Optional<Dataset> referenceDataset() {
        return Optional.ofNullable(referenceDataset);
    }

    /** The sensitive columns of the evaluation data set: used to test fairness, never as features. */
    public List<String> sensitive() {
        return sensitive;
    }

    /**
     * The model's input columns: those given explicitly, else the model's per-column input names, else every column
     * of the evaluation data set except the target and the sensitive columns; empty when none of these is known.
     */
    public List<String> features() {
        if (!declaredFeatures.isEmpty()) {
            return declaredFeatures;
        }
        if (!modelInputs.isEmpty()) {
            return modelInputs;
        }
        if (dataset == null) {
            return List.of();
        }
        List<String> columns = new ArrayList<>(dataset.columnNames());
        columns.remove(target);
        columns.removeAll(sensitive);
        return List.copyOf(columns);
    }

    /** Where {@link #features()} came from, for messages. */
    public String featuresOrigin() {
        if (!declaredFeatures.isEmpty()) {
            return "the declared features";
        }
        if (!modelInputs.isEmpty()) {
            return "the model's input names";
        }
        return dataset == null ? "nothing (no features, model or data set given)"
                : "the columns of " + dataset.source() + " except the target and the sensitive columns";
    }

    /** Whether a model or predictions were given. */
    public boolean hasPredictions() {
        return predictionSource != null;
    }

    /**
     * The model's predicted label for each row of {@link #dataset()}, computed on first call.
     *
     * @throws InputException when no model or predictions were given
     */
    public synchronized Column predictions() throws MlGitOpsException {
        if (predictionSource == null) {
            throw new InputException("No model or predictions were given: pass the model reference (--predictions).");
        }
        if (predictions == null) {
            predictions = predictionSource.predict();
        }
        return predictions;
    }

    public Optional<Path> modelCard() {
        return Optional.ofNullable(modelCard);
    }

    /** Trivy or Grype JSON reports. */
    public List<Path> securityReports() {
        return securityReports;
    }

    /** A CycloneDX JSON SBOM. */
    public Optional<Path> sbom() {
        return Optional.ofNullable(sbom);
    }

    /** The folder (or single file) of model artifacts to scan. */
    public Optional<Path> modelDirectory() {
        return Optional.ofNullable(modelDirectory);
    }

    /** A benchmark report (JSON) holding the measured metrics. */
    public Optional<Path> benchmarkReport() {
        return Optional.ofNullable(benchmarkReport);
    }

    /** Who approved the release (EU AI Act Art. 14). */
    public Optional<String> approvedBy() {
        return Optional.ofNullable(approvedBy);
    }

    /** Collects the evidence. */
    public static final class Builder {
        private Dataset dataset;
        private String target;
        private Dataset referenceDataset;
        private final Set<String> sensitive = new LinkedHashSet<>();
        private final List<String> features = new ArrayList<>();
        private final List<String> modelInputs = new ArrayList<>();
        private PredictionSource predictionSource;
        private Path modelCard;
        private final List<Path> securityReports = new ArrayList<>();
        private Path sbom;
        private Path modelDirectory;
        private Path benchmarkReport;
        private String approvedBy;

        private Builder() {
        }

        public Builder dataset(final Dataset value, final String targetColumn) {
            this.dataset = value;
            this.target = targetColumn;
            return this;
        }

        public Builder referenceDataset(final Dataset value) {
            this.referenceDataset = value;
            return this;
        }

        public Builder sensitive(final List<String> columns) {
            sensitive.addAll(columns);
            return this;
        }

        public Builder features(final List<String> columns) {
            features.addAll(columns);
            return this;
        }

        /** The model's per-column input names, when the model declares them. */
        public Builder modelInputs(final List<String> names) {
            modelInputs.addAll(names);
            return this;
        }

        public Builder predictions(final PredictionSource source) {
            this.predictionSource = Objects.requireNonNull(source, "source");
            return this;
        }

        public Builder modelCard(final Path file) {
            this.modelCard = file;
            return this;
        }

        public Builder securityReports(final List<Path> files) {
            securityReports.addAll(files);
            return this;
        }

        public Builder sbom(final Path file) {
            this.sbom = file;
            return this;
        }

        public Builder modelDirectory(final Path folder) {
            this.modelDirectory = folder;
            return this;
        }

        public Builder benchmarkReport(final Path file) {
            this.benchmarkReport = file;
            return this;
        }

        public Builder approvedBy(final String approver) {
            this.approvedBy = approver == null || approver.isBlank() ? null : approver.trim();
            return this;
        }

        public Evidence build() {
            return new Evidence(this);
        }
    }
}
