package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.EditedFile;
import io.mlgitops.gitops.ManifestEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies and undoes manifest edits on a file's text. Each edit is written as splices of the text and the result is
 * parsed again and checked: every edited location must read back as the value written, and the file must keep its
 * documents; otherwise the edit fails and the file is left as it was.
 */
public final class YamlEditor {
    private static final Set<String> IMAGE_FIELDS = Set.of(ImageEditor.NEW_NAME, ImageEditor.NEW_TAG,
            ImageEditor.DIGEST);

    private YamlEditor() {
    }

    /** See {@code ManifestEditor#apply}. */
    public static EditedFile apply(final String file, final byte[] content, final List<ManifestEdit> edits)
            throws InputException {
        Session session = new Session(file, content);
        List<AppliedEdit> applied = new ArrayList<>();
        for (ManifestEdit edit : edits) {
            if (!file.equals(edit.file())) {
                throw new IllegalArgumentException("The edit of " + edit.path() + " is for " + edit.file()
                        + ", not " + file);
            }
            NodeEdits step = session.step();
            List<AppliedEdit> done = edit instanceof ManifestEdit.SetValue value
                    ? ValueEditor.apply(session.stream, step, value)
                    : new ImageEditor(session.stream, step).apply((ManifestEdit.SetImage) edit);
            session.commit(step, done);
            applied.addAll(done);
        }
        return new EditedFile(session.content(), applied);
    }

    /** See {@code ManifestEditor#restore}. */
    public static EditedFile restore(final String file, final byte[] content, final List<AppliedEdit> applied)
            throws InputException {
        Session session = new Session(file, content);
        List<AppliedEdit> restored = new ArrayList<>();
        Map<String, List<AppliedEdit>> images = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (AppliedEdit edit : applied) {
            EditLocation location = location(file, edit);
            String image = imageOf(location);
            if (image == null) {
                order.add(edit);
            }
            else {
                if (!images.containsKey(image)) {
                    order.add(image);
                }
                images.computeIfAbsent(image, key -> new ArrayList<>()).add(edit);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            NodeEdits step = session.step();
            List<AppliedEdit> done = order.get(i) instanceof AppliedEdit edit
                    ? ValueEditor.restore(session.stream, step, location(file, edit), edit)
                    : new ImageEditor(session.stream, step).restore((String) order.get(i),
                            images.get((String) order.get(i)));
            session.commit(step, done);
            restored.addAll(done);
        }
        return new EditedFile(session.content(), restored);
    }

    private static EditLocation location(final String file, final AppliedEdit edit) throws InputException {
        if (!file.equals(edit.file())) {
            throw new IllegalArgumentException("The edit of " + edit.path() + " is for " + edit.file() + ", not "
                    + file);
        }
        try {
            return EditLocation.parse(edit.path());
        }
        catch (IllegalArgumentException malformed) {
            throw new InputException(file + ": the recorded edit location '" + edit.path() + "' is malformed: "
                    + malformed.getMessage(), malformed);
        }
    }

    /** The image of an {@code images[NAME]} or {@code images[NAME].newTag} location, else {@code null}. */
    private static String imageOf(final EditLocation location) {
        List<YamlPath.Segment> segments = location.path().segments();
        boolean image = location.document().equals(DocumentSelector.ONLY) && segments.size() >= 2
                && segments.size() <= 3 && segments.get(0).equals(new YamlPath.Key(ImageEditor.IMAGES))
                && segments.get(1) instanceof YamlPath.Named
                && (segments.size() == 2 || segments.get(2) instanceof YamlPath.Key field
                        && IMAGE_FIELDS.contains(field.name()));
        return image ? ((YamlPath.Named) segments.get(1)).name() : null;
    }

    /** The text through a series of edits, parsed again and checked after each. */
    private static final class Session {
        private final String file;
        private final byte[] original;
        private SourceText source;
        private YamlStream stream;
        private boolean changed;

        Session(final String file, final byte[] content) throws InputException {
            this.file = file;
            this.original = content;
            this.source = SourceText.decode(file, content);
            this.stream = YamlStream.read(source);
        }

        NodeEdits step() {
            return new NodeEdits(source);
        }

        void commit(final NodeEdits step, final List<AppliedEdit> done) throws InputException {
            if (step.isEmpty()) {
                return;
            }
            SourceText edited = SourceText.of(file, step.apply());
            YamlStream reread;
            try {
                reread = YamlStream.read(edited);
            }
            catch (InputException invalid) {
                throw unsafe(done, "the result would not be valid YAML", invalid);
            }
            if (reread.documents().size() != stream.documents().size()) {
                throw unsafe(done, "the file would not keep its documents", null);
            }
            for (AppliedEdit edit : done) {
                if (!readsBack(reread, edit)) {
                    throw unsafe(done, edit.path() + " would not read back as written", null);
                }
            }
            source = edited;
            stream = reread;
            changed = true;
        }

        byte[] content() {
            return changed ? source.encode() : original.clone();
        }

        private boolean readsBack(final YamlStream reread, final AppliedEdit edit) throws InputException {
            EditLocation location = EditLocation.parse(edit.path());
            YamlDocument document = Documents.select(reread, location.document(), edit.path());
            Locator.Lookup lookup = Locator.find(document.root(), location.path());
            if (edit.after() == null) {
                return lookup.missing();
            }
            if (!lookup.found()) {
                return false;
            }
            return lookup.node() instanceof YamlNode.Scalar scalar ? scalar.value().equals(edit.after())
                    : imageOf(location) != null;
        }

        private InputException unsafe(final List<AppliedEdit> done, final String reason, final Throwable cause) {
            List<String> paths = new ArrayList<>();
            done.forEach(edit -> paths.add(edit.path() + " = " + edit.after()));
            return new InputException(String.format("%s: writing %s cannot be done without changing other content "
                    + "(%s); the file is left unchanged. Make this edit by hand.", file, String.join(", ", paths),
                    reason), cause);
        }
    }
}
