package io.mlgitops.gitops;

/**
 * A pull request (GitLab: merge request) as the provider describes it.
 *
 * @param number  its number in the repository (GitLab: the project-level {@code iid})
 * @param url     its web address
 * @param existed whether it was already open for the head branch (then it was found, not created)
 */
public record PullRequest(long number, String url, boolean existed) {
}
