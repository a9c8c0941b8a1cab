package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.ComplianceCommand;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code mlComplianceCheck}, named as the options of {@code mlgitops compliance} in camelCase
 * (repeatable options in the plural: {@code packs}, {@code policies}, {@code sensitive}, {@code securityReports}), and
 * their translation into the engine's {@link ComplianceCommand}.
 */
public final class ComplianceRequest implements EngineRun {
    private static final long serialVersionUID = 1L;
    static final String KIND = "compliance";

    private ArrayList<String> policies = new ArrayList<>();
    private ArrayList<String> packs = new ArrayList<>();
    private String modelType;
    private String region;
    private String dataset;
    private String target;
    private String predictions;
    private ArrayList<String> features = new ArrayList<>();
    private String referenceDataset;
    private ArrayList<String> sensitive = new ArrayList<>();
    private String modelCard;
    private ArrayList<String> securityReports = new ArrayList<>();
    private String sbom;
    private String modelDir;
    private String benchmarkReport;
    private String approvedBy;
    private int threads;
    private String delimiter;
    private String mlflowUrl;
    private String report;

    /** Policy files ({@code kind: CompliancePolicy}) in the workspace. */
    public ComplianceRequest policies(final List<String> values) {
        this.policies = Values.list(values);
        return this;
    }

    /** Built-in policy packs by name. */
    public ComplianceRequest packs(final List<String> values) {
        this.packs = Values.list(values);
        return this;
    }

    public ComplianceRequest modelType(final String value) {
        this.modelType = value;
        return this;
    }

    public ComplianceRequest region(final String value) {
        this.region = value;
        return this;
    }

    public ComplianceRequest dataset(final String value) {
        this.dataset = value;
        return this;
    }

    public ComplianceRequest target(final String value) {
        this.target = value;
        return this;
    }

    public ComplianceRequest predictions(final String value) {
        this.predictions = value;
        return this;
    }

    public ComplianceRequest features(final List<String> values) {
        this.features = Values.list(values);
        return this;
    }

    public ComplianceRequest referenceDataset(final String value) {
        this.referenceDataset = value;
        return this;
    }

    public ComplianceRequest sensitive(final List<String> values) {
        this.sensitive = Values.list(values);
        return this;
    }

    public ComplianceRequest modelCard(final String value) {
        this.modelCard = value;
        return this;
    }

    public ComplianceRequest securityReports(final List<String> values) {
        this.securityReports = Values.list(values);
        return this;
    }

    public ComplianceRequest sbom(final String value) {
        this.sbom = value;
        return this;
    }

    public ComplianceRequest modelDir(final String value) {
        this.modelDir = value;
        return this;
    }

    public ComplianceRequest benchmarkReport(final String value) {
        this.benchmarkReport = value;
        return this;
    }

    public ComplianceRequest approvedBy(final String value) {
        this.approvedBy = value;
        return this;
    }

    public ComplianceRequest threads(final int value) {
        this.threads = value;
        return this;
    }

    public ComplianceRequest delimiter(final String value) {
        this.delimiter = value;
        return this;
    }

    public ComplianceRequest mlflowUrl(final String value) {
        this.mlflowUrl = value;
        return this;
    }

    /** A workspace path to write a copy of the JSON report to, besides the one kept with the build. */
    public ComplianceRequest report(final String value) {
        this.report = value;
        return this;
    }

    /**
     * The engine command for these parameters, with every path resolved against the workspace.
     *
     * @throws InvalidSettingsException when parameters are missing or do not fit together
     */
    public ComplianceCommand command(final Path workspace, final SecretSource secrets, final ProgressListener progress)
            throws InvalidSettingsException {
        if (policies.isEmpty() && packs.isEmpty()) {
            throw new InvalidSettingsException("mlComplianceCheck needs at least one policy file (policies: [...]) or "
                    + "built-in pack (packs: [...]).");
        }
        String model = Values.blankToNull(predictions);
        String data = Values.blankToNull(dataset);
        if (model != null && data == null) {
            throw new InvalidSettingsException("predictions needs dataset (and target): the model is judged on that "
                    + "data.");
        }
        if (data != null && Values.blankToNull(target) == null) {
            throw new InvalidSettingsException("dataset needs target, the label column.");
        }
        ComplianceCommand command = MlGitOps.compliance()
                .modelType(Values.blankToNull(modelType)).region(Values.blankToNull(region))
                .csvOptions(CsvOptions.defaults().withDelimiter(Choices.delimiter(delimiter)))
                .dataset(WorkspacePaths.file(workspace, data), Values.blankToNull(target))
                .referenceDataset(WorkspacePaths.file(workspace, referenceDataset))
                .predictions(WorkspacePaths.modelReference(workspace, model))
                .features(features)
                .modelCard(WorkspacePaths.file(workspace, modelCard))
                .sbom(WorkspacePaths.file(workspace, sbom))
                .modelDirectory(WorkspacePaths.file(workspace, modelDir))
                .benchmarkReport(WorkspacePaths.file(workspace, benchmarkReport))
                .approvedBy(Values.blankToNull(approvedBy)).threads(threads)
                .mlflowUrl(Choices.url("mlflowUrl", mlflowUrl)).secrets(secrets).progress(progress);
        policies.forEach(policy -> command.policy(WorkspacePaths.file(workspace, policy)));
        packs.forEach(command::pack);
        sensitive.forEach(command::sensitive);
        securityReports.forEach(file -> command.securityReport(WorkspacePaths.file(workspace, file)));
        return command;
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        try {
            Report<ComplianceResults> result = command(workspace, secrets, progress).call();
            return Outcomes.compliance(result, Outcomes.json(result, WorkspacePaths.file(workspace, report)));
        }
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }
}
