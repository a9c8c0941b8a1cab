package io.mlgitops.report.html;

/** A definition list of the facts of a run: term and value, two columns on a wide screen, one on a narrow one. */
final class Facts {
    private final Markup items = new Markup();

    Facts add(final String term, final String value) {
        return add(term, Markup.of(value == null ? Format.NONE : value));
    }

    Facts add(final String term, final Markup value) {
        items.open("div").element("dt", term).element("dd", value).close("div");
        return this;
    }

    /** Adds the fact only when the value is there. */
    Facts addIfPresent(final String term, final String value) {
        return value == null ? this : add(term, value);
    }

    void render(final Markup out) {
        if (!items.isEmpty()) {
            out.element("dl", items, "class", "facts");
        }
    }
}
