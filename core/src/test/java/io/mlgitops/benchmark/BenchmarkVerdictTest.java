package io.mlgitops.benchmark;

import io.mlgitops.report.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkVerdictTest {
    private static BenchmarkResults results(final boolean championPresent, final boolean... passed) {
        List<GateResult> gates = new java.util.ArrayList<>();
        for (int i = 0; i < passed.length; i++) {
            gates.add(new GateResult("m" + i, "rule", passed[i], "message"));
        }
        return new BenchmarkResults("binary", "y", "1", List.of("0", "1"), 10, championPresent, List.of(), "any",
                gates, new StatisticsSettings("none", 0.95, 1000, 1, "none"), null, List.of());
    }

    @Test
    void shouldPassWhenAnyMetricGatePassesInAnyMode() {
        BenchmarkVerdict any = new BenchmarkVerdict(GateMode.ANY, MissingChampionPolicy.PASS);

        assertThat(any.status(results(true, false, true), 2)).isEqualTo(Status.PASSED);
        assertThat(any.status(results(true, false, false), 2)).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldRequireEveryMetricGateInAllMode() {
        BenchmarkVerdict all = new BenchmarkVerdict(GateMode.ALL, MissingChampionPolicy.PASS);

        assertThat(all.status(results(true, true, true), 2)).isEqualTo(Status.PASSED);
        assertThat(all.status(results(true, true, false), 2)).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldAlwaysRequireGuardsWhateverTheMode() {
        BenchmarkVerdict any = new BenchmarkVerdict(GateMode.ANY, MissingChampionPolicy.PASS);

        assertThat(any.status(results(true, true, true, false), 2)).isEqualTo(Status.FAILED);
        assertThat(any.status(results(true, true, false, true), 2)).isEqualTo(Status.PASSED);
    }

    @Test
    void shouldFailWithoutChampionOnlyWhenThePolicySaysSo() {
        assertThat(new BenchmarkVerdict(GateMode.ANY, MissingChampionPolicy.FAIL).status(results(false, true), 1))
                .isEqualTo(Status.FAILED);
        assertThat(new BenchmarkVerdict(GateMode.ANY, MissingChampionPolicy.PASS).status(results(false, true), 1))
                .isEqualTo(Status.PASSED);
    }
}
