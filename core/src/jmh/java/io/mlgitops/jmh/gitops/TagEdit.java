package io.mlgitops.jmh.gitops;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.ConflictException;
import io.mlgitops.gitops.RepositoryFiles;
import io.mlgitops.gitops.TreeChange;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A promotion's edit of an overlay's {@code newTag}, as text, the same bytes whether JGit or the git command line
 * makes it: nothing to do when the tag is already set, a conflict when someone else set a third tag.
 */
record TagEdit(String path, String before, String after) implements TreeChange {
    @Override
    public Map<String, byte[]> apply(final RepositoryFiles tip) throws MlGitOpsException {
        String text = new String(tip.read(path).orElseThrow(() -> new ConflictException(path + " is gone")),
                StandardCharsets.UTF_8);
        return edit(text) == null ? Map.of() : Map.of(path, edit(text).getBytes(StandardCharsets.UTF_8));
    }

    /** The edited text, or {@code null} when the text already holds the new tag. */
    String edit(final String text) throws ConflictException {
        if (text.contains("newTag: " + after + "\n")) {
            return null;
        }
        if (!text.contains("newTag: " + before + "\n")) {
            throw new ConflictException(path + " no longer has newTag " + before);
        }
        return text.replace("newTag: " + before + "\n", "newTag: " + after + "\n");
    }
}
