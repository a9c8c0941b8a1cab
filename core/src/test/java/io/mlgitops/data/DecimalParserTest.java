package io.mlgitops.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {
    private static final int RANDOM_CASES = 50_000;

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+1", "1.", ".5", "-.5", "007", "1e10", "1E-5", "1e+5", "123.456e-7",
        "0.1", "0.30000000000000004", "1.7976931348623157e308", "1.8e308", "4.9e-324", "2.4703282292062327e-324",
        "2.2250738585072014E-308", "2.2250738585072011e-308", "9007199254740993", "9007199254740995",
        "18014398509481986", "7.2057594037927933e+16", "1e23", "8.98846567431158e307", "1e-400", "1e400",
        "123456789012345678901234567890", "0.000000000000000000000000000123", "12345678901234567890e-10",
        "9999999999999999999", "18446744073709551615", "18446744073709551616", "7.3177701707893310e+15",
        "1e22", "1e-22", "9007199254740992e22", "123456789012345e20", "0e999999", "1e-99999", "5e-324",
        "2.5e-324", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "00000000000000000000000000000000000000000"})
    void shouldParseLikeTheJdk(final String text) {
        assertParsesLikeJdk(text);
    }

    @Test
    void shouldTrimBlanksAndAcceptInfinity() {
        assertThat(parse("  3.25 ")).isEqualTo(3.25);
        assertThat(parse("\t-7\t")).isEqualTo(-7.0);
        assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("+INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(parse("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.5f", "2d", "0x1p3", "1,5", "NaN",
        "nan", "abc", "1 2", "--1", "1.2.3", "1e5.5", "infinite", "in", "٣", "1_000"})
    void shouldRejectWhatIsNotANumber(final String text) {
        assertThat(parse(text)).isNaN();
    }

    @Test
    void shouldMatchTheJdkOnRandomDoublesInShortestAndFullPrecision() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < RANDOM_CASES; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertParsesLikeJdk(Double.toString(value));
            assertParsesLikeJdk(String.format(Locale.ROOT, "%.16e", value));
            assertParsesLikeJdk(String.format(Locale.ROOT, "%.18e", value));
        }
    }

    @Test
    void shouldMatchTheJdkOnRandomDecimalsOfEveryLength() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < RANDOM_CASES; i++) {
            StringBuilder digits = new StringBuilder();
            int length = 1 + random.nextInt(22);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(length + 1);
            String decimal = digits.substring(0, point) + "." + digits.substring(point);
            assertParsesLikeJdk(decimal);
            assertParsesLikeJdk(digits + "e" + (random.nextInt(700) - 360));
            assertParsesLikeJdk("0.00" + digits);
        }
    }

    @Test
    void shouldRoundHalfwayCasesToEven() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < RANDOM_CASES / 4; i++) {
            // Integers above 2^53 with an odd last kept bit are exactly halfway between two doubles.
            BigInteger integer = new BigInteger(53 + random.nextInt(11), new Random(random.nextLong()))
                    .setBit(52).shiftLeft(1 + random.nextInt(10)).add(BigInteger.ONE);
            assertParsesLikeJdk(integer.toString());
            double value = Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            BigDecimal halfway = new BigDecimal(value).add(new BigDecimal(Math.nextUp(value)))
                    .divide(BigDecimal.valueOf(2));
            assertParsesLikeJdk(halfway.toString());
            assertParsesLikeJdk(halfway.round(new MathContext(19)).toString());
        }
    }

    private static void assertParsesLikeJdk(final String text) {
        double expected = Double.parseDouble(text);
        assertThat(Double.doubleToRawLongBits(parse(text)))
                .as("parsing %s (JDK: %s)", text, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    private static double parse(final String text) {
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return DecimalParser.parse(bytes, 2, bytes.length - 2);
    }
}
