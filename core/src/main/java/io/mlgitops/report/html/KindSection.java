package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** The part of the page that shows the {@code results} of one kind of report. */
interface KindSection {
    /** The report kind, as written in the report's {@code kind}. */
    String kind();

    /** The {@code results} fields this section shows; the page shows any others generically. */
    Set<String> fields();

    /** Renders the results; may assume nothing about them but their being JSON. */
    void render(JsonNode results, Markup out);
}
