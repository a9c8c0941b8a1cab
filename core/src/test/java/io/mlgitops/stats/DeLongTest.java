package io.mlgitops.stats;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DeLongTest {
    private static final double RELATIVE = 1e-9;

    @Test
    void shouldReproduceTheReferenceVectors() throws InputException {
        DeLongResult result = DeLong.compare(positives(), ReferenceVectors.doubles("binary", "p_candidate"),
                ReferenceVectors.doubles("binary", "p_champion"), 0.95);

        assertClose(result.aucCandidate(), "auc1");
        assertClose(result.aucChampion(), "auc2");
        assertClose(result.varianceCandidate(), "var_auc1");
        assertClose(result.varianceChampion(), "var_auc2");
        assertClose(result.covariance(), "cov");
        assertClose(result.varianceOfDifference(), "var_diff");
        assertClose(result.z(), "z");
        assertClose(result.pValue(), "p_two_sided");
        double[] interval = ReferenceVectors.doubles("delong", "ci95_diff");
        assertThat(result.low()).isCloseTo(interval[0], within(Math.abs(interval[0]) * RELATIVE));
        assertThat(result.high()).isCloseTo(interval[1], within(Math.abs(interval[1]) * RELATIVE));
        assertThat(result.aucCandidate()).isCloseTo(ReferenceVectors.number("delong", "sklearn_auc_candidate"),
                within(1e-15));
        assertThat(result.difference()).isEqualTo(result.aucCandidate() - result.aucChampion());
    }

    @Test
    void shouldGiveZeroAndPValueOneForIdenticalModels() throws InputException {
        double[] scores = ReferenceVectors.doubles("binary", "p_champion");

        DeLongResult result = DeLong.compare(positives(), scores, scores, 0.95);

        assertThat(result.varianceOfDifference()).isCloseTo(0, within(1e-18));
        assertThat(result.z()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.low()).isCloseTo(0, within(1e-9));
    }

    @Test
    void shouldRequireTwoRowsOfEachClass() {
        boolean[] positive = {true, false, false, false};
        double[] scores = {0.9, 0.1, 0.2, 0.3};

        assertThatThrownBy(() -> DeLong.compare(positive, scores, scores, 0.95))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("at least two positive and two negative rows")
                .hasMessageContaining("1 positive and 3 negative");
    }

    private static boolean[] positives() {
        int[] yTrue = ReferenceVectors.ints("binary", "y_true");
        boolean[] positive = new boolean[yTrue.length];
        for (int row = 0; row < yTrue.length; row++) {
            positive[row] = yTrue[row] == 1;
        }
        return positive;
    }

    private static void assertClose(final double actual, final String field) {
        double expected = ReferenceVectors.number("delong", field);
        assertThat(actual).as(field).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
    }
}
