package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

/**
 * Port: a Git hosting service that opens pull requests (GitHub) or merge requests (GitLab), for promotions in
 * {@code --mode pr}.
 */
public interface PullRequestProvider {
    /**
     * Opens a pull request from {@code spec.head()} into {@code spec.base()} and adds its labels. Idempotent: when one
     * is already open for the head branch, it is returned with {@link PullRequest#existed()} set (and its labels
     * added), so a repeated promotion never opens a second one.
     *
     * @throws MlGitOpsException when the repository is unknown, the token is missing, rejected or lacks permission,
     *                           or the provider cannot be reached; the message names the provider, repository and the
     *                           variable the token came from, never the token
     */
    PullRequest open(PullRequestSpec spec) throws MlGitOpsException;
}
