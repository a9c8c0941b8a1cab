package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mlgitops.compliance.fairness.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code featureDenylist} rule: word-wise matching, the built-in terms, the policy's terms and exemptions. */
class FeatureDenylistRuleTest {
    @TempDir
    Path folder;

    private static RuleCheck check(final String fields, final String... features) throws InputException {
        return new FeatureDenylistRule().check(rule("featureDenylist", fields),
                Evidence.builder().features(List.of(features)).build());
    }

    private static List<String> matchedTerms(final String column) throws InputException {
        return ((List<?>) check("{}", column).evidence().get("matches")).stream()
                .map(match -> (String) ((Map<?, ?>) match).get("term")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age|age", "age_band|age", "customerAge|age", "AGE|age", "Age2|age",
        "sex|sex", "Sex_M|sex", "gender|gender", "GenderIdentity|gender", "is_female|female",
        "ethnicity|ethnicity", "ethnic_group|ethnic", "race|race", "marital_status|marital",
        "national_origin|national_origin", "nationality|nationality", "union_membership|union_membership",
        "trade-union|trade_union", "genetic_marker|genetic", "BiometricTemplate|biometric",
        "health_status|health", "HealthStatus|health", "patient-health-status|health",
        "sexual_orientation|sexual", "political_opinion|political", "religion|religion",
        "date_of_birth|date_of_birth", "receives_public_assistance|public_assistance", "skinColor|skin_color"
    })
    void shouldFindTheBuiltInTermsAsWholeWords(final String column, final String term) throws InputException {
        assertThat(matchedTerms(column)).containsExactly(term);
    }

    @ParameterizedTest
    @CsvSource({"page_views", "usage", "agent", "average_balance", "mileage", "sussex", "essex_branch", "color",
        "union_station", "raceway", "stage", "message_count", "income", "zip_code"})
    void shouldNotFindTermsInsideOtherWords(final String column) throws InputException {
        assertThat(check("{}", column).status()).isEqualTo(RuleStatus.PASSED);
    }

    @Test
    void shouldCiteTheLawOfEveryBuiltInTermAndListNoTermTwice() {
        List<DenyTerm> terms = DefaultDenyTerms.all();

        assertThat(terms).allSatisfy(term -> assertThat(term.citation()).matches("(GDPR Art\\. 9\\(1\\)|ECOA .*)"
                + "(; ECOA .*)?"));
        for (DenyTerm term : terms) {
            assertThat(terms).as("terms that make '%s' redundant", term.term())
                    .filteredOn(other -> other != term && other.matches(term.words())).isEmpty();
        }
        assertThat(terms).filteredOn(term -> term.term().equals("race")).singleElement()
                .extracting(DenyTerm::citation).isEqualTo("GDPR Art. 9(1); ECOA 15 U.S.C. 1691(a)(1); Reg B 12 CFR "
                        + "1002.2(z)");
    }

