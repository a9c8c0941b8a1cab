package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.git.JGitRepository;

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
}
