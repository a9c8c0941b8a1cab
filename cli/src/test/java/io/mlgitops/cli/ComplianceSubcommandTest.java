package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops compliance}: usage and input errors, and a run of the churn team's policy on the churn example (real
 * ONNX model, real data, model card) with its waiver.
 */
class ComplianceSubcommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "apiVersion: mlgitops.io/v1\nkind: CompliancePolicy\nmetadata: {name: t}\n";

    @TempDir
    private Path folder;

    private static String example(final String path) {
        return TestEnvironment.example(path).toString();
    }

    private static void assertExit(final CliRun run, final int code, final String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        assertThat(run.err()).contains(fragments).doesNotContain("\tat ");
    }

    @Test
    void shouldDescribeEveryOptionAndPackInItsHelp() {
        CliRun help = CliRun.of("compliance", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--policy", "--pack", "--model-type", "--region", "--dataset", "--target",
                "--predictions", "--features", "--reference-dataset", "--sensitive", "--model-card",
                "--security-report", "--sbom", "--model-dir", "--benchmark-report", "--approved-by", "--report",
                "--json", "eu-ai-act-high-risk", "us-fair-lending", "gdpr-baseline", "security-baseline");
    }

    @Test
    void shouldRefuseAnIncompleteCommandLine() {
        assertExit(CliRun.of("compliance"), 2, "--policy FILE or --pack NAME");
        assertExit(CliRun.of("compliance", "--pack", "gdpr-baseline", "--predictions", "onnx:m.onnx"), 2,
                "--predictions needs --dataset");
        assertExit(CliRun.of("compliance", "--pack", "gdpr-baseline", "--dataset", "d.csv"), 2,
                "--dataset needs --target");
    }

    @Test
    void shouldNameTheBadPolicyRuleFieldOrFileWithExitCode3() throws Exception {
        Path policy = Files.writeString(folder.resolve("bad.yaml"), HEADER
                + "spec:\n  rules:\n    - {id: card, type: modelCard, require: [model_details.name], owner: me}\n");

        assertExit(CliRun.of("compliance", "--policy", policy.toString()), 3, "bad.yaml", "rule 'card'",
                "unknown field 'owner'");
        assertExit(CliRun.of("compliance", "--pack", "eu-ai-act"), 3, "no built-in policy pack 'eu-ai-act'",
                "eu-ai-act-high-risk");
        assertExit(CliRun.of("compliance", "--policy", folder.resolve("missing.yaml").toString()), 3,
                "missing.yaml", "--policy");
        assertExit(CliRun.of("compliance", "--pack", "gdpr-baseline", "--model-card",
                folder.resolve("card.yaml").toString()), 3, "card.yaml", "does not exist");
    }

    @Test
    void shouldJudgeTheChurnModelCardAndDeclaredMetricsAndRecordTheDigests() throws Exception {
        Path policy = Files.writeString(folder.resolve("docs.yaml"), HEADER + """
                spec:
                  rules:
                    - {id: card, type: modelCard, require: [model_details.name, considerations.limitations]}
                    - {id: declared, type: declaredMetrics, tolerance: 0.001}
                    - {id: oversight, type: humanApproval, approvers: [ana]}
                """);
        Path report = folder.resolve("compliance.json");

        CliRun run = CliRun.of("compliance", "--policy", policy.toString(), "--dataset", example("churn/test.csv"),
                "--target", "churned", "--predictions", "onnx:" + example("churn/candidate.onnx"), "--model-card",
                example("churn/model-card.yaml"), "--approved-by", "Ana", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.at("/kind").asText()).isEqualTo("compliance");
        assertThat(json.at("/status").asText()).isEqualTo("PASSED");
        assertThat(json.at("/digest").asText()).hasSize(64);
        assertThat(json.at("/results/policies/0/sha256").asText()).hasSize(64);
        assertThat(json.at("/inputs/dataset/sha256").asText()).hasSize(64);
        assertThat(json.at("/inputs/modelCard/sha256").asText()).hasSize(64);
        assertThat(json.at("/results/rules")).extracting(rule -> rule.path("status").asText())
                .containsExactly("PASSED", "PASSED", "PASSED");
        assertThat(json.at("/results/rules/1/evidence/compared/0/measured").asDouble()).isEqualTo(0.853);
        assertThat(json.at("/results/summary/PASSED").asInt()).isEqualTo(3);
        assertThat(run.out()).contains("Result: PASSED", "declaredMetrics");
    }
}
