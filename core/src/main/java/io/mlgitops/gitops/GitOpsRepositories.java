package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.git.JGitRepository;
import io.mlgitops.gitops.git.LocalRepository;
import org.eclipse.jgit.lib.PersonIdent;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens {@link GitOpsRepository GitOps repositories}.
 */
public final class GitOpsRepositories {
    private GitOpsRepositories() {
    }

    /**
     * The repository at {@code settings.remote()}, through JGit, with a local clone in the settings' cache root.
     * Nothing is fetched yet. Several instances, in one process or in several, may share a cache root: operations
     * on one cached clone take turns (a lock per clone), while compare-and-swap pushes keep writers on other machines
     * safe.
     *
     * @throws InputException when the remote is not a supported URL or path, carries a password, or the cache folder
     *                        cannot be created
     */
    public static GitOpsRepository open(final RepositorySettings settings) throws InputException {
        return JGitRepository.open(settings);
    }

    /**
     * Creates a GitOps repository on this machine, for trying promotions without a git server: a bare repository
     * at {@code bare} whose {@code branch} holds {@code files} in one commit, and a working clone of it at
     * {@code workingCopy} (its {@code origin}) to look at the files and the history.
     *
     * @param files       file contents by path relative to the repository root, with forward slashes
     * @param authorName  the first commit's author and committer
     * @param authorEmail their email address
     * @return the bare repository's {@code file://} URL, for {@link RepositorySettings#remote()}
     * @throws InputException when a folder exists and is not empty, or cannot be written
     */
    public static String createLocal(final Path bare, final Path workingCopy, final String branch,
            final Map<String, byte[]> files, final String message, final String authorName,
            final String authorEmail) throws InputException {
        return LocalRepository.create(bare, workingCopy, branch, files, message,
                new PersonIdent(authorName, authorEmail));
    }

    /** Brings a working clone made by {@link #createLocal} up to date with its origin's {@code branch}. */
    public static void updateWorkingCopy(final Path workingCopy, final String branch) throws InputException {
        LocalRepository.update(workingCopy, branch);
    }
}
