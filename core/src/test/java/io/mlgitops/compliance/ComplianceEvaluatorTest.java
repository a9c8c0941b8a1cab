package io.mlgitops.compliance;

import io.mlgitops.api.spi.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceEvaluatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String HEADER = "apiVersion: mlgitops.io/v1\nkind: CompliancePolicy\n";

    @TempDir
    private Path folder;

    private static ComplianceResults evaluate(final Evidence evidence, final Optional<String> region,
            final String... policies) throws Exception {
        List<Policy> read = new ArrayList<>();
        for (String policy : policies) {
            read.add(PolicyReaderTest.read(HEADER + policy));
        }
        return new ComplianceEvaluator(region, Optional.empty(), TODAY, ProgressListener.NONE).evaluate(read,
                evidence);
    }

    private Evidence withCard(final String card) throws Exception {
        return Evidence.builder().modelCard(Files.writeString(folder.resolve("card.yaml"), card)).build();
    }

    private static RuleResult rule(final ComplianceResults results, final String id) {
        return results.rules().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldWaiveOnlyTheMatchedFindingsWhileTheWaiverHolds() throws Exception {
        Evidence evidence = withCard("model_details: {name: churn}\n");
        ComplianceResults results = evaluate(evidence, Optional.empty(), """
                metadata: {name: docs}
                spec:
                  rules:
                    - {id: card, type: modelCard, require: [model_details.name, model_details.owners, considerations.limitations]}
                    - {id: card-all, type: modelCard, require: [model_details.owners, considerations.limitations]}
                  waivers:
                    - {rule: card, match: MODEL_DETAILS.OWNERS, reason: "owners in LDAP", approvedBy: ml-leads, expires: 2026-11-28}
                    - {rule: card, match: considerations.*, reason: "expired", approvedBy: ml-leads, expires: 2026-11-27}
                    - {rule: card-all, reason: "prototype", approvedBy: cto, expires: 2027-01-31}
                    - {rule: card-all, match: nothing-like-this, reason: "unused", approvedBy: cto, expires: 2027-01-31}
                """);

        RuleResult card = rule(results, "card");
        assertThat(card.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(card.findings()).extracting(Finding::key).containsExactly("considerations.limitations");
        assertThat(card.waived()).extracting(RuleResult.WaivedFinding::key).containsExactly("model_details.owners");
        assertThat(card.message()).contains("1 of 2 findings waived");
        RuleResult all = rule(results, "card-all");
        assertThat(all.status()).isEqualTo(RuleStatus.WAIVED);
        assertThat(all.waived()).extracting(RuleResult.WaivedFinding::approvedBy).containsOnly("cto");
        assertThat(results.waivers().applied()).extracting(ComplianceResults.WaiverUse::rule)
                .containsExactly("card", "card-all");
        assertThat(results.waivers().expired()).extracting(ComplianceResults.WaiverUse::match)
                .containsExactly("considerations.*");
        assertThat(results.waivers().unused()).extracting(ComplianceResults.WaiverUse::match)
                .containsExactly("nothing-like-this");
        assertThat(results.passed()).isFalse();
        assertThat(results.summary()).containsEntry(RuleStatus.FAILED, 1).containsEntry(RuleStatus.WAIVED, 1)
                .containsEntry(RuleStatus.PASSED, 0);
    }

    @Test
    void shouldFailARequiredRuleWhoseEvidenceIsMissingAndSkipAnOptionalOne() throws Exception {
        ComplianceResults results = evaluate(Evidence.builder().build(), Optional.empty(), """
                metadata: {name: oversight}
                spec:
                  rules:
                    - {id: must, type: humanApproval, required: true}
                    - {id: may, type: humanApproval}
                """);

        assertThat(rule(results, "must").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(rule(results, "must").message()).startsWith("Required evidence is missing").contains("--approved-by");
        assertThat(rule(results, "may").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(results.passed()).isFalse();
    }

    @Test
    void shouldMarkEveryRuleOfAPolicyThatDoesNotApplyAndJudgeTheOthers() throws Exception {
        ComplianceResults results = evaluate(Evidence.builder().approvedBy("ana").build(), Optional.of("us"), """
                metadata: {name: eu-only}
                spec:
                  appliesTo: {regions: [eu]}
                  rules: [{id: eu-oversight, type: humanApproval, required: true}]
                """, """
                metadata: {name: everywhere}
                spec:
                  rules: [{id: oversight, type: humanApproval, approvers: [Ana, ben]}]
                """);

        assertThat(rule(results, "eu-oversight").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(rule(results, "eu-oversight").message()).contains("regions [eu]", "'us'");
        assertThat(rule(results, "oversight").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(results.policies()).extracting(ComplianceResults.PolicyUse::applied).containsExactly(false, true);
        assertThat(results.passed()).isTrue();
    }

    @Test
    void shouldTurnUnusableEvidenceIntoAnErrorOfThatRuleOnly() throws Exception {
        Evidence evidence = withCard("model_details: [unclosed\n");
        ComplianceResults results = evaluate(evidence, Optional.empty(), """
                metadata: {name: docs}
                spec:
                  rules:
                    - {id: card, type: modelCard, require: [model_details.name]}
                    - {id: oversight, type: humanApproval}
                """);

        assertThat(rule(results, "card").status()).isEqualTo(RuleStatus.ERROR);
        assertThat(rule(results, "card").message()).contains("card.yaml", "not valid YAML");
        assertThat(rule(results, "oversight").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(results.passed()).isFalse();
    }

    @Test
    void shouldReportAWaiverForARuleNoPolicyDefinesAndLetTheRuleFail() throws Exception {
        ComplianceResults results = evaluate(Evidence.builder().build(), Optional.empty(), """
                metadata: {name: docs}
                spec:
                  rules: [{id: oversight, type: humanApproval, required: true}]
                  waivers: [{rule: oversight-typo, reason: r, approvedBy: a, expires: 2027-01-01}]
                """);

        assertThat(rule(results, "oversight").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(results.waivers().orphaned()).extracting(ComplianceResults.WaiverUse::rule)
                .containsExactly("oversight-typo");
        assertThat(results.waivers().unused()).isEmpty();
    }
}
