package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops demo} end to end, in process, in both scenarios: the reports' statuses, the local GitOps
 * repository's history read with the git command line, the canary's steps and outcome, the page, and the time.
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUDGET = Duration.ofMinutes(2);

    @TempDir
    private Path folder;

    @BeforeAll
    static void requireGit() {
        GitCli.require();
    }

    private static JsonNode report(final Path workdir, final String name) throws Exception {
        return JSON.readTree(workdir.resolve("reports").resolve(name + ".json").toFile());
    }

    private static List<String> subjects(final Path workdir) {
        return GitCli.git(workdir.resolve("gitops.git"), "log", "--format=%s", "main").lines().toList();
    }

    private static String staging(final Path workdir) {
        return GitCli.git(workdir.resolve("gitops.git"), "show", "main:environments/staging/kustomization.yaml");
    }

    @Test
    void shouldReleaseAHealthyCandidateThroughEveryGateInUnderTwoMinutes() throws Exception {
        Path workdir = folder.resolve("healthy");
        long started = System.nanoTime();
        CliRun run = CliRun.of("demo", "--workdir", workdir.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("healthy demo: %.1f s%n", took.toMillis() / 1e3);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(took).isLessThan(BUDGET);
        assertThat(report(workdir, "benchmark").path("status").asText()).isEqualTo("PASSED");
        JsonNode compliance = report(workdir, "compliance");
        assertThat(compliance.path("status").asText()).isEqualTo("PASSED");
        assertThat(compliance.at("/results/summary/WAIVED").asInt()).as("the vulnerability, in both packs")
                .isEqualTo(2);
        for (String environment : List.of("dev", "staging")) {
            JsonNode promotion = report(workdir, "promotion-" + environment);
            assertThat(promotion.path("status").asText()).isEqualTo("PASSED");
            assertThat(promotion.at("/results/environment").asText()).isEqualTo(environment);
            assertThat(promotion.at("/results/edits/0/after").asText()).isEqualTo("v2");
        }
        JsonNode canary = report(workdir, "canary");
        assertThat(canary.path("status").asText()).isEqualTo("PASSED");
        assertThat(canary.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        assertThat(canary.at("/results/finalWeight").asInt()).isEqualTo(100);
        assertThat(canary.at("/results/steps")).extracting(step -> step.path("weight").asInt())
                .containsExactly(1, 5, 25, 100);
        assertThat(canary.at("/results/decisions")).extracting(decision -> decision.path("check").asText())
                .contains("request-success-rate", "model-accuracy");

        assertThat(subjects(workdir)).containsExactly("Promote churn-prediction 2 to staging",
                "Promote churn-prediction 2 to dev", "Churn model manifests: champion v1 in every environment");
        assertThat(staging(workdir)).contains("newTag: v2");
        assertThat(Files.readString(workdir.resolve("gitops/environments/dev/kustomization.yaml")))
                .as("the working copy follows the bare repository").contains("newTag: v2");
        assertThat(Files.readString(workdir.resolve("gitops/environments/production/kustomization.yaml")))
                .contains("newTag: v1");

        String page = Files.readString(workdir.resolve("report.html"));
        assertThat(page).contains("accuracy_score", "CVE-2026-31337", "bias-examination", "environments/staging",
                "request-success-rate", "model-accuracy", "data-kind=\"benchmark\"", "data-kind=\"compliance\"",
                "data-kind=\"promotion\"", "data-kind=\"canary\"");
        assertThat(run.out()).contains("== 1/5 Benchmark", "== 2/5 Compliance", "== 3/5 GitOps", "== 4/5 Canary",
                "== 5/5 Report", "report.html", "PROMOTED",
                "GitOps repository now: dev v2, staging v2, production v1",
                "Verdict: the candidate went through every gate")
                .doesNotContain("a real release stops here");
        assertThat(run.err()).contains("Step 1 of 4: 1%", "Step 4 of 4: 100%");
        assertThat(workdir).exists();
    }

    @Test
    void shouldStopADegradedCandidateAndRevertItsStagingPromotion() throws Exception {
        CliRun run = CliRun.of("demo", "--scenario", "regression", "--keep");
        Matcher root = Pattern.compile("scenario regression, in (\\S+)").matcher(run.out());
        assertThat(root.find()).as(run.out()).isTrue();
        Path workdir = Path.of(root.group(1));
        try {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(report(workdir, "benchmark").path("status").asText()).isEqualTo("FAILED");
            assertThat(run.out()).contains("The benchmark FAILED: a real release stops here",
                    "goes on, on purpose");
            assertThat(report(workdir, "promotion-staging").at("/results/edits/0/after").asText()).isEqualTo("v3");
            JsonNode canary = report(workdir, "canary");
            assertThat(canary.path("status").asText()).isEqualTo("FAILED");
            assertThat(canary.at("/results/outcome").asText()).isEqualTo("ROLLED_BACK");
            assertThat(canary.at("/results/finalWeight").asInt()).isZero();
            assertThat(canary.at("/results/steps")).as("caught at 1 %, or at 5 % when a small 1 % window passed")
                    .extracting(step -> step.path("weight").asInt()).first().isEqualTo(1);
            assertThat(canary.at("/results/steps").size()).isLessThanOrEqualTo(2);
            assertThat(canary.at("/results/reason").asText()).contains("model-accuracy");
            assertThat(canary.at("/results/rollback/traffic").asInt()).isZero();
            String revert = canary.at("/results/rollback/commit").asText();
            assertThat(revert).isNotBlank();

            assertThat(subjects(workdir)).containsExactly("Roll back churn-prediction 3 in staging",
                    "Promote churn-prediction 3 to staging", "Promote churn-prediction 3 to dev",
                    "Churn model manifests: champion v1 in every environment");
            assertThat(GitCli.git(workdir.resolve("gitops.git"), "rev-parse", "main").strip()).isEqualTo(revert);
            assertThat(GitCli.git(workdir.resolve("gitops.git"), "log", "-1", "--format=%B", "main"))
                    .contains("Rollback-Of:");
            assertThat(staging(workdir)).contains("newTag: v1");
            assertThat(Files.readString(workdir.resolve("gitops/environments/dev/kustomization.yaml")))
                    .as("only the staging promotion is reverted").contains("newTag: v3");
            assertThat(Files.readString(workdir.resolve("report.html"))).contains("ROLLED BACK", "model-accuracy",
                    "environments/staging");
            assertThat(run.out()).contains("ROLLED_BACK", "GitOps repository now: dev v3, staging v1, production v1",
                    "Verdict: the release was stopped: benchmark FAILED");
        }
        finally {
            new ProcessBuilder("rm", "-rf", workdir.toString()).start().waitFor();
        }
    }
}
