package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The {@code minValue} / {@code maxValue} bounds of a "between" expectation, each inclusive unless
 * {@code strictMin} / {@code strictMax}; a missing bound is open.
 */
record Bounds(OptionalDouble min, OptionalDouble max, boolean strictMin, boolean strictMax) {
    /**
     * @param wholeNumbers whether the bounds count something (rows, columns, characters)
     * @throws InputException when neither bound is given, a bound is not a (whole) number, or min exceeds max
     */
    static Bounds read(final RuleFields rule, final boolean wholeNumbers) throws InputException {
        OptionalDouble min = bound(rule, ExpectationFields.MIN_VALUE, wholeNumbers);
        OptionalDouble max = bound(rule, ExpectationFields.MAX_VALUE, wholeNumbers);
        if (min.isEmpty() && max.isEmpty()) {
            throw rule.invalid("needs minValue, maxValue or both");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw rule.invalid(ExpectationFields.MIN_VALUE, "must not exceed maxValue (" + max.getAsDouble()
                    + "), got " + min.getAsDouble());
        }
        return new Bounds(min, max, rule.bool(ExpectationFields.STRICT_MIN, false),
                rule.bool(ExpectationFields.STRICT_MAX, false));
    }

    /** Both bounds equal to {@code value}: "equal to". */
    static Bounds exactly(final double value) {
        return new Bounds(OptionalDouble.of(value), OptionalDouble.of(value), false, false);
    }

    private static OptionalDouble bound(final RuleFields rule, final String field, final boolean wholeNumber)
            throws InputException {
        OptionalDouble value = rule.optionalNumber(field);
        if (wholeNumber && value.isPresent() && !rule.node(field).orElseThrow().isIntegralNumber()) {
            throw rule.invalid(field, "must be a whole number, got " + value.getAsDouble());
        }
        return value;
    }

    /** Whether the value lies within the bounds; NaN never does. */
    boolean contains(final double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean aboveMin = min.isEmpty() || (strictMin ? value > min.getAsDouble() : value >= min.getAsDouble());
        boolean belowMax = max.isEmpty() || (strictMax ? value < max.getAsDouble() : value <= max.getAsDouble());
        return aboveMin && belowMax;
    }

    /** The bounds in words, e.g. "between 0 and 72", "above 0", "equal to 5". */
    String describe() {
        if (min.isPresent() && max.isPresent()) {
            if (min.getAsDouble() == max.getAsDouble() && !strictMin && !strictMax) {
                return "equal to " + format(min.getAsDouble());
            }
            return String.format(Locale.ROOT, "between %s%s and %s%s", format(min.getAsDouble()),
                    strictMin ? " (exclusive)" : "", format(max.getAsDouble()), strictMax ? " (exclusive)" : "");
        }
        if (min.isPresent()) {
            return (strictMin ? "above " : "at least ") + format(min.getAsDouble());
        }
        return (strictMax ? "below " : "at most ") + format(max.getAsDouble());
    }

    /** A number for messages: whole numbers without decimals, others to 6 significant digits. */
    static String format(final double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros().toPlainString();
    }
}