    @Test
    void shouldFailEachMatchedColumnAndShowEveryMatch() throws InputException {
        RuleCheck check = check("{}", "income", "customerAge", "HealthStatus", "page_views");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).containsExactly(
                new Finding("customerAge", "Model input 'customerAge' matches 'age' (ECOA 15 U.S.C. 1691(a)(1); "
                        + "Reg B 12 CFR 1002.2(z)). Remove it from the model's inputs, or list it under allow if the "
                        + "name does not mean that."),
                new Finding("HealthStatus", "Model input 'HealthStatus' matches 'health' (GDPR Art. 9(1)). Remove it "
                        + "from the model's inputs, or list it under allow if the name does not mean that."));
        assertThat(check.message()).isEqualTo("2 of the 4 model inputs (from the declared features) match denied "
                + "terms: customerAge, HealthStatus.");
        assertThat(check.evidence()).containsEntry("features", List.of("income", "customerAge", "HealthStatus",
                "page_views")).containsEntry("featuresOrigin", "the declared features")
                .containsEntry("matches", List.of(
                        Map.of("column", "customerAge", "term", "age", "citation", DefaultDenyTerms.ECOA),
                        Map.of("column", "HealthStatus", "term", "health", "citation", DefaultDenyTerms.GDPR)));
    }

    @Test
    void shouldExemptAllowedColumnsButShowWhatTheyMatched() throws InputException {
        RuleCheck check = check("{\"allow\": [\"stage_age\"]}", "stage_age", "income");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("None of the 2 model inputs (from the declared features) matches the "
                + DefaultDenyTerms.all().size() + " denied terms, apart from allowed columns.");
        assertThat(check.evidence()).containsEntry("matches", List.of()).containsEntry("allowedMatches",
                List.of(Map.of("column", "stage_age", "term", "age", "citation", DefaultDenyTerms.ECOA)));
    }

    @Test
    void shouldAllowByExactNameOnly() throws InputException {
        assertThat(check("{\"allow\": [\"Age\"]}", "age").findings()).extracting(Finding::key).containsExactly("age");
    }

    @Test
    void shouldAddThePolicysTermsToTheDefaultsOrUseThemAlone() throws InputException {
        RuleCheck added = check("{\"deny\": [\"zip code\", \"postalCode\"]}", "ZipCode", "postal_code", "gender");
        RuleCheck alone = check("{\"deny\": [\"zip_code\"], \"defaults\": false}", "zip_code", "gender");

        assertThat(added.findings()).extracting(Finding::key).containsExactly("ZipCode", "postal_code", "gender");
        assertThat(added.findings().get(0).message()).contains("'zip code' (the policy's deny list)");
        assertThat(alone.findings()).extracting(Finding::key).containsExactly("zip_code");
        assertThat(alone.evidence()).containsEntry("termsChecked", 1).containsEntry("defaults", "false");
    }

    @Test
    void shouldUseTheBuiltInTermsOfOneLawWhenTheDefaultsNameIt() throws InputException {
        String[] columns = {"gender", "customer_age", "ethnicity", "religion", "tenure"};

        assertThat(check("{\"defaults\": \"gdpr\"}", columns).findings()).extracting(Finding::key)
                .as("GDPR Art. 9 lists neither sex nor age").containsExactly("ethnicity", "religion");
        assertThat(check("{\"defaults\": \"ecoa\"}", columns).findings()).extracting(Finding::key)
                .as("ECOA lists no ethnic origin apart from race and national origin")
                .containsExactly("gender", "customer_age", "religion");
        assertThatThrownBy(() -> new FeatureDenylistRule().validate(rule("featureDenylist",
                "{\"defaults\": \"hipaa\"}"))).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'defaults': must be one of gdpr, ecoa, got 'hipaa'");
    }

    @Test
    void shouldCheckTheDataSetColumnsExceptTargetAndSensitiveWhenNoFeaturesAreDeclared() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,applicant_age,income,label,prediction")
                .rows(1, "F,40,1000,1,1");

        RuleCheck check = new FeatureDenylistRule().check(rule("featureDenylist", "{}"), data.evidence("gender"));

        assertThat(check.findings()).extracting(Finding::key).containsExactly("applicant_age");
        assertThat((String) check.evidence().get("featuresOrigin")).startsWith("the columns of ");
        assertThat(check.evidence()).containsEntry("features", List.of("applicant_age", "income", "prediction"));
    }

    @Test
    void shouldNotApplyWithoutModelInputs() throws InputException {
        RuleCheck check = new FeatureDenylistRule().check(rule("featureDenylist", "{}"), Evidence.builder().build());

        assertThat(check.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(check.message()).isEqualTo("No model inputs are known: give the features, a model that names its "
                + "inputs, or a data set.");
    }

    @Test
    void shouldRejectARuleThatChecksNothingOrATermWithoutWords() {
        FeatureDenylistRule type = new FeatureDenylistRule();

        assertThatThrownBy(() -> type.validate(rule("featureDenylist", "{\"defaults\": false}")))
                .isInstanceOf(InputException.class).hasMessage("policy.yaml: rule 'under-test' (featureDenylist), "
                        + "field 'defaults': is false and the rule lists no deny terms, so nothing would be checked");
        assertThatThrownBy(() -> type.validate(rule("featureDenylist", "{\"deny\": [\"--\"]}")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("field 'deny': term '--' has no letters or "
                        + "digits to match");
        assertThatThrownBy(() -> type.validate(rule("featureDenylist", "{\"allow\": {\"a\": 1}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("field 'allow': must be a list of texts");
        assertThat(type.fields()).containsExactlyInAnyOrder("deny", "defaults", "allow");
    }
}
