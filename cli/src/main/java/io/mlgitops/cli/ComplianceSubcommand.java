package io.mlgitops.cli;

import io.mlgitops.api.ComplianceCommand;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.ComplianceResults;
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

/** {@code mlgitops compliance}: a model release judged against policy files and built-in packs. */
@Command(name = "compliance", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Judge a model release against compliance policies: model card, declared metrics, fairness, "
                + "feature denylist, data expectations, drift, vulnerability reports, SBOM licences, model files, "
                + "human approval. Built-in packs: eu-ai-act-high-risk, us-fair-lending, gdpr-baseline, "
                + "security-baseline.%nExit code 0 when no rule failed or errored, 1 otherwise, 2 on usage errors, "
                + "3 on input errors (a bad policy, a missing file).")
final class ComplianceSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "A CompliancePolicy YAML file. Repeatable.")
    private List<Path> policies = new ArrayList<>();

    @Option(names = "--pack", paramLabel = "NAME", description = "A built-in policy pack. Repeatable.")
    private List<String> packs = new ArrayList<>();

    @Option(names = "--model-type", paramLabel = "TYPE",
            description = "The model's type; policies whose appliesTo.modelTypes omit it do not apply.")
    private String modelType;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The release's region; policies whose appliesTo.regions omit it do not apply.")
    private String region;

    @Option(names = "--dataset", paramLabel = "CSV", description = "Evaluation data (CSV with header).")
    private Path dataset;

    @Option(names = "--target", paramLabel = "COL", description = "Label column of the evaluation data.")
    private String target;

    @Option(names = "--predictions", paramLabel = "REF", description = "The model (onnx:, models:/, http:) or its "
            + "predictions (predictions:CSV) on the evaluation data.")
    private String predictions;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "The model's input columns "
            + "(default: the ONNX model's per-column inputs, else every column but the target and sensitive ones).")
    private List<String> features = new ArrayList<>();

    @Option(names = "--reference-dataset", paramLabel = "CSV", description = "Training data drift is measured "
            + "against.")
    private Path referenceDataset;

    @Option(names = "--sensitive", paramLabel = "COL", description = "A sensitive column for fairness (never a "
            + "feature). Repeatable.")
    private List<String> sensitive = new ArrayList<>();

    @Option(names = "--model-card", paramLabel = "FILE",
            description = "Model card: Model Card Toolkit YAML/JSON, or a Hugging Face README.md.")
    private Path modelCard;

    @Option(names = "--security-report", paramLabel = "FILE", description = "Trivy or Grype JSON report. "
            + "Repeatable.")
    private List<Path> securityReports = new ArrayList<>();

    @Option(names = "--sbom", paramLabel = "FILE", description = "CycloneDX JSON SBOM.")
    private Path sbom;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model files to scan (pickle, joblib, "
            + "PyTorch, NumPy, ONNX).")
    private Path modelDir;

    @Option(names = "--benchmark-report", paramLabel = "FILE",
            description = "Benchmark report whose candidate metrics the model card's declared metrics must match.")
    private Path benchmarkReport;

    @Option(names = "--approved-by", paramLabel = "NAME", description = "Who approved the release.")
    private String approvedBy;

    @Mixin
    private ModelRunOptions run;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() throws MlGitOpsException {
        if (policies.isEmpty() && packs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give at least one --policy FILE or --pack NAME.");
        }
        if (predictions != null && dataset == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--predictions needs --dataset (and --target): the model is judged on that data.");
        }
        if (dataset != null && target == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dataset needs --target.");
        }
        ReportJson.preload();
        ComplianceCommand command = MlGitOps.compliance().modelType(modelType).region(region)
                .csvOptions(run.csvOptions())
                .dataset(dataset, target).referenceDataset(referenceDataset).predictions(predictions)
                .features(features).modelCard(modelCard).sbom(sbom).modelDirectory(modelDir)
                .benchmarkReport(benchmarkReport).approvedBy(approvedBy).threads(run.threads())
                .mlflowUrl(registry.url()).cacheDirectory(run.cacheDir())
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        policies.forEach(command::policy);
        packs.forEach(command::pack);
        sensitive.forEach(command::sensitive);
        securityReports.forEach(command::securityReport);
        Report<ComplianceResults> report = command.call();
        return output.publish(report, spec.commandLine().getOut(), out -> new ComplianceSummary(report).print(out));
    }
}
