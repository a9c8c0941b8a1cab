package io.mlgitops.gitops.argocd;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.ApplicationSync.RevisionCheck;
import io.mlgitops.gitops.SyncOutcome.Ending;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from one application state whether a wait for a revision is over. Only states about the awaited revision
 * decide: a degraded application or a failed operation on an older revision is what the promotion is replacing, so
 * the wait goes on.
 */
final class SyncJudge {
    private static final Set<String> FAILED_PHASES = Set.of("Failed", "Error");
    private static final Set<String> RUNNING_PHASES = Set.of("Running", "Terminating");

    private final RevisionCheck includes;
    private final Instant start;
    private final Map<String, Boolean> checked = new HashMap<>();

    /**
     * @param includes whether a reported revision includes the awaited one
     * @param start    when the wait began: an operation that names no revision counts only if it started since
     */
    SyncJudge(final RevisionCheck includes, final Instant start) {
        this.includes = includes;
        this.start = start;
    }

    /** The ending this state means, or empty to keep waiting. */
    Optional<Ending> judge(final ApplicationState state) throws MlGitOpsException {
        boolean ourOperation = state.operationRevisions().isEmpty()
                ? state.operationStarted() != null && !state.operationStarted().isBefore(start)
                : anyIncluded(state.operationRevisions());
        if (ourOperation && FAILED_PHASES.contains(state.operationPhase())) {
            return Optional.of(Ending.SYNC_FAILED);
        }
        if (!anyIncluded(state.revisions())) {
            return Optional.empty();
        }
        if ("Degraded".equals(state.healthStatus())) {
            return Optional.of(Ending.DEGRADED);
        }
        boolean operationRunning = ourOperation && RUNNING_PHASES.contains(state.operationPhase());
        if ("Synced".equals(state.syncStatus()) && "Healthy".equals(state.healthStatus()) && !operationRunning) {
            return Optional.of(Ending.SYNCED);
        }
        return Optional.empty();
    }

    /** Whether any revision includes the awaited one; each distinct revision is checked once (it may ask git). */
    private boolean anyIncluded(final List<String> revisions) throws MlGitOpsException {
        for (String revision : revisions) {
            Boolean known = checked.get(revision);
            if (known == null) {
                known = includes.includes(revision);
                checked.put(revision, known);
            }
            if (known) {
                return true;
            }
        }
        return false;
    }
}
