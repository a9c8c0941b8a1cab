package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops canary}: usage errors before anything is touched, the YAML configuration file, and short local
 * rollouts (in-process model servers for the churn example's models, replayed test.csv).
 */
class CanarySubcommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path folder;

    private static void assertUsageError(final CliRun run, final String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragments).doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
    }

    private static CliRun istio(final String... extra) {
        List<String> args = new ArrayList<>(List.of("canary", "--router", "istio", "--namespace", "ml-serving",
                "--target", "churn-model", "--stable-backend", "churn-stable", "--canary-backend", "churn-canary",
                "--candidate", "churn:7", "--check", "request-success-rate:min=99"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> local(final String... extra) {
        List<String> args = new ArrayList<>(List.of("canary", "--router", "local",
                "--stable", "onnx:" + TestEnvironment.example("churn/champion.onnx"),
                "--candidate", "onnx:" + TestEnvironment.example("churn/candidate.onnx"),
                "--traffic", TestEnvironment.example("churn/test.csv").toString(), "--target-column", "churned",
                "--rate", "200", "--steps", "50,100", "--step-duration", "1s", "--analysis-interval", "1s",
                "--min-samples", "20", "--state-file", folder.resolve("state.json").toString(),
                "--report", folder.resolve("canary.json").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private JsonNode report() throws Exception {
        return JSON.readTree(folder.resolve("canary.json").toFile());
    }

    @Test
    void shouldDescribeEveryOptionInItsHelp() {
        CliRun help = CliRun.of("canary", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--router", "--mode", "--steps", "--step-duration", "--analysis-interval",
                "--check", "--compare", "--prometheus-url", "--scrape-interval", "--min-samples", "--on-no-data",
                "--max-step-extension", "--failure-limit", "--consecutive-error-limit", "--rollback-mode",
                "--webhook", "--dry-run", "--timeout", "--config", "--features", "--rate", "--promote-on-success",
                "--abort", "--report", "--json", "Exit code 0 promoted, 1 rolled back or frozen");
    }

    @Test
    void shouldNameWhatIsMissingOrWrongBeforeTouchingAnything() {
        assertUsageError(CliRun.of("canary", "--candidate", "churn:7"), "--router");
        assertUsageError(CliRun.of("canary", "--router", "linkerd", "--candidate", "churn:7"),
                "--router must be istio, gateway-api, smi, kserve, flagger, "
                + "argo-rollouts or local, got 'linkerd'");
        assertUsageError(istio("--mode", "apply", "--prometheus-url", "http://127.0.0.1:9"),
                "--mode must be direct or gitops, got 'apply'");
        assertUsageError(istio("--mode", "gitops", "--repo", folder.toString()), "--weight-field");
        assertUsageError(istio(), "--prometheus-url");
        assertUsageError(istio("--prometheus-url", "http://127.0.0.1:9", "--steps", "10,50"),
                "canary steps must end at 100, got [10, 50]");
        assertUsageError(istio("--on-no-data", "skip"), "--on-no-data must be hold, fail or pass, got 'skip'");
        assertUsageError(istio("--rollback-mode", "undo"), "--rollback-mode must be full, trafficOnly or freeze");
        assertUsageError(istio("--webhook", "http://hooks.example.com"), "--webhook must be TYPE=URL");
        assertUsageError(istio("--step-duration", "ten minutes"), "--step-duration");
        assertUsageError(istio("--check", "request-success-rate:at-least=99"), "request-success-rate");
        assertUsageError(CliRun.of("canary", "--router", "istio", "--candidate", "churn:7"), "--namespace");
        assertUsageError(CliRun.of("canary", "--router", "local", "--candidate", "b.onnx", "--check",
                "request-success-rate:min=99"), "--stable", "--traffic");
    }

    @Test
    void shouldRefuseARolloutWithoutChecks() {
        assertUsageError(CliRun.of("canary", "--router", "istio", "--namespace", "ml-serving", "--target", "vs",
                "--stable-backend", "a", "--canary-backend", "b", "--candidate", "churn:7", "--prometheus-url",
                "http://127.0.0.1:9"), "at least one check");
    }

    @Test
    void shouldReadOptionsFromAYamlFileWithTheCommandLineWinning() throws Exception {
        Path config = Files.writeString(folder.resolve("canary.yaml"), String.join("\n",
                "router: istio", "namespace: ml-serving", "target: churn-model", "stable-backend: churn-stable",
                "canary-backend: churn-canary", "steps: [10, 50]", "on-no-data: skip",
                "check:", "  - {name: request-success-rate, min: 99, critical: true}", ""));

        CliRun fromFile = CliRun.of("canary", "--config", config.toString(), "--candidate", "churn:7",
                "--on-no-data", "hold", "--prometheus-url", "http://127.0.0.1:9");
        CliRun broken = CliRun.of("canary", "--config", Files.writeString(folder.resolve("broken.yaml"),
                "- router\n- istio\n").toString(), "--candidate", "churn:7");

        assertUsageError(fromFile, "canary steps must end at 100, got [10, 50]");
        assertUsageError(broken, "broken.yaml", "must hold a mapping");
    }

    @Test
    void shouldTakeAHealthyLocalCandidateToAllTraffic() throws Exception {
        CliRun run = CliRun.of(local("--check", "request-success-rate:min=99,critical=true",
                "--check", "model-accuracy:min=0.7").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/kind").asText()).isEqualTo("canary");
        assertThat(report.at("/status").asText()).isEqualTo("PASSED");
        assertThat(report.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        assertThat(report.at("/results/finalWeight").asInt()).isEqualTo(100);
        assertThat(report.at("/results/steps")).extracting(step -> step.path("weight").asInt())
                .containsExactly(50, 100);
        assertThat(report.at("/results/decisions")).isNotEmpty().allSatisfy(decision -> {
            assertThat(decision.path("decision").asText()).isEqualTo("PASS");
            assertThat(decision.path("samples").asLong()).isGreaterThanOrEqualTo(20);
        });
        assertThat(Files.exists(folder.resolve("state.json"))).as("the state is removed at the end").isFalse();
        assertThat(run.out()).contains("PROMOTED");
        assertThat(run.err()).contains("Step 1 of 2: 50%", "request-success-rate");
    }

    @Test
    void shouldRollBackAFailingLocalCandidateAtTheFirstAnalysis() throws Exception {
        CliRun run = CliRun.of(local("--check", "request-success-rate:min=99,critical=true",
                "--inject-error-rate", "0.3").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode report = report();
        assertThat(report.at("/status").asText()).isEqualTo("FAILED");
        assertThat(report.at("/results/outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(report.at("/results/finalWeight").asInt()).isZero();
        assertThat(report.at("/results/reason").asText()).contains("critical", "request-success-rate");
        assertThat(report.at("/results/decisions/0/decision").asText()).isEqualTo("FAIL");
        assertThat(report.at("/results/decisions/0/canary").asDouble()).isBetween(60.0, 80.0);
        assertThat(report.at("/results/rollback/traffic").asInt()).isZero();
        assertThat(run.out()).contains("ROLLED_BACK");
    }

    @Test
    void shouldDecideButNotActInADryRun() throws Exception {
        CliRun run = CliRun.of(local("--check", "request-success-rate:min=99,critical=true", "--dry-run",
                "--max-step-extension", "2s").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(report().at("/results/dryRun").asBoolean()).isTrue();
        assertThat(report().at("/results/outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(report().at("/results/reason").asText()).as("the weight was never set: no canary traffic")
                .contains("no data");
        assertThat(run.err()).contains("Dry run: would set the canary weight to 50%",
                "Dry run: would set the canary weight to 0% and roll back");
        assertThat(Files.exists(folder.resolve("state.json"))).isFalse();
    }
}
