package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.report.ReportLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commits manifest edits through the promotion engine's safe push (compare-and-swap, edits re-applied on a moved
 * branch, no empty commits, idempotent by an id trailer), for changes that are not promotions of a model version,
 * such as the traffic weights of a canary in GitOps mode.
 */
public final class ManifestCommits {
    private ManifestCommits() {
    }

    /**
     * What landed.
     *
     * @param outcome the commit
     * @param edits   the edited locations with their values before and after
     */
    public record Landed(CommitOutcome outcome, List<AppliedEdit> edits) {
    }

    /**
     * @param id       the idempotency key, written as the {@code Promotion-Id} trailer
     * @param subject  the commit subject
     * @param trailers further trailers
     */
    public static Landed commit(final GitOpsRepository repository, final String branch, final List<ManifestEdit> edits,
            final String id, final String subject, final Map<String, String> trailers, final String authorName,
            final String authorEmail, final ReportLog log) throws MlGitOpsException {
        PromotionRecorder record = new PromotionRecorder("edit", "", "", "", branch, false, "", List.of())
                .promotionId(id);
        PromotionChange change = new PromotionChange(edits);
        Map<String, String> allTrailers = new LinkedHashMap<>(trailers);
        allTrailers.put(PromotionMessage.PROMOTION_ID, id);
        new IdempotentPush(repository, log).run(branch, change, record,
                applied -> new CommitMessage(PromotionMessage.text(subject, applied), allTrailers, authorName,
                        authorEmail),
                message -> repository.commit(branch, change, message));
        return new Landed(new CommitOutcome(record.committed(), record.commit(), branch, record.attempts()),
                change.applied());
    }
}
