package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Map;

/**
 * Computes the files to commit from the branch tip. A repository calls it again on the new tip whenever a push is
 * rejected because the branch moved, so a change re-applies its <em>edits</em> rather than rebasing text.
 */
@FunctionalInterface
public interface TreeChange {
    /**
     * @param tip the files at the branch tip
     * @return the new content of every file to change (path relative to the root); empty when the tip already holds
     *         the wanted state, so that no empty commit is made
     * @throws ConflictException when someone else changed a value this change also changes
     */
    Map<String, byte[]> apply(RepositoryFiles tip) throws MlGitOpsException;
}
