package io.mlgitops.gitops;

import java.util.List;
import java.util.Objects;

/**
 * A manifest after edits: its new bytes (identical to the old ones except the changed scalars) and what changed.
 *
 * @param content the file's new content
 * @param edits   every location the edits touched, including those that already held the wanted value
 */
public record EditedFile(byte[] content, List<AppliedEdit> edits) {
    public EditedFile {
        Objects.requireNonNull(content, "content");
        edits = List.copyOf(edits);
    }

    /** Whether any value changed. */
    public boolean changed() {
        return edits.stream().anyMatch(AppliedEdit::changed);
    }
}
