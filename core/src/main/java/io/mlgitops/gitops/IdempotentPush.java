package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.report.ReportLog;

import java.util.List;
import java.util.Optional;

/**
 * Pushes an editing change at most once: a commit with the same {@code Promotion-Id} on the branch means an earlier
 * run already made it, and a branch whose files already hold the values needs no commit (never an empty one).
 */
final class IdempotentPush {
    /** What happened. */
    enum Result {
        /** An earlier run made the commit (found by its Promotion-Id). */
        ALREADY_DONE,
        /** The files already held the values. */
        NOTHING_TO_CHANGE,
        /** A commit was pushed. */
        PUSHED
    }

    /** Makes the commit message once the edits of the first attempt are known. */
    @FunctionalInterface
    interface MessageFactory {
        CommitMessage create(List<AppliedEdit> applied) throws MlGitOpsException;
    }

    /** Commits and pushes (to the branch, or to a pull request branch). */
    @FunctionalInterface
    interface Pusher {
        CommitOutcome push(CommitMessage message) throws MlGitOpsException;
    }

    private final GitOpsRepository repository;
    private final ReportLog log;

    IdempotentPush(final GitOpsRepository repository, final ReportLog log) {
        this.repository = repository;
        this.log = log;
    }

    Result run(final String branch, final EditingChange change, final PromotionRecorder record,
            final MessageFactory messages, final Pusher pusher) throws MlGitOpsException {
        Optional<CommitInfo> earlier = repository.findByTrailer(branch, PromotionMessage.PROMOTION_ID,
                record.promotionId());
        if (earlier.isPresent()) {
            log.info(String.format("Already done: commit %s on %s has Promotion-Id %s; no new commit.",
                    PromotionChange.abbreviate(earlier.get().commit()), branch, record.promotionId()));
            record.commit(new CommitOutcome(false, earlier.get().commit(), branch, 0), "promotion-id",
                    PromotionMessage.edits(earlier.get().message()));
            return Result.ALREADY_DONE;
        }
        RepositoryFiles tip = repository.tip(branch);
        if (change.apply(tip).isEmpty()) {
            log.info(String.format("The files on %s already hold the values (commit %s); no new commit.", branch,
                    PromotionChange.abbreviate(tip.commit())));
            record.commit(new CommitOutcome(false, tip.commit(), branch, 0), "values", change.applied());
            return Result.NOTHING_TO_CHANGE;
        }
        CommitOutcome outcome = pusher.push(messages.create(change.applied()));
        record.commit(outcome, outcome.committed() ? null : "values", change.applied());
        if (!outcome.committed()) {
            log.info("Another writer made the same change meanwhile; no new commit.");
            return Result.NOTHING_TO_CHANGE;
        }
        log.info(String.format("Pushed %s to %s (%d attempt%s).", PromotionChange.abbreviate(outcome.commit()),
                outcome.branch(), outcome.attempts(), outcome.attempts() == 1 ? "" : "s"));
        return Result.PUSHED;
    }
}
