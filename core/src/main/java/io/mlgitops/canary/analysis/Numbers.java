package io.mlgitops.canary.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as decision lines show them: short, exact enough to recheck a decision, never in exponent form. */
final class Numbers {
    private static final MathContext FOUR_DIGITS = new MathContext(4);
    private static final MathContext THREE_DIGITS = new MathContext(3);

    private Numbers() {
    }

    /** Four significant digits without trailing zeros: {@code 0.95}, {@code 99.5}, {@code 512.3}. */
    static String value(final double value) {
        return plain(value, FOUR_DIGITS);
    }

    /** A relative change in percent with its sign: {@code +34.12%}, {@code -1%}, {@code -0%} (a bound on decreases), {@code +inf%}. */
    static String percent(final double fraction) {
        String digits = plain(100 * fraction, FOUR_DIGITS);
        if (digits.startsWith("-")) {
            return digits + "%";
        }
        return (Math.copySign(1.0, fraction) < 0 ? "-" : "+") + digits + "%";
    }

    /** A p-value: three significant digits, in exponent form below 0.001 ({@code 0.0412}, {@code 3.10e-07}). */
    static String pValue(final double p) {
        return p >= 0.001 || p == 0 ? plain(p, THREE_DIGITS) : String.format(Locale.ROOT, "%.2e", p);
    }

    private static String plain(final double value, final MathContext digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(value).round(digits).stripTrailingZeros().toPlainString();
    }
}
