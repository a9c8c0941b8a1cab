package io.mlgitops.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NumpySumTest {
    @Test
    void shouldSumInNumpysOrder() {
        // numpy 2.4.6: np.sum([0.1] * 10) == 1.0 (pairwise) while sequential summation gives 0.9999999999999999;
        // np.mean([0.1] * 3) == 0.10000000000000002 (fewer than eight values are summed sequentially).
        double[] ten = new double[10];
        Arrays.fill(ten, 0.1);

        assertThat(NumpySum.sum(ten)).isEqualTo(1.0);
        assertThat(NumpySum.sum(new double[] {0.1, 0.1, 0.1}) / 3).isEqualTo(0.10000000000000002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 127, 128, 129, 1000, 100_003})
    void shouldStayCloseToTheExactSum(final int length) {
        Random random = new Random(length);
        double[] values = new double[length];
        int[] weights = new int[length];
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal exactWeighted = BigDecimal.ZERO;
        double magnitude = 0;
        for (int i = 0; i < length; i++) {
            values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(6));
            weights[i] = random.nextInt(4);
            exact = exact.add(new BigDecimal(values[i]));
            exactWeighted = exactWeighted.add(new BigDecimal(values[i] * weights[i]));
            magnitude += Math.abs(values[i]) * (1 + weights[i]);
        }
        // pairwise summation: error bound O(log n) ulps of the sum of magnitudes
        double tolerance = magnitude * 1e-14;

        assertThat(NumpySum.sum(values)).isCloseTo(exact.doubleValue(), within(tolerance));
        assertThat(NumpySum.sumProducts(values, weights)).isCloseTo(exactWeighted.doubleValue(), within(tolerance));
    }
}
