package io.mlgitops.gitops;

import java.util.List;
import java.util.Objects;

/**
 * A pull request (GitLab: merge request) to open from a branch of the GitOps repository into another.
 *
 * @param repository the provider's identifier of the repository: {@code owner/repo} on GitHub, the project path
 *                   ({@code group/subgroup/project}) or numeric id on GitLab; see {@link RepositoryIdentifiers}
 * @param head       the branch with the change, in the same repository
 * @param base       the branch to merge into
 * @param title      the title
 * @param body       the description (Markdown), may be empty
 * @param labels     labels to add, may be empty
 */
public record PullRequestSpec(String repository, String head, String base, String title, String body,
        List<String> labels) {
    public PullRequestSpec {
        requireText(repository, "repository");
        requireText(head, "head");
        requireText(base, "base");
        requireText(title, "title");
        body = Objects.requireNonNullElse(body, "");
        labels = List.copyOf(labels);
    }

    private static void requireText(final String value, final String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
