package io.mlgitops.compliance.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCardRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGGING_FACE = """
            ---
            license: apache-2.0
            model_name: churn-prediction
            datasets: [telco-churn]
            model-index:
              - name: churn-prediction
                results:
                  - task: {type: tabular-classification}
                    dataset: {name: telco-churn, type: csv}
                    metrics: [{type: accuracy, value: 0.81}]
            ---
            # churn-prediction

            ## Uses

            Ranks customers by churn risk for the retention team.

            ## Bias, Risks, and Limitations

            <!-- Address questions around how the model may be misused. -->

            [More Information Needed]

            ## Model Card Contact

            ml-platform@example.com
            """;

    @TempDir
    private Path folder;

    private final ModelCardRule rule = new ModelCardRule();

    private static RuleFields require(final String... paths) {
        return new RuleFields("policy.yaml", "card", "modelCard",
                Map.of("require", JSON.valueToTree(List.of(paths))));
    }

    private RuleCheck check(final String fileName, final String card, final String... paths) throws Exception {
        Path file = Files.writeString(folder.resolve(fileName), card);
        RuleFields fields = require(paths);
        rule.validate(fields);
        return rule.check(fields, Evidence.builder().modelCard(file).build());
    }

    @Test
    void shouldFindFieldsThroughListsAndRejectEmptyValues() throws Exception {
        RuleCheck check = check("card.yaml", """
                model_details:
                  name: churn-prediction
                  owners: [{name: Ana, contact: ana@example.com}]
                  version: {name: ""}
                considerations:
                  limitations: []
                  use_cases: [{description: retention campaigns}]
                """, "model_details.name", "model_details.owners.name", "model_details.version.name",
                "considerations.limitations", "considerations.use_cases.description", "model_parameters.data");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("model_details.version.name",
                "considerations.limitations", "model_parameters.data");
        assertThat(check.evidence()).containsEntry("format", "model-card-toolkit")
                .containsEntry("present", List.of("model_details.name", "model_details.owners.name",
                        "considerations.use_cases.description"));
        assertThat(check.message()).contains("lacks 3 of 6");
    }

    @Test
    void shouldReadAHuggingFaceReadmeFrontMatterAndSections() throws Exception {
        RuleCheck check = check("README.md", HUGGING_FACE, "model_details.name|model_name", "license",
                "considerations.use_cases|section:Uses", "section:Bias, Risks, and Limitations",
                "section:model card contact", "model-index");

        assertThat(check.evidence()).containsEntry("format", "hugging-face");
        assertThat(check.findings()).extracting(Finding::key)
                .as("a section left as the template's placeholder is missing")
                .containsExactly("section:Bias, Risks, and Limitations");
        assertThat(check.findings().get(0).message()).contains("section 'Bias, Risks, and Limitations'");
    }

    @Test
    void shouldPassWhenEveryFieldIsThereAndSkipWithoutACard() throws Exception {
        assertThat(check("card.json", "{\"model_details\": {\"name\": \"churn\"}}", "model_details.name").status())
                .isEqualTo(RuleStatus.PASSED);
        assertThat(rule.check(require("model_details.name"), Evidence.builder().build()).status())
                .isEqualTo(RuleStatus.NOT_APPLICABLE);
    }

    @Test
    void shouldNameAMalformedOrMissingCard() throws Exception {
        assertThatThrownBy(() -> check("card.yaml", "model_details: {name: [\n", "model_details.name"))
                .isInstanceOf(InputException.class).hasMessageContainingAll("card.yaml", "not valid YAML");
        assertThatThrownBy(() -> check("card.yaml", "- just\n- a list\n", "model_details.name"))
                .isInstanceOf(InputException.class).hasMessageContainingAll("card.yaml", "mapping");
        assertThatThrownBy(() -> rule.check(require("a"), Evidence.builder().modelCard(folder.resolve("none.yaml"))
                .build())).isInstanceOf(InputException.class).hasMessageContainingAll("none.yaml", "--model-card");
    }
}
