package io.mlgitops.canary.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {
    @Test
    void shouldShowValuesWithFourSignificantDigitsInPlainForm() {
        assertThat(Numbers.value(0.95)).isEqualTo("0.95");
        assertThat(Numbers.value(99.5)).isEqualTo("99.5");
        assertThat(Numbers.value(1234.5678)).isEqualTo("1235");
        assertThat(Numbers.value(1.5e7)).isEqualTo("15000000");
        assertThat(Numbers.value(0.000123456)).isEqualTo("0.0001235");
        assertThat(Numbers.value(-0.0)).isEqualTo("0");
        assertThat(Numbers.value(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void shouldSignEveryPercentage() {
        assertThat(Numbers.percent(0.34)).isEqualTo("+34%");
        assertThat(Numbers.percent(0.123456)).isEqualTo("+12.35%");
        assertThat(Numbers.percent(-0.25)).isEqualTo("-25%");
        assertThat(Numbers.percent(0)).isEqualTo("+0%");
        assertThat(Numbers.percent(-0.0)).as("a bound of 0 on decreases").isEqualTo("-0%");
        assertThat(Numbers.percent(Double.POSITIVE_INFINITY)).isEqualTo("+inf%");
    }

    @Test
    void shouldShowSmallPValuesInExponentForm() {
        assertThat(Numbers.pValue(0.0010822510822510823)).isEqualTo("0.00108");
        assertThat(Numbers.pValue(0.7056277056277056)).isEqualTo("0.706");
        assertThat(Numbers.pValue(3.1e-7)).isEqualTo("3.10e-07");
        assertThat(Numbers.pValue(0)).isEqualTo("0");
        assertThat(Numbers.pValue(1)).isEqualTo("1");
    }
}
