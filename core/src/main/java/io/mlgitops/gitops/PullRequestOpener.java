package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

/** Opens (or finds) the pull request of a promotion branch; bound to one repository and provider. */
@FunctionalInterface
public interface PullRequestOpener {
    /**
     * @param head  the promotion branch
     * @param base  the branch it merges into
     * @param title the pull request title
     * @param body  its description
     */
    PromotionResults.PullRequestRecord open(String head, String base, String title, String body)
            throws MlGitOpsException;
}
