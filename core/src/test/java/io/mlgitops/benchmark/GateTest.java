package io.mlgitops.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateTest {
    @Test
    void shouldRejectAGateWithoutBound() {
        assertThatThrownBy(() -> new Gate("f1_score", null, null, null, null, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one of threshold, minAbsoluteChange, minRelativeChange");
    }

    @Test
    void shouldValidateChangesLikeMetricThreshold() {
        assertThatThrownBy(() -> Gate.minAbsoluteChange("f1_score", 0))
                .hasMessageContaining("minAbsoluteChange must be greater than 0");
        assertThatThrownBy(() -> new Gate("f1_score", null, null, 1.5, null, false))
                .hasMessageContaining("minRelativeChange must be between 0 and 1");
        assertThatThrownBy(() -> new Gate("f1_score", Double.NaN, null, null, null, false))
                .hasMessageContaining("threshold must be a finite number");
    }

    @Test
    void shouldDescribeTheRuleInWords() {
        Gate gate = new Gate("log_loss", 0.5, 0.01, null, false, true);

        assertThat(gate.rule()).isEqualTo("candidate <= 0.5, candidate <= champion - 0.01, "
                + "improvement interval clears the margin");
        assertThat(gate.needsChampion()).isTrue();
        assertThat(new Gate("log_loss", 0.5, null, null, false, false).needsChampion()).isFalse();
    }
}
