package io.mlgitops.report.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A data table inside a horizontally scrolling box, so that a wide table never widens the page in a narrow window.
 * Cells are text (escaped) or fragments.
 */
final class Table {
    private final String cssClass;
    private final String[] headers;
    private final Set<Integer> numeric = new HashSet<>();
    private final List<Row> rows = new ArrayList<>();
    private String caption;

    private record Row(String cssClass, Object[] cells) {
    }

    Table(final String cssClass, final String... headers) {
        this.cssClass = cssClass;
        this.headers = headers.clone();
    }

    Table caption(final String text) {
        caption = text;
        return this;
    }

    /** Right-aligns these columns (0-based). */
    Table numeric(final int... columns) {
        for (int column : columns) {
            numeric.add(column);
        }
        return this;
    }

    /** Adds a row of cells: each a {@link String} (escaped) or a {@link Markup} fragment. */
    Table row(final Object... cells) {
        return rowWithClass(null, cells);
    }

    /** Adds a row with a style class (for its tone). */
    Table rowWithClass(final String rowClass, final Object... cells) {
        rows.add(new Row(rowClass, cells.clone()));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void render(final Markup out) {
        out.open("div", "class", "scroll", "role", "region", "tabindex", "0", "aria-label",
                caption == null ? "table" : caption);
        out.open("table", "class", cssClass);
        if (caption != null) {
            out.element("caption", caption);
        }
        out.open("thead").open("tr");
        for (int column = 0; column < headers.length; column++) {
            out.element("th", headers[column], "scope", "col", "class", numeric.contains(column) ? "num" : null);
        }
        out.close("tr").close("thead").open("tbody");
        for (Row row : rows) {
            out.open("tr", "class", row.cssClass());
            for (int column = 0; column < row.cells().length; column++) {
                out.open("td", "class", numeric.contains(column) ? "num" : null);
                cell(row.cells()[column], out);
                out.close("td");
            }
            out.close("tr");
        }
        out.close("tbody").close("table").close("div");
    }

    private static void cell(final Object cell, final Markup out) {
        if (cell instanceof Markup fragment) {
            out.append(fragment);
        }
        else {
            out.text(cell == null ? Format.NONE : String.valueOf(cell));
        }
    }
}
