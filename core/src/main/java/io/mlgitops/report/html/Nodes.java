package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Lenient reading of report JSON: a missing field, a {@code null} or a value of another type than expected gives
 * nothing rather than an exception, so that reports of older or newer schema versions still render. Shared by the
 * HTML page and the Markdown summary.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The field's value as text: scalars as written, objects and arrays as JSON; {@code null} when absent. */
    public static String text(final JsonNode parent, final String field) {
        return text(parent == null ? null : parent.get(field));
    }

    /** The value as text: scalars as written, objects and arrays as JSON; {@code null} when absent or null. */
    public static String text(final JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The field's text, or {@code fallback} when absent. */
    public static String text(final JsonNode parent, final String field, final String fallback) {
        String text = text(parent, field);
        return text == null ? fallback : text;
    }

    /** The field's number; empty when absent or not a number. */
    public static OptionalDouble number(final JsonNode parent, final String field) {
        return number(parent == null ? null : parent.get(field));
    }

    /** The value as a number; empty when absent or not a number. */
    public static OptionalDouble number(final JsonNode value) {
        return value != null && value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    /** Whether the field is the boolean {@code true}. */
    public static boolean isTrue(final JsonNode parent, final String field) {
        return parent != null && parent.path(field).isBoolean() && parent.path(field).asBoolean();
    }

    /** The field's elements when it is an array; otherwise none. */
    public static List<JsonNode> elements(final JsonNode parent, final String field) {
        return elements(parent == null ? null : parent.get(field));
    }

    /** The array's elements; none when the value is not an array. */
    public static List<JsonNode> elements(final JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(elements::add);
        }
        return elements;
    }

    /** Whether the field holds an object. */
    public static boolean isObject(final JsonNode parent, final String field) {
        return parent != null && parent.path(field).isObject();
    }
}
