package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.DocumentSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Picks the document an edit applies to, and names it in edit locations. */
final class Documents {
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?");

    private Documents() {
    }

    /**
     * @param what the edit, for messages ({@code model.version})
     */
    static YamlDocument select(final YamlStream stream, final DocumentSelector selector, final String what)
            throws InputException {
        List<YamlDocument> documents = stream.documents();
        String file = stream.source().file();
        if (documents.isEmpty()) {
            throw new InputException(file + " has no YAML document, so " + what + " cannot be set. Check the file.");
        }
        if (selector.index() != null) {
            if (selector.index() >= documents.size()) {
                throw new InputException(String.format("%s has %d document%s, so #%d (0-based) does not exist for "
                        + "%s. Pick one of: %s.", file, documents.size(), documents.size() == 1 ? "" : "s",
                        selector.index(), what, list(documents)));
            }
            return documents.get(selector.index());
        }
        if (selector.kind() != null) {
            List<YamlDocument> matching = new ArrayList<>();
            for (YamlDocument document : documents) {
                if (selector.kind().equals(document.kind()) && selector.name().equals(document.name())) {
                    matching.add(document);
                }
            }
            if (matching.size() != 1) {
                throw new InputException(String.format("%s has %s %s/%s for %s. Its documents: %s; pick one by "
                        + "index with FILE#N:PATH.", file, matching.isEmpty() ? "no document"
                        : matching.size() + " documents", selector.kind(), selector.name(), what, list(documents)));
            }
            return matching.get(0);
        }
        if (documents.size() > 1) {
            throw new InputException(String.format("%s has %d documents, so %s needs to say which: FILE#N:PATH "
                    + "(0-based) or FILE:Kind/name:PATH. Its documents: %s.", file, documents.size(), what,
                    list(documents)));
        }
        return documents.get(0);
    }

    /**
     * How edit locations name a document: nothing for a file's only document, else {@code Kind/name} when that is
     * unique in the file, else {@code #N}.
     */
    static DocumentSelector label(final YamlStream stream, final YamlDocument document) {
        if (stream.documents().size() == 1) {
            return DocumentSelector.ONLY;
        }
        String kind = document.kind();
        String name = document.name();
        if (kind != null && name != null && KIND.matcher(kind).matches() && NAME.matcher(name).matches()) {
            long same = stream.documents().stream()
                    .filter(other -> kind.equals(other.kind()) && name.equals(other.name())).count();
            if (same == 1) {
                return DocumentSelector.kindAndName(kind, name);
            }
        }
        return DocumentSelector.index(document.index());
    }

    /** The document's index, or nothing for a file's only document. */
    static DocumentSelector indexLabel(final YamlStream stream, final YamlDocument document) {
        return stream.documents().size() == 1 ? DocumentSelector.ONLY : DocumentSelector.index(document.index());
    }

    private static String list(final List<YamlDocument> documents) {
        List<String> names = new ArrayList<>();
        for (YamlDocument document : documents) {
            String kind = document.kind();
            names.add("#" + document.index() + (kind == null ? "" : " " + kind + "/" + document.name()));
        }
        return String.join(", ", names);
    }
}
