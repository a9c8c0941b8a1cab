package io.mlgitops.gitops;

/**
 * Picks one document of a (possibly multi-document) YAML file: the only document, the N-th (0-based), or the one
 * with a given {@code kind} and {@code metadata.name}.
 *
 * @param index the 0-based document index, or {@code null}
 * @param kind  the document's {@code kind}, or {@code null}
 * @param name  the document's {@code metadata.name}, or {@code null}
 */
public record DocumentSelector(Integer index, String kind, String name) {
    /** The file's only document (an error when the file has several). */
    public static final DocumentSelector ONLY = new DocumentSelector(null, null, null);

    public DocumentSelector {
        if (index != null && (index < 0 || kind != null || name != null)) {
            throw new IllegalArgumentException("A document is picked by a non-negative index or by kind and name");
        }
        if ((kind == null) != (name == null)) {
            throw new IllegalArgumentException("A document is picked by kind and name together");
        }
    }

    public static DocumentSelector index(final int index) {
        return new DocumentSelector(index, null, null);
    }

    public static DocumentSelector kindAndName(final String kind, final String name) {
        return new DocumentSelector(null, kind, name);
    }

    @Override
    public String toString() {
        if (index != null) {
            return "#" + index;
        }
        return kind == null ? "" : kind + "/" + name;
    }
}
