package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/** Small pieces every section uses: status badges, headings, notes, code-like values. */
final class Parts {
    private Parts() {
    }

    /** A status word with its symbol, coloured by its tone: {@code ✔ PASSED}. */
    static Markup badge(final String word) {
        return new Markup().open("span", "class", "status " + Verdicts.tone(word).cssClass())
                .element("span", Verdicts.symbol(word), "class", "symbol", "aria-hidden", "true")
                .text(" " + Format.word(word)).close("span");
    }

    /** A yes/no field as a pass/fail badge with the words yes and no. */
    static Markup yesNo(final JsonNode parent, final String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || !value.isBoolean()) {
            return Markup.of(Format.value(value));
        }
        String word = value.asBoolean() ? "yes" : "no";
        return new Markup().open("span", "class", "status " + Verdicts.tone(String.valueOf(value.asBoolean()))
                        .cssClass())
                .element("span", Verdicts.symbol(String.valueOf(value.asBoolean())), "class", "symbol",
                        "aria-hidden", "true")
                .text(" " + word).close("span");
    }

    /** Text in a monospace span (file names, digests, commits). */
    static Markup code(final String text) {
        return new Markup().element("code", text == null ? Format.NONE : text);
    }

    /** A muted remark. */
    static Markup note(final String text) {
        return new Markup().element("p", text, "class", "note");
    }

    static void heading(final Markup out, final String text) {
        out.element("h3", text);
    }

    /** A link only for http(s) addresses; anything else (javascript:, data:) stays text. */
    static Markup link(final String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return new Markup().element("a", url, "href", url, "rel", "noopener noreferrer");
        }
        return Markup.of(url == null ? Format.NONE : url);
    }
}
