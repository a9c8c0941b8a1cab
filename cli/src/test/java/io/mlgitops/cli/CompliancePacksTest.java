package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in pack on the churn example: the candidate ONNX model on test.csv against train.csv, its model card, a
 * Trivy report of its serving image with one unfixed CVSS 7.5 finding, its SBOM and its MLflow model folder. The
 * churn model takes gender and age band as inputs and selects the youngest and oldest customers less often, which the
 * fair-lending pack must catch.
 */
class CompliancePacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path folder;

    private JsonNode run(final int exitCode, final String... policyArguments) throws Exception {
        Path report = folder.resolve("compliance.json");
        List<String> args = new ArrayList<>(List.of("compliance"));
        args.addAll(List.of(policyArguments));
        args.addAll(List.of("--dataset", example("test.csv"), "--target", "churned", "--reference-dataset",
                example("train.csv"), "--predictions", "onnx:" + example("candidate.onnx"), "--sensitive", "gender",
                "--sensitive", "age_band", "--model-card", example("model-card.yaml"), "--security-report",
                example("security/trivy-serving-image.json"), "--sbom", example("security/sbom.cdx.json"),
                "--model-dir", example("mlflow-candidate"), "--approved-by", "ana", "--report", report.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        return JSON.readTree(report.toFile());
    }

    private static String example(final String path) {
        return TestEnvironment.example("churn/" + path).toString();
    }

    private static Map<String, String> statuses(final JsonNode report) {
        Map<String, String> statuses = new LinkedHashMap<>();
        report.at("/results/rules").forEach(rule -> statuses.put(rule.path("id").asText(),
                rule.path("status").asText()));
        return statuses;
    }

    private static JsonNode rule(final JsonNode report, final String id) {
        for (JsonNode rule : report.at("/results/rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    @Test
    void shouldFailTheEuAiActPackOnlyOnTheUnwaivedVulnerability() throws Exception {
        JsonNode report = run(1, "--pack", "eu-ai-act-high-risk");

        assertThat(statuses(report)).containsExactly(Map.entry("technical-documentation", "PASSED"),
                Map.entry("declared-accuracy", "PASSED"), Map.entry("bias-examination", "PASSED"),
                Map.entry("data-representativeness", "PASSED"), Map.entry("human-oversight", "PASSED"),
                Map.entry("cybersecurity", "FAILED"), Map.entry("model-integrity", "PASSED"));
        assertThat(rule(report, "cybersecurity").at("/findings/0/key").asText()).isEqualTo("CVE-2026-31337");
        assertThat(rule(report, "declared-accuracy").at("/evidence/compared")).hasSize(2);
        assertThat(rule(report, "bias-examination").at("/cites/0").asText()).contains("Art. 10(2)");
        assertThat(rule(report, "data-representativeness").at("/evidence/columnCount").asInt()).isEqualTo(11);
        assertThat(report.at("/results/policies/0/source").asText()).isEqualTo("pack eu-ai-act-high-risk");
    }

    @Test
    void shouldPassTheEuAiActPackWithTheTeamsWaiverOfTheVulnerability() throws Exception {
        JsonNode report = run(0, "--pack", "eu-ai-act-high-risk", "--policy",
                TestEnvironment.example("policies/churn-waivers.yaml").toString());

        assertThat(rule(report, "cybersecurity").path("status").asText()).isEqualTo("WAIVED");
        assertThat(report.at("/results/waivers/orphaned/0/rule").asText()).isEqualTo("cves");
        assertThat(report.at("/messages").toString()).contains("names the rule 'cves'");
    }

    @Test
    void shouldCatchTheAdverseImpactAndTheProhibitedBasesInTheFairLendingPack() throws Exception {
        JsonNode report = run(1, "--pack", "us-fair-lending");

        assertThat(statuses(report)).containsExactly(Map.entry("four-fifths", "FAILED"),
                Map.entry("equal-opportunity", "PASSED"), Map.entry("prohibited-bases", "FAILED"));
        assertThat(rule(report, "four-fifths").at("/findings")).extracting(finding -> finding.path("key").asText())
                .containsExactly("age_band=18-29", "age_band=60+");
        assertThat(rule(report, "four-fifths").at("/evidence/columns/age_band/groups/age_band=60+/adverseImpactRatio")
                .asDouble()).isBetween(0.74, 0.75);
        assertThat(rule(report, "prohibited-bases").at("/findings")).extracting(finding -> finding.path("key")
                .asText()).containsExactly("gender", "age_band");
    }

    @Test
    void shouldPassTheGdprPackBecauseSexAndAgeAreNotSpecialCategories() throws Exception {
        JsonNode report = run(0, "--pack", "gdpr-baseline");

        assertThat(statuses(report)).containsExactly(Map.entry("special-categories", "PASSED"),
                Map.entry("direct-identifiers", "PASSED"), Map.entry("purpose", "PASSED"),
                Map.entry("human-intervention", "PASSED"));
        assertThat(rule(report, "direct-identifiers").at("/evidence/featuresOrigin").asText())
                .as("customer_id is in the data but not a model input").isEqualTo("the model's input names");
    }

    @Test
    void shouldPassTheSecurityPackWithTheTeamsWaiverAndTheirOwnPolicy() throws Exception {
        JsonNode report = run(0, "--pack", "security-baseline", "--policy",
                TestEnvironment.example("policies/churn-waivers.yaml").toString(), "--policy",
                TestEnvironment.example("policies/churn-eu.yaml").toString(), "--region", "eu", "--model-type",
                "churn");

        assertThat(statuses(report)).containsEntry("cves", "WAIVED").containsEntry("pickle", "PASSED")
                .containsEntry("licenses", "PASSED").containsEntry("parity", "PASSED")
                .containsEntry("tenure-present", "PASSED").containsEntry("drift", "PASSED").hasSize(10);
        assertThat(rule(report, "cves").at("/waived/0/approvedBy").asText()).isEqualTo("security-team");
        assertThat(report.at("/results/waivers/applied/0/covered/0").asText()).isEqualTo("CVE-2026-31337");
        assertThat(report.at("/results/waivers/unused/0/rule").asText()).as("parity passes: its waiver is unused")
                .isEqualTo("parity");
        assertThat(report.at("/results/waivers/orphaned/0/rule").asText()).as("the EU pack is not in this run")
                .isEqualTo("cybersecurity");
        assertThat(rule(report, "licenses").at("/evidence/unlicensedComponents")).hasSize(2);
    }

    @Test
    void shouldNotApplyTheTeamsEuPolicyToAUsRelease() throws Exception {
        JsonNode report = run(0, "--policy", TestEnvironment.example("policies/churn-eu.yaml").toString(),
                "--region", "us");

        assertThat(statuses(report).values()).containsOnly("NOT_APPLICABLE");
        assertThat(report.at("/results/policies/0/applied").asBoolean()).isFalse();
        assertThat(report.at("/results/policies/0/exclusion").asText()).contains("regions [eu]", "'us'");
    }
}
