package io.mlgitops.compliance.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code valueSet} of an expectation. A numeric column's value is in the set when an entry is that number
 * (written as a number or as text); a text column's value when an entry is that text.
 */
final class ValueSet {
    private final Set<String> texts;
    private final Set<Double> numbers;
    private final List<Object> entries;

    private ValueSet(final Set<String> texts, final Set<Double> numbers, final List<Object> entries) {
        this.texts = texts;
        this.numbers = numbers;
        this.entries = entries;
    }

    static ValueSet read(final RuleFields rule) throws InputException {
        Set<String> texts = new HashSet<>();
        Set<Double> numbers = new HashSet<>();
        List<Object> entries = new ArrayList<>();
        for (JsonNode item : ExpectationFields.list(rule, ExpectationFields.VALUE_SET)) {
            if (!item.isValueNode() || item.isNull()) {
                throw rule.invalid(ExpectationFields.VALUE_SET, "must list texts or numbers, got " + item);
            }
            texts.add(item.asText());
            if (item.isNumber()) {
                numbers.add(CellValues.key(item.asDouble()));
                entries.add(CellValues.number(item.asDouble()));
            }
            else {
                parse(item.asText()).ifPresent(number -> numbers.add(CellValues.key(number)));
                entries.add(item.asText());
            }
        }
        return new ValueSet(texts, numbers, List.copyOf(entries));
    }

    private static Optional<Double> parse(final String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        }
        catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether the (non-missing) value of the row is in the set. */
    boolean contains(final Column column, final int row) {
        if (column instanceof NumericColumn values) {
            return containsNumber(values.get(row));
        }
        return texts.contains(column.text(row));
    }

    boolean containsNumber(final double value) {
        return numbers.contains(CellValues.key(value));
    }

    boolean containsText(final String value) {
        return texts.contains(value);
    }

    /** The entries as the policy wrote them. */
    List<Object> entries() {
        return entries;
    }
}
