package io.mlgitops.report.html;

import java.util.regex.Pattern;

/**
 * A fragment of HTML (or inline SVG) under construction. Text and attribute values always go through
 * {@link Html#escape}; tag and attribute names are the renderer's own constants and are checked. Only the page
 * layout adds trusted markup ({@link #trusted}), and only constants.
 */
final class Markup {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");

    private final StringBuilder html = new StringBuilder(1024);

    /** A fragment holding the escaped text. */
    static Markup of(final String text) {
        return new Markup().text(text);
    }

    /**
     * Opens an element.
     *
     * @param tag        element name
     * @param attributes name and value pairs; a pair with a {@code null} value is left out
     */
    Markup open(final String tag, final String... attributes) {
        html.append('<').append(name(tag));
        attributes(attributes);
        html.append('>');
        return this;
    }

    /** An element without content, written {@code <tag ... />}: only for HTML void elements and SVG elements. */
    Markup empty(final String tag, final String... attributes) {
        html.append('<').append(name(tag));
        attributes(attributes);
        html.append("/>");
        return this;
    }

    Markup close(final String tag) {
        html.append("</").append(name(tag)).append('>');
        return this;
    }

    /** An element holding escaped text. */
    Markup element(final String tag, final String text, final String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element holding a fragment. */
    Markup element(final String tag, final Markup content, final String... attributes) {
        return open(tag, attributes).append(content).close(tag);
    }

    Markup text(final String text) {
        html.append(Html.escape(text));
        return this;
    }

    Markup append(final Markup fragment) {
        html.append(fragment.html);
        return this;
    }

    /** Markup the renderer wrote itself (the document type, the style sheet): never a value from a report. */
    Markup trusted(final String constant) {
        html.append(constant);
        return this;
    }

    boolean isEmpty() {
        return html.length() == 0;
    }

    private void attributes(final String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name and value pairs: " + attributes.length);
        }
        for (int index = 0; index < attributes.length; index += 2) {
            if (attributes[index + 1] != null) {
                html.append(' ').append(name(attributes[index])).append("=\"")
                        .append(Html.escape(attributes[index + 1])).append('"');
            }
        }
    }

    private static String name(final String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an element or attribute name: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
