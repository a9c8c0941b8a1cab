package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any JSON value, readable: scalars inline, lists of scalars as one line, lists of flat objects as small tables, other
 * lists as numbered lists, objects as nested definition lists. Long lists are cut with a count of what was left out;
 * very deep values are shown as shortened JSON. Used for rule evidence, inputs, and fields this renderer does not
 * know.
 */
final class JsonView {
    static final int MAX_ITEMS = 20;
    private static final int MAX_DEPTH = 5;
    private static final int MAX_TABLE_COLUMNS = 8;
    private static final int MAX_RAW = 300;

    private JsonView() {
    }

    static Markup of(final JsonNode value) {
        Markup out = new Markup();
        value(value, out, 0);
        return out;
    }

    static void value(final JsonNode value, final Markup out, final int depth) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.element("span", Format.NONE, "class", "muted");
        }
        else if (value.isValueNode()) {
            out.text(Format.value(value));
        }
        else if (depth >= MAX_DEPTH) {
            out.element("code", Format.shorten(value.toString(), MAX_RAW));
        }
        else if (value.isArray()) {
            array(value, out, depth);
        }
        else {
            object(value, out, depth);
        }
    }

    private static void object(final JsonNode object, final Markup out, final int depth) {
        if (object.isEmpty()) {
            out.element("span", "(empty)", "class", "muted");
            return;
        }
        out.open("dl", "class", "json");
        int shown = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (shown++ == MAX_ITEMS * 2) {
                out.element("dt", "…").element("dd", (object.size() - MAX_ITEMS * 2) + " more fields not shown");
                break;
            }
            out.element("dt", field.getKey()).open("dd");
            value(field.getValue(), out, depth + 1);
            out.close("dd");
        }
        out.close("dl");
    }

    private static void array(final JsonNode array, final Markup out, final int depth) {
        List<JsonNode> elements = Nodes.elements(array);
        if (elements.isEmpty()) {
            out.element("span", "none", "class", "muted");
        }
        else if (elements.stream().allMatch(JsonNode::isValueNode)) {
            scalars(elements, out);
        }
        else if (flatObjects(elements)) {
            table(elements, out);
        }
        else {
            out.open("ol", "class", "json");
            for (JsonNode element : elements.subList(0, Math.min(MAX_ITEMS, elements.size()))) {
                out.open("li");
                value(element, out, depth + 1);
                out.close("li");
            }
            out.close("ol");
            more(elements.size(), out);
        }
    }

    private static void scalars(final List<JsonNode> elements, final Markup out) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : elements.subList(0, Math.min(MAX_ITEMS, elements.size()))) {
            texts.add(Format.value(element));
        }
        out.text(String.join(", ", texts));
        more(elements.size(), out);
    }

    private static boolean flatObjects(final List<JsonNode> elements) {
        return elements.stream().allMatch(element -> element.isObject() && !element.isEmpty()
                && columns(List.of(element)).size() == element.size())
                && columns(elements).size() <= MAX_TABLE_COLUMNS;
    }

    /** The keys whose values are scalars, in first-seen order. */
    private static Set<String> columns(final List<JsonNode> elements) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode element : elements) {
            for (Map.Entry<String, JsonNode> field : element.properties()) {
                if (field.getValue().isValueNode()) {
                    columns.add(field.getKey());
                }
            }
        }
        return columns;
    }

    private static void table(final List<JsonNode> elements, final Markup out) {
        List<String> columns = new ArrayList<>(columns(elements));
        Table table = new Table("json", columns.toArray(String[]::new));
        for (JsonNode element : elements.subList(0, Math.min(MAX_ITEMS, elements.size()))) {
            Object[] cells = new Object[columns.size()];
            for (int column = 0; column < cells.length; column++) {
                cells[column] = Format.value(element.get(columns.get(column)));
            }
            table.row(cells);
        }
        table.render(out);
        more(elements.size(), out);
    }

    private static void more(final int size, final Markup out) {
        if (size > MAX_ITEMS) {
            out.element("span", " … and " + (size - MAX_ITEMS) + " more (" + size + " in all)", "class", "more");
        }
    }
}
