package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.yaml.YamlEditor;

import java.util.List;

/**
 * Edits YAML manifests by rewriting only the scalars that change: comments, blank lines, key order, indentation,
 * quoting, anchors, flow style, line endings, a byte order mark and a missing final line break all stay as they were.
 * The text is parsed with SnakeYAML's event parser (no object is constructed from the document), each edit is
 * written as splices of the text, and the result is parsed again to check that every edited location reads back as
 * written.
 *
 * <p><b>Locations.</b> {@link AppliedEdit#path()} is {@code [DOCUMENT:]PATH}. DOCUMENT appears only in files with
 * several (non-empty) documents: {@code Kind/name} (the document's {@code kind} and {@code metadata.name}) when that
 * is unique in the file, else {@code #N} (0-based). PATH is a dotted path: keys separated by dots, {@code [N]} for the
 * N-th list item, {@code [NAME]} for the list item whose {@code name} is NAME, and a backslash before a literal
 * {@code .}, {@code [}, {@code ]} or {@code \}. Examples: {@code model.version},
 * {@code Deployment/churn:spec.template.spec.containers[0].image}, {@code #1:data.version},
 * {@code images[churn-model]} (an entry added whole) and {@code images[churn-model].newTag}.
 *
 * <p><b>Values.</b> A plain scalar stays plain when the new value is safe unquoted and reads as the same YAML 1.1
 * type (Kubernetes, kustomize and Helm read YAML 1.1): {@code replicas: 3} becomes {@code replicas: 4}, but
 * {@code version: v1} set to {@code 2} becomes {@code version: "2"}. Quoted scalars keep their quotes (a
 * single-quoted value that needs escapes becomes double-quoted); literal and folded block scalars keep their style.
 * New values ({@code newTag: "1.0"}) are plain unless they would read as a number, boolean, null or date.
 *
 * <p><b>Anchors and aliases.</b> Edits never go through an alias or a merge key ({@code <<: *base}): the location is
 * shared with every other use of the anchor, so the edit fails naming the anchor and where it is defined. Setting the
 * anchored node itself is allowed and changes what every alias reads, which is what the anchor is for.
 */
public final class ManifestEditor {
    private ManifestEditor() {
    }

    /**
     * Applies a file's edits in order.
     *
     * @param file    the file's path, for messages and locations
     * @param content the file's bytes (UTF-8)
     * @param edits   edits of this file, with their values already rendered ({@link Template})
     * @return the new bytes and one {@link AppliedEdit} per location touched (for a {@link ManifestEdit.SetImage}:
     *         {@code images[NAME].newName}, {@code .newTag}, {@code .digest}, and {@code images[NAME]} when the entry
     *         was added), including locations that already held the value ({@code before} equals {@code after})
     * @throws InputException when the file is not UTF-8 or not valid YAML, or a path does not exist, is not a single
     *                        value, goes through an alias, or names no single document
     */
    public static EditedFile apply(final String file, final byte[] content, final List<ManifestEdit> edits)
            throws InputException {
        return YamlEditor.apply(file, content, edits);
    }

    /**
     * Undoes earlier edits of this file (for a rollback), last first: each location gets its {@code before} back,
     * written as it was spelled ({@link AppliedEdit#beforeSource()}) when the location still holds what the edit
     * wrote; keys and {@code images} entries whose {@code before} is {@code null} are removed, and with them an
     * {@code images} list that only the promotion's entry was in. Restoring edits already undone changes nothing.
     *
     * @return the new bytes and what the restore changed, as {@link AppliedEdit}s of its own
     */
    public static EditedFile restore(final String file, final byte[] content, final List<AppliedEdit> applied)
            throws InputException {
        return YamlEditor.restore(file, content, applied);
    }
}
