package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.report.Report;

import java.util.Optional;

/**
 * What a canary does beyond traffic, through the promotion engine: undo the candidate's promotion in git and the
 * registry when it fails ({@link RollbackMode#FULL}), promote it to the stable manifests and alias when it succeeds.
 */
public interface CanaryActions {
    /** Nothing beyond traffic. */
    CanaryActions NONE = new CanaryActions() {
        @Override
        public Optional<Report<PromotionResults>> rollBack(final String reason) {
            return Optional.empty();
        }

        @Override
        public Optional<Report<PromotionResults>> promote() {
            return Optional.empty();
        }
    };

    /**
     * Restores the manifest values the candidate's promotion replaced, moves the alias back, and tags the candidate
     * rejected with the reason.
     *
     * @return the rollback record, empty when there is nothing to undo beyond traffic
     */
    Optional<Report<PromotionResults>> rollBack(String reason) throws MlGitOpsException;

    /**
     * Promotes the candidate to the stable manifests and alias.
     *
     * @return the promotion record, empty when promotion is not configured
     */
    Optional<Report<PromotionResults>> promote() throws MlGitOpsException;
}
