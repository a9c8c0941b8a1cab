package io.mlgitops.compliance.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonTextTest {
    @Test
    void shouldWriteFloatsAsPythonsRepr() {
        assertThat(PythonText.repr(5.0)).isEqualTo("5.0");
        assertThat(PythonText.repr(-0.5)).isEqualTo("-0.5");
        assertThat(PythonText.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonText.repr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonText.repr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonText.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonText.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonText.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonText.repr(2.5e100)).isEqualTo("2.5e+100");
        assertThat(PythonText.repr(12345.678)).isEqualTo("12345.678");
        assertThat(PythonText.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonText.repr(-0.0)).isEqualTo("-0.0");
    }
}
