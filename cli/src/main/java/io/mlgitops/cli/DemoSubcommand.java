package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import io.mlgitops.report.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mlgitops demo}: the whole release flow on one machine, on embedded files, in about a minute. It benchmarks
 * the churn example's candidate against its champion, checks it against the EU AI Act and security packs, creates a
 * local GitOps repository from the {@code examples/gitops} template and promotes the candidate to dev and staging,
 * runs a canary on the local router (1, 5, 25, 100 %), and writes the reports and one HTML page. With
 * {@code --scenario regression} the candidate is a degraded model: the benchmark gate fails and the demo goes on
 * past it on purpose, so that the canary catches it too and rolls it back in traffic and in the GitOps repository.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole release flow on the embedded churn example, on this machine, without network: "
                + "benchmark the candidate against the champion, check it against the eu-ai-act-high-risk and "
                + "security-baseline packs, promote it to dev and staging in a local GitOps repository, run a canary "
                + "with the local router, and write the JSON reports and report.html.",
                "Exit code 0 when the release went through, 1 when it was stopped (always with --scenario "
                        + "regression), 3 on an input or environment error."})
final class DemoSubcommand implements Callable<Integer> {
    /** The demo's stand-in for the person who approves a release (EU AI Act Art. 14). */
    static final String APPROVER = "demo-approver";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "A new or empty folder for the example files, the GitOps repository and the reports; kept "
                    + "afterwards (default: a new temporary folder, removed at the end unless --keep).")
    private Path workdir;

    @Option(names = "--scenario", paramLabel = "healthy|regression", converter = ScenarioConverter.class,
            defaultValue = "healthy",
            description = "healthy (default): a better candidate goes through every gate and takes all traffic. "
                    + "regression: a degraded candidate; the benchmark fails (the demo goes on, on purpose) and the "
                    + "canary rolls it back in traffic and in the GitOps repository.")
    private DemoScenario scenario = DemoScenario.HEALTHY;

    @Option(names = "--keep", description = "Keep the temporary folder (a --workdir folder is always kept).")
    private boolean keep;

    private PrintWriter out;
    private final ReportJson json = new ReportJson();
    private final List<Path> written = new ArrayList<>();
    private long started;

    /** Reads {@code healthy} or {@code regression}. */
    static final class ScenarioConverter implements CommandLine.ITypeConverter<DemoScenario> {
        @Override
        public DemoScenario convert(final String value) {
            for (DemoScenario candidate : DemoScenario.values()) {
                if (candidate.id().equals(value.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
            throw new CommandLine.TypeConversionException("--scenario must be healthy or regression, got '" + value
                    + "'");
        }
    }

    @Override
    public Integer call() throws MlGitOpsException {
        started = System.nanoTime();
        out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        DemoWorkspace workspace = DemoWorkspace.prepare(workdir);
        try {
            out.printf("ML GitOps demo, scenario %s, in %s%n", scenario.id(), workspace.root());
            out.flush();
            return run(workspace, progress);
        }
        finally {
            if (workspace.temporary() && !keep) {
                remove(workspace);
            }
        }
    }

    private int run(final DemoWorkspace workspace, final ConsoleProgress progress) throws MlGitOpsException {
        Path churn = workspace.churn();
        String candidate = "onnx:" + churn.resolve(scenario.modelFile());

        heading("1/5 Benchmark: candidate " + scenario.modelFile() + " against champion.onnx");
        Report<BenchmarkResults> benchmark = MlGitOps.benchmark()
                .dataset(churn.resolve("test.csv")).target("churned")
                .champion("onnx:" + churn.resolve("champion.onnx")).candidate(candidate)
                .slice("contract").progress(progress).call();
        write(benchmark, workspace.report("benchmark"));
        new BenchmarkSummary(benchmark).print(out);
        goOnAfter("benchmark", benchmark.status());

        heading("2/5 Compliance: EU AI Act and security packs, with the team's waivers");
        Report<ComplianceResults> compliance = MlGitOps.compliance()
                .pack("eu-ai-act-high-risk").pack("security-baseline")
                .policy(churn.resolve("policies/churn-waivers.yaml"))
                .dataset(churn.resolve("test.csv"), "churned").referenceDataset(churn.resolve("train.csv"))
                .predictions(candidate).sensitive("gender").sensitive("age_band")
                .modelCard(churn.resolve("model-card.yaml"))
                .securityReport(churn.resolve("security/trivy-serving-image.json"))
                .sbom(churn.resolve("security/sbom.cdx.json"))
                .modelDirectory(churn.resolve(scenario.modelFile()))
                .approvedBy(APPROVER).progress(progress).call();
        write(compliance, workspace.report("compliance"));
        new ComplianceSummary(compliance).print(out);
        goOnAfter("compliance check", compliance.status());

        DemoRelease release = new DemoRelease(workspace, scenario, progress);
        heading("3/5 GitOps: promote " + DemoRelease.MODEL + " " + scenario.version() + " to dev and staging");
        String remote = release.createRepository();
        out.println("Local GitOps repository " + remote + " (from examples/gitops), working copy "
                + workspace.gitopsWorkingCopy());
        String digest = json.read(workspace.report("benchmark")).path("digest").asText(null);
        List<Status> promotions = new ArrayList<>();
        for (String environment : List.of("dev", "staging")) {
            Report<PromotionResults> promotion = release.promote(environment, digest);
            write(promotion, workspace.report("promotion-" + environment));
            new PromotionSummary(promotion).print(out);
            out.println();
            promotions.add(promotion.status());
        }

        heading(String.format("4/5 Canary: local router, champion stable, steps %s, %ds steps, %ds analyses",
                DemoRelease.STEPS, DemoRelease.STEP_DURATION.toSeconds(), DemoRelease.ANALYSIS_INTERVAL.toSeconds()));
        out.println("Checks: " + DemoRelease.SUCCESS_CHECK + ", " + DemoRelease.ACCURACY_CHECK
                + "; on failure: traffic to 0 and the staging promotion reverted (rollback mode full)");
        out.flush();
        Report<CanaryResults> canary = release.canary(workspace.report("promotion-staging"));
        write(canary, workspace.report("canary"));
        new CanarySummary(canary).print(out);
        release.updateWorkingCopy();
        out.println("GitOps repository now: " + release.imageTags());

        heading("5/5 Report");
        Path page = writePage(workspace.root());
        out.println("Reports:          " + workspace.reports());
        written.forEach(file -> out.println("                  " + file.getFileName()));
        out.println("Page:             " + page);
        out.println("GitOps history:   git -C " + workspace.gitopsWorkingCopy() + " log --stat");
        List<Status> statuses = new ArrayList<>(List.of(benchmark.status(), compliance.status(), canary.status()));
        statuses.addAll(promotions);
        boolean released = statuses.stream().allMatch(status -> status == Status.PASSED);
        out.printf("%nVerdict: %s (%.1f s)%n", released
                ? "the candidate went through every gate and took all traffic; production is next (not done by "
                + "the demo)" : "the release was stopped: " + String.join(", ", stopped(benchmark, compliance,
                canary)), (System.nanoTime() - started) / 1e9);
        out.flush();
        return released ? ExitCode.PASSED : ExitCode.GATE_FAILED;
    }

    private static List<String> stopped(final Report<BenchmarkResults> benchmark,
            final Report<ComplianceResults> compliance, final Report<CanaryResults> canary) {
        List<String> reasons = new ArrayList<>();
        if (benchmark.status() != Status.PASSED) {
            reasons.add("benchmark " + benchmark.status());
        }
        if (compliance.status() != Status.PASSED) {
            reasons.add("compliance " + compliance.status());
        }
        if (canary.status() != Status.PASSED) {
            reasons.add("canary " + canary.results().outcome());
        }
        return reasons;
    }

    private void heading(final String title) {
        out.printf("%n== %s   [%.1f s]%n", title, (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    /** A failed gate stops a real release; the regression scenario goes on to show the later gates. */
    private void goOnAfter(final String gate, final Status status) {
        if (status != Status.PASSED) {
            out.println("-- The " + gate + " " + status + ": a real release stops here (the command exits 1). The "
                    + scenario.id() + " scenario goes on, on purpose, to show the canary catching the same model.");
        }
        out.flush();
    }

    private void write(final Report<?> report, final Path file) throws InputException {
        json.write(report, file);
        written.add(file);
    }

    private Path writePage(final Path folder) throws InputException {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : written) {
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

    private void remove(final DemoWorkspace workspace) {
        try {
            workspace.delete();
            out.println("Removed the temporary folder " + workspace.root() + " (keep it with --keep, or choose one "
                    + "with --workdir).");
        }
        catch (IOException failed) {
            out.println("Could not remove the temporary folder " + workspace.root() + ": " + failed.getMessage());
        }
        out.flush();
    }
}
