package io.mlgitops.compliance.fairness;

import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The positive label compared as text, with numbers compared as numbers. */
class PositiveLabelTest {
    @Test
    void shouldTreatEqualNumbersAsTheSameLabel() {
        PositiveLabel one = new PositiveLabel("1");

        assertThat(one.matches("1.0")).isTrue();
        assertThat(one.matches(" 1 ")).isTrue();
        assertThat(one.matches("1e0")).isTrue();
        assertThat(one.matches("01")).isTrue();
        assertThat(one.matches("10")).isFalse();
        assertThat(one.matches("1d")).as("Java's float suffix is text").isFalse();
        assertThat(new PositiveLabel("1.0").flags(new NumericColumn("y", new double[] {1, 0, Double.NaN, 1})))
                .containsExactly(true, false, false, true);
    }

    @Test
    void shouldCompareTextExactly() {
        PositiveLabel approved = new PositiveLabel("approved");
        TextColumn decisions = new TextColumn("decision", "data.csv", new int[] {0, 1, -1, 2, 3},
                new String[] {"approved", "Approved", "denied", " approved "});

        assertThat(approved.flags(decisions)).containsExactly(true, false, false, false, true);
        assertThat(approved.flags(new NumericColumn("y", new double[] {1, 0}))).containsExactly(false, false);
    }

    @Test
    void shouldMatchNumbersInATextColumn() {
        TextColumn labels = new TextColumn("y", "data.csv", new int[] {0, 1, 2}, new String[] {"1.0", "0", "?"});

        assertThat(new PositiveLabel("1").flags(labels)).containsExactly(true, false, false);
    }
}
