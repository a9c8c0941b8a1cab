package io.mlgitops.benchmark;

import io.mlgitops.inference.BatchTiming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyMeterTest {
    @Test
    void shouldInterpolatePercentilesLikeNumpy() {
        double[] sorted = {1, 2, 3, 4, 10};

        assertThat(Percentiles.of(sorted, 50)).isEqualTo(3.0);
        assertThat(Percentiles.of(sorted, 95)).isCloseTo(8.8, within(1e-12));
        assertThat(Percentiles.of(sorted, 0)).isEqualTo(1.0);
        assertThat(Percentiles.of(sorted, 100)).isEqualTo(10.0);
    }

    @Test
    void shouldSummariseBatchesAndSingleRows() {
        List<BatchTiming> batches = List.of(new BatchTiming(1000, 2_000_000), new BatchTiming(500, 1_000_000));

        LatencySummary summary = LatencyMeter.summarize(batches, new double[] {0.5, 0.1, 0.3});

        assertThat(summary.rowsPerSecond()).isCloseTo(500_000.0, within(1e-6));
        assertThat(summary.batches()).isEqualTo(2);
        assertThat(summary.batchP50Ms()).isCloseTo(1.5, within(1e-12));
        assertThat(summary.rowP50Ms()).isEqualTo(0.3);
        assertThat(summary.rowSamples()).isEqualTo(3);
    }

    @Test
    void shouldLeaveSingleRowFiguresEmptyWhenNotMeasured() {
        LatencySummary summary = LatencyMeter.summarize(List.of(new BatchTiming(10, 1_000)), new double[0]);

        assertThat(summary.rowP95Ms()).isNull();
        assertThat(summary.rowSamples()).isZero();
        assertThat(summary.rowsPerSecond()).isNotNull();
    }
}
