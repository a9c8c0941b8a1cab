package io.mlgitops.cli;

import io.mlgitops.api.Author;
import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.CheckSpecs;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.RollbackMode;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.ManifestEdit;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's release after the gates: a local GitOps repository made from the embedded {@code examples/gitops}
 * template, promotions to dev and staging, and a canary on the local router whose full rollback reverts the staging
 * promotion. No registry (no alias, no tags), no Argo CD, no network: the repository is a {@code file://} URL and
 * secrets are never read from the environment.
 */
final class DemoRelease {
    static final String MODEL = "churn-prediction";
    static final String IMAGE = "registry.example.com/churn-model";
    static final String BRANCH = "main";
    static final Author AUTHOR = new Author("ML GitOps demo", "demo@mlgitops.invalid");
    /**
     * Canary weights, step duration and analysis interval: one analysis per step when it passes, so a healthy canary
     * takes about 20 seconds. The 4-second window gives a 1 % canary about 20 labelled answers on a two-core machine
     * (the replay reaches 500 to 1,000 requests per second there), enough to tell the degraded model from the good
     * one; with fewer the step is held until a window has them.
     */
    static final List<Integer> STEPS = List.of(1, 5, 25, 100);
    static final Duration STEP_DURATION = Duration.ofSeconds(4);
    static final Duration ANALYSIS_INTERVAL = Duration.ofSeconds(4);
    /** Requests per second replayed from test.csv, as far as the machine keeps up. */
    static final double RATE = 1000;
    static final int MIN_SAMPLES = 15;
    static final String SUCCESS_CHECK = BuiltInChecks.REQUEST_SUCCESS_RATE + ":min=99,critical=true";
    /** Between the degraded candidate's online accuracy (about 0.67) and the candidate's (about 0.85). */
    static final String ACCURACY_CHECK = BuiltInChecks.MODEL_ACCURACY + ":min=0.75";
    private static final Pattern NEW_TAG = Pattern.compile("newTag:\\s*(\\S+)");
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    private final DemoWorkspace workspace;
    private final DemoScenario scenario;
    private final ProgressListener progress;
    private String remote;

    DemoRelease(final DemoWorkspace workspace, final DemoScenario scenario, final ProgressListener progress) {
        this.workspace = workspace;
        this.scenario = scenario;
        this.progress = progress;
    }

    /** Creates the bare repository and its working clone from the template; returns the bare one's URL. */
    String createRepository() throws InputException {
        try {
            remote = GitOpsRepositories.createLocal(workspace.gitopsBare(), workspace.gitopsWorkingCopy(), BRANCH,
                    DemoWorkspace.gitopsTemplate(), "Churn model manifests: champion v1 in every environment",
                    AUTHOR.name(), AUTHOR.email());
            return remote;
        }
        catch (IOException unreadable) {
            throw new InputException("Cannot read the GitOps template from the jar: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private RepositorySettings repository() {
        return RepositorySettings.of(remote, workspace.gitCache()).withSecrets(NO_SECRETS).withProgress(progress);
    }

    /** Sets the environment's image tag to the candidate's version with a safe push. */
    Report<PromotionResults> promote(final String environment, final String benchmarkDigest)
            throws MlGitOpsException {
        return MlGitOps.promote().repository(repository()).branch(BRANCH).environment(environment).model(MODEL)
                .version(scenario.version())
                .edit(new ManifestEdit.SetImage("environments/{{environment}}/kustomization.yaml", IMAGE, null,
                        "v{{version}}", null))
                .author(AUTHOR).reportDigest(benchmarkDigest).secrets(NO_SECRETS).progress(progress).call();
    }

    /**
     * Shifts replayed traffic from the champion to the candidate in steps; a failure sets the weight to 0 and rolls
     * the staging promotion of {@code stagingRecord} back in git.
     */
    Report<CanaryResults> canary(final Path stagingRecord) throws MlGitOpsException {
        Path churn = workspace.churn();
        CanaryRouting.Local routing = new CanaryRouting.Local("onnx:" + churn.resolve("champion.onnx"),
                "onnx:" + churn.resolve(scenario.modelFile()), churn.resolve("test.csv"), "churned", List.of(),
                RATE, workspace.canaryState(), Faults.NONE);
        return MlGitOps.canary().candidate(MODEL + ":" + scenario.version()).routing(routing)
                .steps(STEPS).stepDuration(STEP_DURATION).analysisInterval(ANALYSIS_INTERVAL)
                .check(CheckSpecs.parseCheck(SUCCESS_CHECK, name -> BuiltInChecks.find(name).orElse(null)))
                .check(CheckSpecs.parseCheck(ACCURACY_CHECK, name -> BuiltInChecks.find(name).orElse(null)))
                .minSamples(MIN_SAMPLES).timeout(Duration.ofMinutes(2)).rollbackMode(RollbackMode.FULL)
                .rollBackPromotion(MlGitOps.rollback().repository(repository()).record(stagingRecord)
                        .author(AUTHOR).secrets(NO_SECRETS).progress(progress))
                .secrets(NO_SECRETS).progress(progress).call();
    }

    /** Each environment's image tag in the working clone, such as {@code dev v2, staging v1, production v1}. */
    String imageTags() throws InputException {
        List<String> tags = new ArrayList<>();
        for (String environment : List.of("dev", "staging", "production")) {
            Path file = workspace.gitopsWorkingCopy().resolve("environments").resolve(environment)
                    .resolve("kustomization.yaml");
            try {
                Matcher tag = NEW_TAG.matcher(Files.readString(file));
                tags.add(environment + " " + (tag.find() ? tag.group(1) : "?"));
            }
            catch (IOException unreadable) {
                throw new InputException("Cannot read " + file + ": " + unreadable.getMessage(), unreadable);
            }
        }
        return String.join(", ", tags);
    }

    /** Brings the working clone up to date with what the engine pushed. */
    void updateWorkingCopy() throws InputException {
        GitOpsRepositories.updateWorkingCopy(workspace.gitopsWorkingCopy(), BRANCH);
    }
}
