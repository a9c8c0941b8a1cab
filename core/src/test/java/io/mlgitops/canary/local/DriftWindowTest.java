package io.mlgitops.canary.local;

import io.mlgitops.inference.ProbabilityTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DriftWindowTest {
    @Test
    void shouldComputeThePopulationStabilityIndex() {
        // sum (r - c) ln(r / c) with r = 0.5, 0.5 and c = 0.25, 0.75
        double expected = 0.25 * Math.log(2) - 0.25 * Math.log(0.5 / 0.75);

        assertThat(DriftWindow.psi(new long[] {50, 50}, new long[] {1, 3})).isCloseTo(expected, within(1e-15));
        assertThat(DriftWindow.psi(new long[] {7, 3}, new long[] {70, 30})).isZero();
    }

    @Test
    void shouldReplaceEmptySharesLikeEvidently() {
        // current share 0 becomes 1e-4; reference shares 0.5/0.5
        double expected = (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + (0.5 - 1) * Math.log(0.5);
        assertThat(DriftWindow.psi(new long[] {1, 1}, new long[] {0, 10})).isCloseTo(expected, within(1e-12));

        // smallest non-zero share 1e-5 <= 1e-4: empty bins get a millionth of it
        long[] reference = {1, 99_999, 0};
        double smallest = 1e-5;
        double empty = smallest / 1e6;
        double expectedTiny = (smallest - 0.5) * Math.log(smallest / 0.5) + (0.99999 - 0.5) * Math.log(0.99999 / 0.5)
                + (empty - 1e-4) * Math.log(empty / 1e-4);
        assertThat(DriftWindow.psi(reference, new long[] {1, 1, 0})).isCloseTo(expectedTiny, within(1e-9));
    }

    @Test
    void shouldScoreTheLastThousandPredictionsOnceTwoHundredAreIn() {
        DriftWindow window = new DriftWindow(Optional.of(new long[] {500, 500}));
        for (int i = 0; i < DriftWindow.MIN_PREDICTIONS - 1; i++) {
            window.add(0, 2);
        }
        assertThat(window.score()).isNaN();

        window.add(0, 2);
        assertThat(window.score()).isCloseTo(DriftWindow.psi(new long[] {1, 1}, new long[] {200, 0}), within(1e-12));

        for (int i = 0; i < DriftWindow.CAPACITY; i++) {
            window.add(i % 2, 2);
        }
        assertThat(window.score()).isZero();
    }

    @Test
    void shouldTakeTheFirstWindowAsReferenceWhenNoneIsGiven() {
        DriftWindow window = new DriftWindow(Optional.empty());
        for (int i = 0; i < DriftWindow.CAPACITY; i++) {
            window.add(i % 4 == 0 ? 1 : 0, 2);
        }
        assertThat(window.score()).isNaN();

        for (int i = 0; i < DriftWindow.MIN_PREDICTIONS; i++) {
            window.add(1, 2);
        }
        assertThat(window.score()).isCloseTo(DriftWindow.psi(new long[] {750, 250}, new long[] {0, 200}),
                within(1e-12));
    }

    @Test
    void shouldBinBinaryModelsByDecileAndOthersByTopClass() {
        ProbabilityTable binary = ProbabilityTable.perClass(List.of("0", "1"), new double[][] {
            {0.95, 0.5, 0.0}, {0.05, 0.5, 1.0}});
        ProbabilityTable positiveOnly = ProbabilityTable.positiveClass(new double[] {0.31});
        ProbabilityTable multiclass = ProbabilityTable.perClass(List.of("a", "b", "c"), new double[][] {
            {0.2}, {0.5}, {0.3}});

        assertThat(PredictionBins.histogram(binary)).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(PredictionBins.bin(positiveOnly, 0)).isEqualTo(3);
        assertThat(PredictionBins.confidence(positiveOnly, 0)).isEqualTo(0.69);
        assertThat(PredictionBins.count(multiclass)).isEqualTo(3);
        assertThat(PredictionBins.bin(multiclass, 0)).isEqualTo(1);
        assertThat(PredictionBins.confidence(binary, 0)).isEqualTo(0.95);
    }
}
