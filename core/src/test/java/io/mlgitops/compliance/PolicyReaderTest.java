package io.mlgitops.compliance;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyReaderTest {
    private static final String HEADER = "apiVersion: mlgitops.io/v1\nkind: CompliancePolicy\n"
            + "metadata: {name: eu-credit}\n";

    static Policy read(final String yaml) throws InputException {
        return PolicyReader.read("policy.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(final String yaml, final String... fragments) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml").hasMessageContainingAll(fragments);
    }

    @Test
    void shouldReadRulesWaiversScopeAndDigest() throws Exception {
        Policy policy = read(HEADER + """
                spec:
                  appliesTo: {regions: [eu], modelTypes: [credit-scoring]}
                  rules:
                    - {id: card, type: modelCard, require: [model_details.name], cites: "EU AI Act Art. 11"}
                    - {id: oversight, type: humanApproval, required: true, description: A person decides.}
                  waivers:
                    - {rule: card, match: model_details.name, reason: "name pending", approvedBy: ml-leads, expires: 2027-03-31}
                """);

        assertThat(policy.name()).isEqualTo("eu-credit");
        assertThat(policy.source()).isEqualTo("policy.yaml");
        assertThat(policy.sha256()).hasSize(64);
        assertThat(policy.appliesTo()).isEqualTo(new AppliesTo(List.of("eu"), List.of("credit-scoring")));
        assertThat(policy.rules()).extracting(PolicyRule::id).containsExactly("card", "oversight");
        assertThat(policy.rules().get(0).cites()).containsExactly("EU AI Act Art. 11");
        assertThat(policy.rules().get(1).required()).isTrue();
        assertThat(policy.rules().get(1).description()).isEqualTo("A person decides.");
        assertThat(policy.waivers()).containsExactly(new Waiver("policy.yaml", "card",
                Optional.of("model_details.name"), "name pending", "ml-leads", LocalDate.of(2027, 3, 31)));
    }

    @Test
    void shouldNameThePolicyRuleAndFieldOfEveryMistake() {
        String rules = "spec:\n  rules:\n";
        assertRejected(HEADER + rules + "    - {id: x, type: fairnes}\n", "rule 'x'", "unknown type 'fairnes'",
                "fairness", "modelCard");
        assertRejected(HEADER + rules + "    - {id: card, type: modelCard, require: [a], requires: [b]}\n",
                "rule 'card' (modelCard)", "unknown field 'requires'", "require");
        assertRejected(HEADER + rules + "    - {id: card, type: modelCard}\n", "rule 'card' (modelCard)",
                "field 'require'");
        assertRejected(HEADER + rules + "    - {id: card, type: modelCard, require: [a..b]}\n", "field 'require'",
                "a..b");
        assertRejected(HEADER + rules + "    - {type: modelCard, require: [a]}\n", "spec.rules[0]", "'id'");
        assertRejected(HEADER + rules + "    - {id: a, type: humanApproval}\n    - {id: a, type: humanApproval}\n",
                "two rules have the id 'a'");
        assertRejected(HEADER + rules + "    - {id: a, type: humanApproval, required: yes please}\n",
                "spec.rules[0]", "required", "true or false");
        assertRejected(HEADER + "spec:\n  rules: []\n", "at least one rule");
        assertRejected(HEADER + rules + "    - {id: a, type: humanApproval}\n  waivers:\n"
                + "    - {rule: a, reason: r, approvedBy: b, expires: next year}\n", "spec.waivers[0]",
                "'next year' is not a date", "YYYY-MM-DD");
        assertRejected(HEADER + rules + "    - {id: a, type: humanApproval}\n  waivers:\n"
                + "    - {rule: a, reason: r, expires: 2027-01-01}\n", "spec.waivers[0]", "'approvedBy' is required");
        assertRejected(HEADER + rules + "    - {id: a, type: humanApproval}\n  exceptions: []\n",
                "unknown field 'exceptions'");
        assertRejected(HEADER.replace("v1", "v2") + rules + "    - {id: a, type: humanApproval}\n",
                "apiVersion must be 'mlgitops.io/v1'");
        assertRejected("- a\n- b\n", "must be a YAML mapping");
        assertRejected(HEADER + "spec:\n  rules:\n    - {id: a, type: humanApproval\n", "not valid YAML");
        assertRejected(HEADER + "metadata: {name: twice}\nspec:\n  rules: [{id: a, type: humanApproval}]\n",
                "not valid YAML", "metadata");
    }

    @Test
    void shouldNotConstructObjectsFromYamlTags() {
        assertRejected(HEADER + "spec:\n  rules:\n    - !!javax.script.ScriptEngineManager [a]\n",
                "spec.rules[0] must be a mapping");
    }

    @Test
    void shouldApplyOnlyToTheListedRegionsAndModelTypes() {
        AppliesTo eu = new AppliesTo(List.of("eu"), List.of("credit-scoring"));

        assertThat(eu.exclusion(Optional.of("EU"), Optional.of("credit-scoring"))).isEmpty();
        assertThat(eu.exclusion(Optional.empty(), Optional.empty())).as("an unknown region is judged").isEmpty();
        assertThat(eu.exclusion(Optional.of("us"), Optional.empty())).hasValueSatisfying(
                reason -> assertThat(reason).contains("regions [eu]", "'us'"));
        assertThat(eu.exclusion(Optional.of("eu"), Optional.of("churn"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("model types [credit-scoring]", "'churn'"));
        assertThat(AppliesTo.ALWAYS.exclusion(Optional.of("us"), Optional.of("churn"))).isEmpty();
    }
}
