package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.ManifestEdit;

import java.util.List;
import java.util.Set;

/** Sets and restores the scalar at a path ({@code --set FILE:PATH=VALUE}). */
final class ValueEditor {
    /** The keys that name a document: an edit of one is located by the document's index, which it keeps. */
    private static final Set<YamlPath> IDENTITY = Set.of(YamlPath.parse("kind"), YamlPath.parse("metadata.name"));

    private ValueEditor() {
    }

    static List<AppliedEdit> apply(final YamlStream stream, final NodeEdits edits, final ManifestEdit.SetValue edit)
            throws InputException {
        YamlPath path = parsePath(stream, edit.path());
        EditLocation requested = new EditLocation(edit.document(), path);
        YamlDocument document = Documents.select(stream, edit.document(), requested.toString());
        String location = new EditLocation(IDENTITY.contains(path) ? Documents.indexLabel(stream, document)
                : Documents.label(stream, document), path).toString();
        YamlNode.Scalar scalar = scalarAt(stream, document, path, requested.toString());
        String before = scalar.value();
        if (!before.equals(edit.value())) {
            edits.setScalar(scalar, edit.value());
        }
        return List.of(new AppliedEdit(stream.source().file(), location, before, edit.value(),
                edits.sourceOf(scalar)));
    }

    /**
     * Puts back the value an edit found: its recorded spelling when the location still holds what the edit wrote,
     * else the value in the location's style; a key the edit added is removed.
     */
    static List<AppliedEdit> restore(final YamlStream stream, final NodeEdits edits, final EditLocation location,
            final AppliedEdit applied) throws InputException {
        String file = stream.source().file();
        YamlDocument document = Documents.select(stream, location.document(), location.toString());
        Locator.Lookup lookup = Locator.find(document.root(), location.path());
        if (applied.before() == null) {
            if (!lookup.found()) {
                return List.of();
            }
            List<YamlPath.Segment> segments = location.path().segments();
            if (!(lookup.parent() instanceof YamlNode.Mapping mapping)
                    || !(segments.get(segments.size() - 1) instanceof YamlPath.Key key)) {
                throw new InputException(file + ": " + location + " cannot be removed: it is not a mapping key.");
            }
            YamlNode current = lookup.node();
            edits.removeEntry(mapping, Locator.entriesWithKey(mapping, key.name()).get(0));
            return List.of(new AppliedEdit(file, location.toString(), valueOf(current), null,
                    current instanceof YamlNode.Scalar scalar ? edits.sourceOf(scalar) : null));
        }
        YamlNode.Scalar scalar = scalarAt(stream, document, location.path(), location.toString());
        String current = scalar.value();
        if (!current.equals(applied.before())) {
            if (applied.beforeSource() != null && current.equals(applied.after())) {
                edits.writeScalarText(scalar, applied.beforeSource());
            }
            else {
                edits.setScalar(scalar, applied.before());
            }
        }
        return List.of(new AppliedEdit(file, location.toString(), current, applied.before(),
                edits.sourceOf(scalar)));
    }

    static YamlPath parsePath(final YamlStream stream, final String path) throws InputException {
        try {
            return YamlPath.parse(path);
        }
        catch (IllegalArgumentException malformed) {
            throw new InputException(stream.source().file() + ": " + malformed.getMessage(), malformed);
        }
    }

    private static YamlNode.Scalar scalarAt(final YamlStream stream, final YamlDocument document,
            final YamlPath path, final String location) throws InputException {
        String file = stream.source().file();
        Locator.Lookup lookup = Locator.find(document.root(), path);
        if (!lookup.found()) {
            throw new InputException(String.format("%s: %s cannot be set: %s.%s", file, location, lookup.problem(),
                    lookup.missing() ? " Check the path (keys separated by dots, [N] for list items)." : ""));
        }
        if (!(lookup.node() instanceof YamlNode.Scalar scalar)) {
            throw new InputException(String.format("%s: %s is %s, not a single value. Give the path of one of its "
                    + "values.", file, location, lookup.node().describe()));
        }
        return scalar;
    }

    private static String valueOf(final YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? scalar.value() : node.describe();
    }
}
