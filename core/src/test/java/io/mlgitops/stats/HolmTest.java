package io.mlgitops.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HolmTest {
    @Test
    void shouldAdjustInTheInputOrder() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running maximum 0.06 for the last
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void shouldKeepAdjustedValuesMonotoneAndCappedAtOne() {
        double[] adjusted = Holm.adjust(new double[] {0.5, 0.02, 0.6, 0.019});

        assertThat(adjusted[3]).isCloseTo(0.076, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.076, within(1e-15));
        assertThat(adjusted[0]).isEqualTo(1.0);
        assertThat(adjusted[2]).isEqualTo(1.0);
    }

    @Test
    void shouldLeaveMissingPValuesOutOfTheCount() {
        double[] adjusted = Holm.adjust(new double[] {0.01, Double.NaN, 0.02});

        assertThat(adjusted[0]).isCloseTo(0.02, within(1e-15));
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isCloseTo(0.02, within(1e-15));
    }
}
