package io.mlgitops.data;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from ASCII bytes, correctly rounded: the result always equals
 * {@link Double#parseDouble(String)} on the same text. Most numbers take one of two fast paths that need no
 * allocation: Clinger's (an exactly representable significand times an exactly representable power of ten) and,
 * for up to 19 significant digits, a multiplication by a 128-bit approximation of the power of five whose error is
 * bounded, so that the rounding is decided exactly or the parser falls back to {@code Double.parseDouble}.
 *
 * <p>Accepted syntax: optional blanks (space, tab), an optional sign, digits with an optional decimal point (at
 * least one digit), an optional exponent ({@code e} or {@code E}, optional sign, digits), optional blanks; or
 * {@code inf} / {@code infinity} in any case, with an optional sign. Anything else, including Java's {@code 1.5f}
 * and hexadecimal forms, is not a number.</p>
 */
final class DecimalParser {
    /** Returned for text that is not a number; no accepted text parses to {@code NaN}. */
    static final double NOT_A_NUMBER = Double.NaN;

    private static final int MAX_DIGITS = 19;
    private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    };
    private static final int MAX_EXACT_POWER = 22;

    private DecimalParser() {
    }

    /** The number in {@code bytes[from, to)}, or {@link #NOT_A_NUMBER}. */
    static double parse(final byte[] bytes, final int from, final int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(bytes[start])) {
            start++;
        }
        while (end > start && isBlank(bytes[end - 1])) {
            end--;
        }
        int position = start;
        boolean negative = false;
        if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
            negative = bytes[position] == '-';
            position++;
        }
        long significand = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean truncated = false;
        while (position < end && isDigit(bytes[position])) {
            int digit = bytes[position++] - '0';
            anyDigit = true;
            if (digits < MAX_DIGITS) {
                if (significand != 0 || digit != 0) {
                    significand = significand * 10 + digit;
                    digits++;
                }
            }
            else {
                truncated = true;
                exponent++;
            }
        }
        if (position < end && bytes[position] == '.') {
            position++;
            while (position < end && isDigit(bytes[position])) {
                int digit = bytes[position++] - '0';
                anyDigit = true;
                if (digits < MAX_DIGITS) {
                    if (significand != 0 || digit != 0) {
                        significand = significand * 10 + digit;
                        digits++;
                    }
                    exponent--;
                }
                else {
                    truncated = true;
                }
            }
        }
        if (!anyDigit) {
            return parseInfinity(bytes, position, end, negative);
        }
        if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
            position++;
            boolean negativeExponent = false;
            if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
                negativeExponent = bytes[position] == '-';
                position++;
            }
            if (position == end || !isDigit(bytes[position])) {
                return NOT_A_NUMBER;
            }
            int explicit = 0;
            while (position < end && isDigit(bytes[position])) {
                explicit = Math.min(explicit * 10 + bytes[position++] - '0', 100_000);
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (position != end) {
            return NOT_A_NUMBER;
        }
        double magnitude = truncated ? Double.NaN : fastPath(significand, exponent);
        if (Double.isNaN(magnitude)) {
            return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        }
        return negative ? -magnitude : magnitude;
    }

    /** {@code significand * 10^exponent} for an unsigned significand, or {@code NaN} when unsure. */
    private static double fastPath(final long significand, final int exponent) {
        if (significand == 0) {
            return 0.0;
        }
        if (Long.compareUnsigned(significand, MAX_EXACT_SIGNIFICAND) <= 0) {
            if (exponent >= 0 && exponent <= MAX_EXACT_POWER) {
                return significand * EXACT_POWERS_OF_TEN[exponent];
            }
            if (exponent < 0 && exponent >= -MAX_EXACT_POWER) {
                return significand / EXACT_POWERS_OF_TEN[-exponent];
            }
        }
        return PowersOfFive.multiply(significand, exponent);
    }

    private static double parseInfinity(final byte[] bytes, final int from, final int to, final boolean negative) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        if (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return NOT_A_NUMBER;
    }

    private static boolean isDigit(final byte value) {
        return value >= '0' && value <= '9';
    }

    private static boolean isBlank(final byte value) {
        return value == ' ' || value == '\t';
    }

    /**
     * Multiplication by 128-bit truncations of powers of five. For {@code 5^q = T * 2^t} with {@code T} in
     * {@code [2^127, 2^128)}, the table holds {@code floor(T)}; the true {@code T} lies in {@code [floor(T),
     * floor(T) + 1)}, and is exact for {@code 0 <= q <= 55}. The product of a normalized 64-bit significand with it
     * is then known up to an error below {@code 2^64}, which decides the rounding unless the bits that matter are
     * ambiguous; then the caller falls back to the JDK.
     */
    private static final class PowersOfFive {
        private static final int MIN_POWER = -342;
        private static final int MAX_POWER = 308;
        private static final int MAX_EXACT = 55;
        private static final long[] HIGH = new long[MAX_POWER - MIN_POWER + 1];
        private static final long[] LOW = new long[MAX_POWER - MIN_POWER + 1];
        private static final int[] BINARY_EXPONENT = new int[MAX_POWER - MIN_POWER + 1];

        static {
            BigInteger five = BigInteger.valueOf(5);
            BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
            for (int power = MIN_POWER; power <= MAX_POWER; power++) {
                BigInteger truncated;
                int binaryExponent;
                if (power >= 0) {
                    BigInteger value = five.pow(power);
                    binaryExponent = value.bitLength() - 128;
                    truncated = binaryExponent >= 0 ? value.shiftRight(binaryExponent)
                            : value.shiftLeft(-binaryExponent);
                }
                else {
                    BigInteger divisor = five.pow(-power);
                    int shift = 127 + divisor.bitLength();
                    truncated = BigInteger.ONE.shiftLeft(shift).divide(divisor);
                    binaryExponent = -shift;
                }
                HIGH[power - MIN_POWER] = truncated.shiftRight(64).longValue();
                LOW[power - MIN_POWER] = truncated.and(mask).longValue();
                BINARY_EXPONENT[power - MIN_POWER] = binaryExponent;
            }
        }

        private PowersOfFive() {
        }

        static double multiply(final long significand, final int power) {
            if (power < MIN_POWER || power > MAX_POWER) {
                return Double.NaN;
            }
            int index = power - MIN_POWER;
            int leadingZeros = Long.numberOfLeadingZeros(significand);
            long normalized = significand << leadingZeros;
            long high1 = unsignedMultiplyHigh(normalized, HIGH[index]);
            long low1 = normalized * HIGH[index];
            long high2 = unsignedMultiplyHigh(normalized, LOW[index]);
            long low2 = normalized * LOW[index];
            long middle = low1 + high2;
            long high = Long.compareUnsigned(middle, low1) < 0 ? high1 + 1 : high1;
            boolean exact = power >= 0 && power <= MAX_EXACT;
            if (!exact && middle == -1L) {
                return Double.NaN;
            }
            int topBit = high < 0 ? 191 : 190;
            int shift = topBit - 180;
            long mantissa = high >>> shift;
            long roundBit = (high >>> (shift - 1)) & 1;
            boolean belowRoundBit = (high & ((1L << (shift - 1)) - 1)) != 0 || middle != 0;
            if (roundBit == 1) {
                if (belowRoundBit || exact && (low2 != 0 || (mantissa & 1) == 1)) {
                    mantissa++;
                }
                else if (!exact) {
                    return Double.NaN;
                }
            }
            int binaryExponent = topBit + BINARY_EXPONENT[index] + power - leadingZeros;
            if (mantissa == MAX_EXACT_SIGNIFICAND) {
                mantissa >>>= 1;
                binaryExponent++;
            }
            int biased = binaryExponent + 1023;
            if (biased < 1 || biased > 2046) {
                return Double.NaN;
            }
            return Double.longBitsToDouble(((long) biased << 52) | (mantissa & (MAX_EXACT_SIGNIFICAND / 2 - 1)));
        }

        private static long unsignedMultiplyHigh(final long left, final long right) {
            return Math.multiplyHigh(left, right) + ((left >> 63) & right) + ((right >> 63) & left);
        }
    }
}
