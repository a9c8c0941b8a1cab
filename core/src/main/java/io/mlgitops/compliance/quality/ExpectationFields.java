package io.mlgitops.compliance.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fields of a {@code dataExpectation} rule: Great Expectations' keyword arguments in camelCase, and readers for
 * those shared by several expectations.
 */
final class ExpectationFields {
    static final String EXPECTATION = "expectation";
    static final String DATASET = "dataset";
    static final String COLUMN = "column";
    static final String MOSTLY = "mostly";
    static final String MIN_VALUE = "minValue";
    static final String MAX_VALUE = "maxValue";
    static final String STRICT_MIN = "strictMin";
    static final String STRICT_MAX = "strictMax";
    static final String VALUE_SET = "valueSet";
    static final String REGEX = "regex";
    static final String TYPE_NAME = "typeName";
    static final String TYPE_LIST = "typeList";
    static final String COLUMN_LIST = "columnList";
    static final String COLUMN_SET = "columnSet";
    static final String EXACT_MATCH = "exactMatch";
    static final String COLUMN_INDEX = "columnIndex";
    static final String VALUE = "value";
    static final String QUANTILES = "quantiles";
    static final String VALUE_RANGES = "valueRanges";
    static final String IGNORE_ROW_IF = "ignoreRowIf";

    /** Fields every expectation accepts. */
    static final Set<String> COMMON = Set.of(EXPECTATION, DATASET);
    static final Set<String> BETWEEN = Set.of(MIN_VALUE, MAX_VALUE, STRICT_MIN, STRICT_MAX);

    private static final double DEFAULT_MOSTLY = 1.0;

    private ExpectationFields() {
    }

    /** The share of considered rows that must meet a map expectation, 1 unless given. */
    static double mostly(final RuleFields rule) throws InputException {
        double mostly = rule.optionalNumber(MOSTLY).orElse(DEFAULT_MOSTLY);
        if (mostly < 0 || mostly > 1) {
            throw rule.invalid(MOSTLY, "must be a share between 0 and 1, got " + mostly);
        }
        return mostly;
    }

    /** A whole number of at least 0, required. */
    static int count(final RuleFields rule, final String field) throws InputException {
        if (!rule.has(field)) {
            throw rule.invalid(field, "is required");
        }
        return rule.integer(field, 0, 0);
    }

    /** The items of a required, non-empty list field. */
    static List<JsonNode> list(final RuleFields rule, final String field) throws InputException {
        JsonNode node = rule.node(field).orElse(null);
        if (node == null || node.isNull()) {
            throw rule.invalid(field, "is required");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw rule.invalid(field, "must be a non-empty list, got " + node);
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }
}
