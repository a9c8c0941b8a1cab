package io.mlgitops.compliance.fairness;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rates and metric values as messages show them; the evidence keeps the exact numbers. */
final class Figures {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Figures() {
    }

    /** Four significant digits without trailing zeros ({@code 0.8}, {@code 0.6667}), {@code undefined} for NaN. */
    static String format(final double value) {
        return Double.isNaN(value) ? "undefined"
                : new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}
