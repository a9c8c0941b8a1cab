package io.mlgitops.gitops;

/**
 * What one edit changed, for the promotion record and for undoing it.
 *
 * @param file         the file
 * @param path         the edited location ({@code images[churn-model].newTag}, {@code model.version},
 *                     {@code Deployment/churn:spec.template.spec.containers[0].image}); see {@link ManifestEditor}
 * @param before       the value before, or {@code null} when the key or entry did not exist
 * @param after        the value after, or {@code null} when the edit removed the key
 * @param beforeSource how {@code before} was written in the file (quotes, escapes, block indicators), so that undoing
 *                     the edit gives back the same bytes; {@code null} when there was no value or it is not known
 */
public record AppliedEdit(String file, String path, String before, String after, String beforeSource) {
    /** An edit whose original spelling is not known: undoing it writes {@code before} in the location's style. */
    public AppliedEdit(final String file, final String path, final String before, final String after) {
        this(file, path, before, after, null);
    }

    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}
