package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static io.mlgitops.compliance.fairness.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fields of a {@code fairness} rule as the policy is read. */
class FairnessSettingsTest {
    private static FairnessSettings read(final String fields) throws InputException {
        return FairnessSettings.read(rule("fairness", fields));
    }

    @Test
    void shouldReadTheExamplesOfTheDocumentation() throws InputException {
        FairnessSettings fourFifths = read("{\"metric\": \"disparate_impact_ratio\", \"sensitive\": [\"gender\", "
                + "\"age_band\"], \"min\": 0.8, \"minGroupSize\": 30}");
        FairnessSettings parity = read("{\"metric\": \"demographic_parity_difference\", \"sensitive\": "
                + "[\"gender\"], \"max\": 0.1}");

        assertThat(fourFifths.metric()).isEqualTo(FairnessMetric.DISPARATE_IMPACT_RATIO);
        assertThat(fourFifths.sensitive()).containsExactly("gender", "age_band");
        assertThat(fourFifths.bounds()).isEqualTo(new Bounds(OptionalDouble.of(0.8), OptionalDouble.empty(), false));
        assertThat(parity.bounds()).isEqualTo(new Bounds(OptionalDouble.empty(), OptionalDouble.of(0.1), false));
    }

    @Test
    void shouldApplyTheDefaults() throws InputException {
        FairnessSettings settings = read("{\"metric\": \"equalized_odds_ratio\"}");

        assertThat(settings.sensitive()).isEmpty();
        assertThat(settings.bounds()).isEqualTo(new Bounds(OptionalDouble.of(0.8), OptionalDouble.empty(), true));
        assertThat(settings.minGroupSize()).isEqualTo(30);
        assertThat(settings.positiveLabel().text()).isEqualTo("1");
        assertThat(settings.method()).isEqualTo(Disparity.BETWEEN_GROUPS);
        assertThat(settings.aggregation()).isEqualTo(OddsAggregation.WORST_CASE);
        assertThat(settings.intersectional()).isFalse();
        assertThat(read("{\"metric\": \"equal_opportunity_difference\"}").bounds())
                .isEqualTo(new Bounds(OptionalDouble.empty(), OptionalDouble.of(0.1), true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|metric|is required",
        "{'metric': 'accuracy'}|metric|must be one of disparate_impact_ratio, demographic_parity_difference, "
                + "demographic_parity_ratio, equalized_odds_difference, equalized_odds_ratio, "
                + "equal_opportunity_difference, equal_opportunity_ratio, got 'accuracy'",
        "{'metric': 'disparate_impact_ratio', 'method': 'to_overall'}|method|does not apply to "
                + "disparate_impact_ratio",
        "{'metric': 'demographic_parity_ratio', 'method': 'overall'}|method|must be one of between_groups, "
                + "to_overall, got 'overall'",
        "{'metric': 'demographic_parity_ratio', 'agg': 'mean'}|agg|applies only to equalized_odds_difference",
        "{'metric': 'equalized_odds_ratio', 'agg': 'max'}|agg|must be one of worst_case, mean",
        "{'metric': 'equalized_odds_ratio', 'min': 0.9, 'max': 0.8}|min|is 0.9, above max 0.8",
        "{'metric': 'equalized_odds_ratio', 'min': 80}|min|must be between 0 and 1",
        "{'metric': 'equalized_odds_ratio', 'min': '0.8'}|min|must be a number",
        "{'metric': 'equalized_odds_ratio', 'max': 0.9}|max|alone does not bound a ratio",
        "{'metric': 'equalized_odds_difference', 'min': 0.1}|min|alone does not bound a difference",
        "{'metric': 'equalized_odds_difference', 'minGroupSize': 0}|minGroupSize|must be a whole number of at least 1",
        "{'metric': 'equalized_odds_difference', 'sensitive': ['a', 'a']}|sensitive|names column 'a' twice",
        "{'metric': 'equalized_odds_difference', 'intersectional': 'yes'}|intersectional|must be true or false",
        "{'metric': 'equalized_odds_difference', 'positiveLabel': ''}|positiveLabel|must be a non-empty text"
    })
    void shouldNameTheFieldOfAnInvalidRule(final String fields, final String field, final String problem) {
        assertThatThrownBy(() -> new FairnessRule().validate(rule("fairness", fields.replace('\'', '"'))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml: rule 'under-test' (fairness), field '" + field + "': " + problem);
    }

    @Test
    void shouldAcceptExactlyItsFields() {
        assertThat(new FairnessRule().fields()).containsExactlyInAnyOrder("metric", "sensitive", "min", "max",
                "minGroupSize", "positiveLabel", "method", "agg", "intersectional");
        assertThat(new FairnessRule().name()).isEqualTo("fairness");
    }
}
