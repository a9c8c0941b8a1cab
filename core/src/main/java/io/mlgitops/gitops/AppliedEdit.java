package io.mlgitops.gitops;

/**
 * What one edit changed, for the promotion record and for undoing it.
 *
 * @param file   the file
 * @param path   the edited location ({@code images[churn-model].newTag}, {@code model.version})
 * @param before the value before, or {@code null} when the key or entry did not exist
 * @param after  the value after
 */
public record AppliedEdit(String file, String path, String before, String after) {
    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}
