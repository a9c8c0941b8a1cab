package io.mlgitops.cli;

import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mlgitops demo}: the release flow on embedded defaults. Today it benchmarks the churn example's candidate
 * against its champion; the example files travel inside the jar, so it runs from anywhere.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the release flow on the embedded churn example: benchmark the candidate against the "
                + "champion and write the report.")
final class DemoSubcommand implements Callable<Integer> {
    static final String RESOURCE_FOLDER = "/demo/churn/";
    static final List<String> FILES = List.of("test.csv", "champion.onnx", "candidate.onnx");

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
        Report<BenchmarkResults> report = MlGitOps.benchmark()
                .dataset(data.resolve("test.csv")).target("churned")
                .champion("onnx:" + data.resolve("champion.onnx"))
                .candidate("onnx:" + data.resolve("candidate.onnx"))
                .slice("contract")
                .progress(progress)
                .call();
        Path reportFile = folder.resolve("reports").resolve("benchmark.json");
        new ReportJson().write(report, reportFile);
        new BenchmarkSummary(report).print(out);
        out.println("Report: " + reportFile);
        out.flush();
        return ReportOptions.exitCode(report.status());
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
                    Files.copy(resource, data.resolve(file), StandardCopyOption.REPLACE_EXISTING);
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
