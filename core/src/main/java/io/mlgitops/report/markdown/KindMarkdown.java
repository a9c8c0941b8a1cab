package io.mlgitops.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;

/** The Markdown lines that summarise the {@code results} of one kind of report. */
interface KindMarkdown {
    String kind();

    void render(JsonNode results, StringBuilder out);
}
