package io.mlgitops.cli;

import io.mlgitops.benchmark.Gate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateConverterTest {
    private final GateConverter converter = new GateConverter();

    @Test
    void shouldParseEveryKeyCaseInsensitively() {
        Gate gate = converter.convert("log_loss:threshold=0.4, MinAbsoluteChange=0.01,minRelativeChange=0.05,"
                + "greaterIsBetter=false,requireSignificance=true");

        assertThat(gate).isEqualTo(new Gate("log_loss", 0.4, 0.01, 0.05, false, true));
    }

    @Test
    void shouldLeaveUnsetKeysEmpty() {
        assertThat(converter.convert("f1_weighted:minAbsoluteChange=0.01"))
                .isEqualTo(new Gate("f1_weighted", null, 0.01, null, null, false));
    }

    @Test
    void shouldRejectBadBooleans() {
        assertThatThrownBy(() -> converter.convert("f1_score:threshold=0.5,greaterIsBetter=yes"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("greaterIsBetter must be true or false, got 'yes'");
    }
}
