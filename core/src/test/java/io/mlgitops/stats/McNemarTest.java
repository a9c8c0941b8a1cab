package io.mlgitops.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class McNemarTest {
    private static final McNemarTable REFERENCE = reference();

    private static McNemarTable reference() {
        JsonNode table = ReferenceVectors.at("mcnemar", "table_[[both_correct, champ_only],[cand_only, both_wrong]]");
        return new McNemarTable(table.get(0).get(0).asLong(), table.get(0).get(1).asLong(),
                table.get(1).get(0).asLong(), table.get(1).get(1).asLong());
    }

    @ParameterizedTest
    @CsvSource({
            "EXACT, 'exact=True,correction=True'",
            "CHI_SQUARE_CORRECTED, 'exact=False,correction=True'",
            "CHI_SQUARE, 'exact=False,correction=False'"})
    void shouldMatchStatsmodels(final McNemar.Method method, final String variant) {
        McNemarResult result = McNemar.test(REFERENCE, method);
        double expectedP = ReferenceVectors.number("mcnemar", variant, "pvalue");

        assertThat(result.statistic()).isCloseTo(ReferenceVectors.number("mcnemar", variant, "statistic"),
                within(1e-12));
        assertThat(result.pValue()).isCloseTo(expectedP, within(expectedP * 1e-9));
        assertThat(result.method()).isEqualTo(method);
    }

    @Test
    void shouldMatchScipysTwoSidedBinomialTest() {
        assertThat(McNemar.exact(REFERENCE).pValue()).isCloseTo(
                ReferenceVectors.number("mcnemar", "scipy_binomtest_two_sided_p"), within(1e-15));
    }

    @Test
    void shouldGivePValueOneWithoutDiscordantRowsUnlikeStatsmodels() {
        McNemarTable identical = new McNemarTable(150, 0, 0, 50);

        assertThat(ReferenceVectors.number("mcnemar", "degenerate_b_plus_c_0_chi2", "pvalue")).isZero();
        for (McNemar.Method method : McNemar.Method.values()) {
            McNemarResult result = McNemar.test(identical, method);
            assertThat(result.pValue()).as(method.name()).isEqualTo(1.0);
            assertThat(result.statistic()).as(method.name()).isZero();
        }
    }

    @Test
    void shouldCountTheTableFromPerRowCorrectness() {
        boolean[] champion = {true, true, false, false, true, false};
        boolean[] candidate = {true, false, true, false, true, true};

        assertThat(McNemarTable.of(champion, candidate)).isEqualTo(new McNemarTable(2, 1, 2, 1));
        assertThat(McNemarTable.of(champion, candidate).discordant()).isEqualTo(3);
    }

    @Test
    void shouldCapTheExactPValueAtOne() {
        assertThat(McNemar.exact(new McNemarTable(10, 3, 3, 2)).pValue()).isEqualTo(1.0);
        assertThat(McNemar.exact(new McNemarTable(10, 0, 1, 2)).pValue()).isEqualTo(1.0);
    }
}
