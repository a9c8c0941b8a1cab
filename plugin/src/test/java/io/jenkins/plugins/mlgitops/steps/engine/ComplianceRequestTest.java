package io.jenkins.plugins.mlgitops.steps.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** mlComplianceCheck's request on the churn example, through the same code the agent runs. */
class ComplianceRequestTest {
    private static final SecretSource NO_SECRETS = name -> Optional.empty();
    private static final String POLICY = """
            apiVersion: mlgitops.io/v1
            kind: CompliancePolicy
            metadata:
              name: churn-docs
            spec:
              rules:
                - {id: card, type: modelCard, require: [model_details.name, considerations.limitations]}
                - {id: declared, type: declaredMetrics, tolerance: 0.001}
                - {id: oversight, type: humanApproval, approvers: [ana]}
            """;

    @TempDir
    private Path workspace;

    @BeforeEach
    void createWorkspace() throws IOException {
        ChurnWorkspace.create(workspace);
        Files.createDirectories(workspace.resolve("policies"));
        Files.writeString(workspace.resolve("policies/churn-docs.yaml"), POLICY);
    }

    @Test
    void shouldPassTheChurnModelCardWithFilesRelativeToTheWorkspace() throws Exception {
        StepOutcome outcome = request().approvedBy("Ana").run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.status()).isEqualTo("PASSED");
        assertThat(outcome.values()).containsEntry("passed", true).containsEntry("failedRules", List.of())
                .containsEntry("errorRules", List.of());
        assertThat(outcome.values().get("rules")).asString().contains("PASSED=3");
        JsonNode report = new ObjectMapper().readTree(outcome.reportJson());
        assertThat(report.at("/kind").asText()).isEqualTo("compliance");
        assertThat(report.at("/inputs/modelCard/sha256").asText()).hasSize(64);
        assertThat(outcome.summary()).anyMatch(line -> line.startsWith("PASSED") && line.contains("oversight"));
    }

    @Test
    void shouldFailARuleAndSayWhichOne() {
        StepOutcome outcome = request().approvedBy("Mallory").run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.values()).containsEntry("failedRules", List.of("oversight"));
        assertThat(outcome.problems()).singleElement().asString().startsWith("oversight FAILED: ");
    }

    @Test
    void shouldRefuseParametersThatDoNotFitTogether() {
        assertThat(new ComplianceRequest().run(workspace, NO_SECRETS, new ChurnWorkspace.Lines()).problems())
                .singleElement().asString().contains("policies: [...]", "packs: [...]");
        assertThat(new ComplianceRequest().packs(List.of("gdpr-baseline")).predictions("onnx:models/candidate.onnx")
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines()).problems())
                .containsExactly("predictions needs dataset (and target): the model is judged on that data.");
        assertThat(new ComplianceRequest().packs(List.of("gdpr-baseline")).dataset("data/test.csv")
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines()).problems())
                .containsExactly("dataset needs target, the label column.");
        StepOutcome missing = new ComplianceRequest().policies(List.of("policies/none.yaml"))
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());
        assertThat(missing.status()).isEqualTo("ERROR");
        assertThat(missing.problems()).singleElement().asString().contains(workspace.resolve("policies/none.yaml")
                .toString());
    }

    @Test
    void shouldEvaluateABuiltInPackOnTheSecurityReport() {
        StepOutcome outcome = new ComplianceRequest().packs(List.of("security-baseline"))
                .securityReports(List.of("security/trivy.json"))
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.reportJson()).isNotNull();
        assertThat(outcome.status()).isIn("PASSED", "FAILED");
        assertThat(outcome.summary()).isNotEmpty();
    }

    private static ComplianceRequest request() {
        return new ComplianceRequest().policies(List.of("policies/churn-docs.yaml")).dataset("data/test.csv")
                .target("churned").predictions("onnx:models/candidate.onnx").modelCard("model-card.yaml")
                .threads(1);
    }
}
