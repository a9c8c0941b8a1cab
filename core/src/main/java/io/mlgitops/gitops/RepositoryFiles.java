package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Optional;

/** The files of one commit of the GitOps repository, read-only. */
public interface RepositoryFiles {
    /** The commit these files belong to (hex SHA-1). */
    String commit();

    /**
     * A file's bytes at this commit.
     *
     * @param path relative to the repository root, forward slashes
     * @return empty when the commit has no such file
     */
    Optional<byte[]> read(String path) throws MlGitOpsException;
}
