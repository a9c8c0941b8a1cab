package io.mlgitops.compliance.quality;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

import java.math.BigDecimal;

/**
 * A value as pandas' {@code astype(str)} spells it, which Great Expectations' regular-expression and length
 * expectations look at: text as is, an int64 column's numbers as whole numbers, a float64 column's numbers as
 * Python's {@code repr} of a float ({@code 5.0}, {@code 0.0001}, {@code 1e-05}, {@code 1e+16}).
 */
final class PythonText {
    private static final int SMALLEST_POSITIONAL_EXPONENT = -4;
    private static final int LARGEST_POSITIONAL_EXPONENT = 15;

    private PythonText() {
    }

    /** The (non-missing) value of a row as text. */
    static String of(final Column column, final int row) {
        if (column instanceof NumericColumn numbers && PandasType.of(column) == PandasType.FLOAT64) {
            return repr(numbers.get(row));
        }
        return column.text(row);
    }

    /** Python's repr of a float: the shortest digits that read back, positional for exponents -4 to 15. */
    static String repr(final double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= SMALLEST_POSITIONAL_EXPONENT && exponent <= LARGEST_POSITIONAL_EXPONENT) {
            String plain = decimal.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return String.format("%s%se%s%02d", sign, mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
    }
}
