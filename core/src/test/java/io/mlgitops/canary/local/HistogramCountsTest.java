package io.mlgitops.canary.local;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code histogram_quantile} semantics (Prometheus 2.42, promql/quantile.go), on hand-computed cases. */
class HistogramCountsTest {
    private static final double[] BOUNDS = {10, 100, 250};

    private static HistogramCounts observed(final double... values) {
        Histogram histogram = new Histogram(BOUNDS);
        for (double value : values) {
            histogram.observe(value);
        }
        return histogram.counts();
    }

    @Test
    void shouldInterpolateInsideTheBucketThatHoldsTheRank() {
        // 100 observations in (100, 250]: rank 99 lies 99/100 of the way through that bucket
        double[] values = new double[100];
        Arrays.fill(values, 120);

        assertThat(observed(values).quantile(0.99)).isCloseTo(100 + 150 * 0.99, within(1e-9));
    }

    @Test
    void shouldInterpolateFromZeroInTheFirstBucket() {
        assertThat(observed(1, 2, 3, 4).quantile(0.5)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void shouldCountAValueOnABoundInThatBucket() {
        HistogramCounts counts = observed(10, 100, 250, 251);

        assertThat(counts.counts()).containsExactly(1, 1, 1, 1);
        assertThat(counts.cumulative(1)).isEqualTo(2);
        assertThat(counts.sum()).isEqualTo(611.0);
    }

    @Test
    void shouldAnswerTheHighestBoundWhenTheRankFallsAboveIt() {
        assertThat(observed(5, 1000, 2000, 3000).quantile(0.99)).isEqualTo(250.0);
    }

    @Test
    void shouldHaveNoQuantileWithoutObservations() {
        assertThat(observed().quantile(0.99)).isNaN();
    }

    @Test
    void shouldMeasureTheIncreaseBetweenTwoStates() {
        Histogram histogram = new Histogram(BOUNDS);
        histogram.observe(5);
        HistogramCounts before = histogram.counts();
        histogram.observe(50);
        histogram.observe(60);

        HistogramCounts increase = histogram.counts().minus(before);

        assertThat(increase.count()).isEqualTo(2);
        assertThat(increase.sum()).isEqualTo(110.0);
        assertThat(increase.quantile(0.5)).isCloseTo(10 + 90 * 0.5, within(1e-12));
    }
}
