package io.mlgitops.stats;

import io.mlgitops.stats.MannWhitney.Alternative;
import io.mlgitops.stats.MannWhitney.Method;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MannWhitneyTest {
    private static final double[] MALES = {19, 22, 16, 29, 24};
    private static final double[] FEMALES = {20, 11, 17, 12};

    @Test
    void shouldGiveTheExactDistributionOfSeparatedSamples() {
        // U1 = 0; of the C(6, 3) = 20 arrangements only one has U = 0 (and one U = 9)
        double[] low = {1, 2, 3};
        double[] high = {4, 5, 6};

        MannWhitneyResult twoSided = MannWhitney.test(low, high, Alternative.TWO_SIDED);
        assertThat(twoSided.statistic()).isZero();
        assertThat(twoSided.pValue()).isCloseTo(2.0 / 20, within(1e-15));
        assertThat(twoSided.method()).isEqualTo(Method.EXACT);
        assertThat(MannWhitney.test(low, high, Alternative.LESS).pValue()).isCloseTo(1.0 / 20, within(1e-15));
        assertThat(MannWhitney.test(low, high, Alternative.GREATER).pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldCountArrangementsOfTwoAgainstTwo() {
        // U of 2 against 2 values takes 0, 1, 2, 3, 4 in 1, 1, 2, 1, 1 of 6 arrangements; U1 = 1, U2 = 3,
        // two-sided p = 2 * P(U >= 3) = 2 * 2/6
        MannWhitneyResult result = MannWhitney.test(new double[] {1, 3}, new double[] {2, 4}, Alternative.TWO_SIDED);

        assertThat(result.statistic()).isEqualTo(1.0);
        assertThat(result.pValue()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void shouldMatchTheExampleOfScipysDocumentation() {
        assertThat(MannWhitney.test(MALES, FEMALES, Alternative.TWO_SIDED, Method.EXACT))
                .isEqualTo(new MannWhitneyResult(17, 0.1111111111111111, Alternative.TWO_SIDED, Method.EXACT));
        assertThat(MannWhitney.test(MALES, FEMALES, Alternative.TWO_SIDED, Method.ASYMPTOTIC).pValue())
                .isCloseTo(0.11134688653314041, within(1e-15));
        MannWhitneyResult less = MannWhitney.test(FEMALES, MALES, Alternative.LESS);
        assertThat(less.statistic()).isEqualTo(3.0);
        assertThat(less.pValue()).isCloseTo(0.05555555555555555, within(1e-15));
    }

    @Test
    void shouldCorrectForTiesInTheNormalApproximation() {
        // pooled 1 2 2 2 3 3 3 4: average ranks 1, 3, 3, 3, 6, 6, 6, 8; R1 = 1 + 3 + 3 + 6 = 13, U1 = 13 - 10 = 3;
        // ties 3 and 3: sum(t^3 - t) = 48; sigma = sqrt(16/12 * (9 - 48/56)); z = (13 - 8 - 0.5) / sigma = 1.365698
        double[] x = {1, 2, 2, 3};
        double[] y = {2, 3, 3, 4};
        double sigma = Math.sqrt(16.0 / 12 * (9 - 48.0 / 56));

        MannWhitneyResult result = MannWhitney.test(x, y, Alternative.TWO_SIDED);

        assertThat(result.method()).as("ties make AUTO asymptotic").isEqualTo(Method.ASYMPTOTIC);
        assertThat(result.statistic()).isEqualTo(3.0);
        assertThat((13 - 8 - 0.5) / sigma).isCloseTo(1.365698, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.1720337089218229, within(1e-15));
        assertThat(MannWhitney.test(x, y, Alternative.LESS).pValue()).isCloseTo(0.08601685446091145, within(1e-15));
    }

    @Test
    void shouldChooseTheExactMethodWhenOneSampleIsSmallWithoutTies() {
        double[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] nine = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5};
        double[] ten = {0.1, 1.1, 2.1, 3.1, 4.1, 5.1, 6.1, 7.1, 8.1, 9.1};

        assertThat(MannWhitney.test(eight, ten, Alternative.TWO_SIDED).method()).isEqualTo(Method.EXACT);
        assertThat(MannWhitney.test(ten, eight, Alternative.TWO_SIDED).method()).isEqualTo(Method.EXACT);
        assertThat(MannWhitney.test(nine, ten, Alternative.TWO_SIDED).method()).isEqualTo(Method.ASYMPTOTIC);
    }

    @Test
    void shouldGivePValueOneWhenEveryValueIsTied() {
        MannWhitneyResult result = MannWhitney.test(new double[] {3, 3, 3}, new double[] {3, 3, 3, 3},
                Alternative.TWO_SIDED);

        assertThat(result.statistic()).isEqualTo(6.0);
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldUseTheShorterTailForTheExactSurvival() {
        // one-sided GREATER with a small U1 sums the lower tail: 1 - P(U <= 2) + P(U = 2) = 1 - 4/20 + 2/20
        MannWhitneyResult result = MannWhitney.test(new double[] {1, 2, 5}, new double[] {3, 4, 6},
                Alternative.GREATER);

        assertThat(result.statistic()).isEqualTo(2.0);
        assertThat(result.pValue()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void shouldTellTheSmallestAttainablePValue() {
        assertThat(MannWhitney.smallestPValue(3, 3, Alternative.GREATER)).isCloseTo(0.05, within(1e-15));
        assertThat(MannWhitney.smallestPValue(3, 3, Alternative.TWO_SIDED)).isCloseTo(0.1, within(1e-15));
        assertThat(MannWhitney.smallestPValue(1, 1, Alternative.TWO_SIDED)).isEqualTo(1.0);
        assertThat(MannWhitney.smallestPValue(0, 5, Alternative.LESS)).isEqualTo(1.0);
        assertThat(MannWhitney.smallestPValue(30, 30, Alternative.LESS)).isLessThan(1e-16);
    }

    @Test
    void shouldRejectEmptySamplesAndNaN() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {Double.NaN}, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second sample holds NaN");
    }

    @Test
    void shouldRefuseTheExactDistributionOfHugeSamples() {
        double[] large = new double[2000];
        for (int i = 0; i < large.length; i++) {
            large[i] = i;
        }

        assertThatThrownBy(() -> MannWhitney.test(large, large, Alternative.TWO_SIDED, Method.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asymptotic");
    }
}
