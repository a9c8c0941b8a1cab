package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.ManifestEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets and restores a kustomization's {@code images} entries, like {@code kustomize edit set image}: an absent entry
 * (or {@code images} list) is added; {@code newName} is written only when it differs from the image's name (and
 * removed when it no longer does); a tag replaces a digest and a digest replaces a tag, in the same place.
 */
final class ImageEditor {
    static final String IMAGES = "images";
    static final String NEW_NAME = "newName";
    static final String NEW_TAG = "newTag";
    static final String DIGEST = "digest";

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST_VALUE = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Fa-f0-9]{32,}");
    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]*");

    private final YamlStream stream;
    private final NodeEdits edits;
    private final String file;

    /**
     * A wanted state of one field of an entry.
     *
     * @param field    {@code newName}, {@code newTag} or {@code digest}
     * @param value    the value, or {@code null} to remove the field
     * @param source   the exact text to write (for a restore), or {@code null}
     * @param expected the value that allows writing {@code source} over an existing one (what the undone edit wrote)
     */
    record FieldChange(String field, String value, String source, String expected) {
    }

    ImageEditor(final YamlStream stream, final NodeEdits edits) {
        this.stream = stream;
        this.edits = edits;
        this.file = stream.source().file();
    }

    List<AppliedEdit> apply(final ManifestEdit.SetImage edit) throws InputException {
        validate(edit);
        List<FieldChange> changes = new ArrayList<>();
        if (edit.newName() != null) {
            changes.add(new FieldChange(NEW_NAME, edit.newName().equals(edit.image()) ? null : edit.newName(), null,
                    null));
        }
        if (edit.newTag() != null || edit.digest() != null) {
            changes.add(new FieldChange(NEW_TAG, edit.newTag(), null, null));
            changes.add(new FieldChange(DIGEST, edit.digest(), null, null));
        }
        YamlNode.Mapping root = root(edit.path());
        List<Integer> images = Locator.entriesWithKey(root, IMAGES);
        if (images.isEmpty()) {
            return addImages(root, edit.image(), changes);
        }
        YamlNode.Sequence list = imageList(root, images);
        List<Integer> found = Locator.itemsNamed(list, edit.image());
        if (found.isEmpty()) {
            return addEntry(list, edit.image(), changes);
        }
        return update(entry(list, found, edit.image()), edit.image(), changes);
    }

    /** Undoes the applied edits of one image: removes an entry they added, else puts back each field's value. */
    List<AppliedEdit> restore(final String image, final List<AppliedEdit> applied) throws InputException {
        String entryPath = entryPath(image);
        YamlNode.Mapping root = root(entryPath);
        List<Integer> images = Locator.entriesWithKey(root, IMAGES);
        YamlNode.Sequence list = images.isEmpty() ? null : imageList(root, images);
        List<Integer> found = list == null ? List.of() : Locator.itemsNamed(list, image);
        boolean added = applied.stream().anyMatch(edit -> edit.path().equals(entryPath) && edit.before() == null);
        if (added) {
            if (found.isEmpty()) {
                return List.of();
            }
            YamlNode.Mapping entry = entry(list, found, image);
            if (!list.flow() && list.items().size() == 1) {
                edits.removeBlockEntry(root.entries().get(images.get(0)));
            }
            else {
                edits.removeItem(list, found.get(0));
            }
            return List.of(new AppliedEdit(file, entryPath, reference(entry, image), null));
        }
        if (found.isEmpty()) {
            throw new InputException(String.format("%s: %s no longer exists, so its earlier values cannot be put "
                    + "back. Restore it by hand.", file, entryPath));
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : List.of(NEW_NAME, NEW_TAG, DIGEST)) {
            for (AppliedEdit edit : applied) {
                if (edit.path().equals(entryPath + "." + field)) {
                    changes.add(new FieldChange(field, edit.before(), edit.beforeSource(), edit.after()));
                }
            }
        }
        return update(entry(list, found, image), image, changes);
    }

    static String entryPath(final String image) {
        return YamlPath.of(List.of(new YamlPath.Key(IMAGES), new YamlPath.Named(image))).toString();
    }

    private YamlNode.Mapping root(final String what) throws InputException {
        YamlDocument document = Documents.select(stream, DocumentSelector.ONLY, what);
        if (!(document.root() instanceof YamlNode.Mapping root)) {
            throw new InputException(String.format("%s is not a kustomization: its root is %s, not a mapping. Check "
                    + "the file named by --set-image.", file, document.root().describe()));
        }
        return root;
    }

    private YamlNode.Sequence imageList(final YamlNode.Mapping root, final List<Integer> images)
            throws InputException {
        if (images.size() > 1) {
            throw new InputException(file + " has the key 'images' " + images.size() + " times. Merge them.");
        }
        YamlNode value = root.entries().get(images.get(0)).value();
        if (!(value instanceof YamlNode.Sequence list)) {
            throw new InputException(String.format("%s: images is %s, not a list. Write it as a list of "
                    + "{name, newName, newTag, digest} entries.", file, value.describe()));
        }
        return list;
    }

    private YamlNode.Mapping entry(final YamlNode.Sequence list, final List<Integer> found, final String image)
            throws InputException {
        if (found.size() > 1) {
            throw new InputException(String.format("%s has %d images entries named %s. Remove the duplicates.", file,
                    found.size(), image));
        }
        YamlNode item = list.items().get(found.get(0));
        if (item instanceof YamlNode.Alias alias) {
            throw new InputException(String.format("%s: the images entry %s is the alias *%s; edits never go "
                    + "through an alias. Write the entry out.", file, image, alias.name()));
        }
        return (YamlNode.Mapping) item;
    }

    private List<AppliedEdit> addImages(final YamlNode.Mapping root, final String image,
            final List<FieldChange> changes) {
        List<String> itemLines = blockItem(image, changes);
        List<String> lines = new ArrayList<>();
        lines.add(IMAGES + ":");
        String indent = " ".repeat(new IndentStyle(edits, root).sequenceIndent());
        for (String line : itemLines) {
            lines.add(indent + line);
        }
        edits.addEntry(root, root.entries().size() - 1, lines, IMAGES + ": [" + flowItem(image, changes) + "]");
        return addedEntry(image, changes);
    }

    private List<AppliedEdit> addEntry(final YamlNode.Sequence list, final String image,
            final List<FieldChange> changes) {
        edits.addItem(list, blockItem(image, changes), flowItem(image, changes));
        return addedEntry(image, changes);
    }

    private List<String> blockItem(final String image, final List<FieldChange> changes) {
        String indent = " ".repeat(Math.max(1, new IndentStyle(edits, stream.documents().get(0).root())
                .itemIndent() - 1));
        List<String> lines = new ArrayList<>();
        lines.add("-" + indent + "name: " + ScalarText.forNewValue(image, false));
        for (FieldChange change : changes) {
            if (change.value() != null) {
                lines.add(" " + indent + change.field() + ": " + ScalarText.forNewValue(change.value(), false));
            }
        }
        return lines;
    }

    private static String flowItem(final String image, final List<FieldChange> changes) {
        StringBuilder item = new StringBuilder("{name: ").append(ScalarText.forNewValue(image, true));
        for (FieldChange change : changes) {
            if (change.value() != null) {
                item.append(", ").append(change.field()).append(": ")
                        .append(ScalarText.forNewValue(change.value(), true));
            }
        }
        return item.append('}').toString();
    }

    private List<AppliedEdit> addedEntry(final String image, final List<FieldChange> changes) {
        List<AppliedEdit> applied = new ArrayList<>();
        String entryPath = entryPath(image);
        String newName = image;
        String suffix = "";
        for (FieldChange change : changes) {
            if (change.value() != null) {
                switch (change.field()) {
                    case NEW_NAME -> newName = change.value();
                    case NEW_TAG -> suffix = ":" + change.value();
                    default -> suffix = "@" + change.value();
                }
            }
        }
        applied.add(new AppliedEdit(file, entryPath, null, newName + suffix));
        for (FieldChange change : changes) {
            if (change.value() != null) {
                applied.add(new AppliedEdit(file, entryPath + "." + change.field(), null, change.value()));
            }
        }
        return applied;
    }

    /**
     * Brings an existing entry's fields to the wanted states. A tag that replaces a digest (or the reverse) takes its
     * place, comment included, so that undoing it gives back the same line.
     */
    private List<AppliedEdit> update(final YamlNode.Mapping entry, final String image,
            final List<FieldChange> changes) throws InputException {
        String entryPath = entryPath(image);
        List<AppliedEdit> applied = new ArrayList<>();
        List<FieldChange> adds = new ArrayList<>();
        List<Integer> removes = new ArrayList<>();
        for (FieldChange change : changes) {
            String path = entryPath + "." + change.field();
            List<Integer> present = Locator.entriesWithKey(entry, change.field());
            if (present.size() > 1) {
                throw new InputException(String.format("%s: %s has the key %s %d times. Remove the duplicates.",
                        file, entryPath, change.field(), present.size()));
            }
            if (present.isEmpty()) {
                if (change.value() != null) {
                    adds.add(change);
                    applied.add(new AppliedEdit(file, path, null, change.value()));
                }
                continue;
            }
            YamlNode.Scalar scalar = fieldScalar(entry.entries().get(present.get(0)).value(), path);
            String current = scalar.value();
            applied.add(new AppliedEdit(file, path, current, change.value(), edits.sourceOf(scalar)));
            if (change.value() == null) {
                removes.add(present.get(0));
            }
            else if (!current.equals(change.value())) {
                if (change.source() != null && current.equals(change.expected())) {
                    edits.writeScalarText(scalar, change.source());
                }
                else {
                    edits.setScalar(scalar, change.value());
                }
            }
        }
        FieldChange swappedIn = adds.stream().filter(add -> isTagOrDigest(add.field())).findFirst().orElse(null);
        Integer swappedOut = removes.stream().filter(index -> isTagOrDigest(entry.entries().get(index).keyText()))
                .findFirst().orElse(null);
        if (swappedIn != null && swappedOut != null) {
            YamlNode.Entry replaced = entry.entries().get(swappedOut);
            edits.renameKey(replaced, swappedIn.field());
            edits.writeScalarText((YamlNode.Scalar) replaced.value(), text(swappedIn, entry.flow()));
            adds.remove(swappedIn);
            removes.remove(swappedOut);
        }
        for (FieldChange add : adds) {
            List<Integer> name = Locator.entriesWithKey(entry, "name");
            int after = NEW_NAME.equals(add.field()) && !name.isEmpty() ? name.get(0) : entry.entries().size() - 1;
            String line = add.field() + ": " + text(add, entry.flow());
            edits.addEntry(entry, after, List.of(line), line);
        }
        for (int remove : removes) {
            edits.removeEntry(entry, remove);
        }
        return applied;
    }

    private YamlNode.Scalar fieldScalar(final YamlNode value, final String path) throws InputException {
        if (value instanceof YamlNode.Alias alias) {
            throw new InputException(String.format("%s: %s is the alias *%s; edits never go through an alias. "
                    + "Write the value out.", file, path, alias.name()));
        }
        if (!(value instanceof YamlNode.Scalar scalar)) {
            throw new InputException(String.format("%s: %s is %s, not a single value. Fix the kustomization.", file,
                    path, value.describe()));
        }
        return scalar;
    }

    private static String text(final FieldChange change, final boolean inFlow) {
        return change.source() != null ? change.source() : ScalarText.forNewValue(change.value(), inFlow);
    }

    private static boolean isTagOrDigest(final String field) {
        return NEW_TAG.equals(field) || DIGEST.equals(field);
    }

    private static String reference(final YamlNode.Mapping entry, final String image) {
        String name = image;
        String suffix = "";
        for (YamlNode.Entry field : entry.entries()) {
            if (field.value() instanceof YamlNode.Scalar scalar) {
                switch (String.valueOf(field.keyText())) {
                    case NEW_NAME -> name = scalar.value();
                    case NEW_TAG -> suffix = ":" + scalar.value();
                    case DIGEST -> suffix = "@" + scalar.value();
                    default -> {
                    }
                }
            }
        }
        return name + suffix;
    }

    private void validate(final ManifestEdit.SetImage edit) throws InputException {
        if (edit.newTag() != null && !TAG.matcher(edit.newTag()).matches()) {
            throw new InputException(String.format("%s: the tag '%s' for %s is not a valid image tag (letters, "
                    + "digits, '_', '.', '-'; at most 128). Check --set-image and the model version.", file,
                    edit.newTag(), edit.image()));
        }
        if (edit.digest() != null && !DIGEST_VALUE.matcher(edit.digest()).matches()) {
            throw new InputException(String.format("%s: the digest '%s' for %s is not a valid image digest "
                    + "(sha256:<64 hex digits>). Check --set-image.", file, edit.digest(), edit.image()));
        }
        for (String name : new String[] {edit.image(), edit.newName()}) {
            if (name != null && (!IMAGE_NAME.matcher(name).matches()
                    || name.lastIndexOf(':') > name.lastIndexOf('/'))) {
                throw new InputException(String.format("%s: '%s' is not a valid image name for --set-image "
                        + "(registry/path without a tag or digest).", file, name));
            }
        }
    }
}
