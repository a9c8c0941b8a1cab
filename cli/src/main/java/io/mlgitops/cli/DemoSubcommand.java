package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import io.mlgitops.report.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mlgitops demo}: the release flow on embedded defaults. Today it benchmarks the churn example's candidate
 * against its champion, checks it against the EU AI Act and security packs, and writes the reports and one HTML page;
 * the example files travel inside the jar, so it runs from anywhere.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the release flow on the embedded churn example: benchmark the candidate against the "
                + "champion, check it against the eu-ai-act-high-risk and security-baseline packs, and write the "
                + "JSON reports and report.html.")
final class DemoSubcommand implements Callable<Integer> {
    static final String RESOURCE_FOLDER = "/demo/churn/";
    static final List<String> FILES = List.of("test.csv", "train.csv", "champion.onnx", "candidate.onnx",
            "model-card.yaml", "security/trivy-serving-image.json", "security/sbom.cdx.json",
            "policies/churn-waivers.yaml");
    /** The demo's stand-in for the person who approves a release (EU AI Act Art. 14). */
    static final String APPROVER = "demo-approver";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Where the example files and reports go (default: a new temporary folder).")
    private Path workdir;

    @Override
    public Integer call() throws MlGitOpsException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = prepareWorkdir();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        progress.info("Demo workspace: " + folder);
        Path data = folder.resolve("churn");
        Path reports = folder.resolve("reports");
        ReportJson json = new ReportJson();

        out.println("== Benchmark: candidate against champion");
        Report<BenchmarkResults> benchmark = MlGitOps.benchmark()
                .dataset(data.resolve("test.csv")).target("churned")
                .champion("onnx:" + data.resolve("champion.onnx"))
                .candidate("onnx:" + data.resolve("candidate.onnx"))
                .slice("contract")
                .progress(progress)
                .call();
        json.write(benchmark, reports.resolve("benchmark.json"));
        new BenchmarkSummary(benchmark).print(out);

        out.println();
        out.println("== Compliance: EU AI Act and security packs, with the team's waivers");
        Report<ComplianceResults> compliance = MlGitOps.compliance()
                .pack("eu-ai-act-high-risk").pack("security-baseline")
                .policy(data.resolve("policies/churn-waivers.yaml"))
                .dataset(data.resolve("test.csv"), "churned").referenceDataset(data.resolve("train.csv"))
                .predictions("onnx:" + data.resolve("candidate.onnx"))
                .sensitive("gender").sensitive("age_band")
                .modelCard(data.resolve("model-card.yaml"))
                .securityReport(data.resolve("security/trivy-serving-image.json"))
                .sbom(data.resolve("security/sbom.cdx.json"))
                .modelDirectory(data.resolve("candidate.onnx"))
                .approvedBy(APPROVER)
                .progress(progress)
                .call();
        json.write(compliance, reports.resolve("compliance.json"));
        new ComplianceSummary(compliance).print(out);

        Path page = writePage(json, folder, List.of(reports.resolve("benchmark.json"),
                reports.resolve("compliance.json")));
        out.println();
        out.println("Reports: " + reports);
        out.println("Page:    " + page);
        out.flush();
        Status worst = benchmark.status() == Status.PASSED ? compliance.status() : benchmark.status();
        return ReportOptions.exitCode(worst);
    }

    private static Path writePage(final ReportJson json, final Path folder, final List<Path> reportFiles)
            throws InputException {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : reportFiles) {
            documents.add(json.read(file));
        }
        Path page = folder.resolve("report.html");
        try {
            Files.writeString(page, HtmlReport.render(documents), StandardCharsets.UTF_8);
        }
        catch (IOException unwritable) {
            throw new InputException("Cannot write " + page + ": " + unwritable.getMessage()
                    + ". Choose a writable folder with --workdir.", unwritable);
        }
        return page;
    }

    private Path prepareWorkdir() throws InputException {
        try {
            Path folder = workdir != null ? Files.createDirectories(workdir)
                    : Files.createTempDirectory("mlgitops-demo-");
            Path data = Files.createDirectories(folder.resolve("churn"));
            for (String file : FILES) {
                try (InputStream resource = DemoSubcommand.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
                    if (resource == null) {
                        throw new IllegalStateException("The demo file " + file + " is missing from the jar; rebuild "
                                + "it with ./mvnw package");
                    }
                    Path target = data.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(resource, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder.toAbsolutePath();
        }
        catch (IOException e) {
            throw new InputException("Cannot prepare the demo workspace" + (workdir == null ? "" : " " + workdir)
                    + ": " + e.getMessage() + ". Choose a writable folder with --workdir.", e);
        }
    }
}
